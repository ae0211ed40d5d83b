package org.dpr.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ForwardModeTest {

    @Test
    void batchNormRunningStatisticsChangeOnlyInTrainingMode() {
        try (NDManager m = NDManager.newBaseManager()) {
            Block block = TinyModels.withBatchNorm(m, 8);
            ParameterStore store = new ParameterStore(m, false);
            NDList data = TinyModels.batch(m, new Random(5), 8);
            Map<String, float[]> start = TinyModels.snapshot(block);
            ForwardMode.INFERENCE.forward(block, store, new NDList(data.get(0)));
            Map<String, float[]> afterInference = TinyModels.snapshot(block);
            ForwardMode.TRAINING.forward(block, store, new NDList(data.get(0)));
            Map<String, float[]> afterTraining = TinyModels.snapshot(block);
            for (String name : start.keySet()) {
                assertThat(afterInference.get(name)).as(name).containsExactly(start.get(name));
                if (name.contains("running")) {
                    assertThat(afterTraining.get(name)).as(name).isNotEqualTo(start.get(name));
                } else {
                    assertThat(afterTraining.get(name)).as(name).containsExactly(start.get(name));
                }
            }
        }
    }

    @Test
    void inferenceOutputDoesNotDependOnTheRestOfTheBatchButTrainingOutputDoes() {
        try (NDManager m = NDManager.newBaseManager()) {
            Block block = TinyModels.withBatchNorm(m, 8);
            ParameterStore store = new ParameterStore(m, false);
            NDList data = TinyModels.batch(m, new Random(6), 8);
            NDList other = TinyModels.batch(m, new Random(7), 8);
            var mixed = data.get(0).duplicate();
            mixed.set(new ai.djl.ndarray.index.NDIndex("1:"), other.get(0).get("1:"));
            float inferA = ForwardMode.INFERENCE.forward(block, store, new NDList(data.get(0))).head().getFloat(0, 0);
            float inferB = ForwardMode.INFERENCE.forward(block, store, new NDList(mixed)).head().getFloat(0, 0);
            float trainA = ForwardMode.TRAINING.forward(block, store, new NDList(data.get(0))).head().getFloat(0, 0);
            float trainB = ForwardMode.TRAINING.forward(block, store, new NDList(mixed)).head().getFloat(0, 0);
            assertThat(inferB).isEqualTo(inferA);
            assertThat(trainB).isNotEqualTo(trainA);
        }
    }
}
