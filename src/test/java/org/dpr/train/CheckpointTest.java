package org.dpr.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.dpr.DprException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
    private static final int BATCH = 8;
    private static final int PER_EPOCH = 4;
    /** A schedule whose rate depends on the position, so a wrongly restored position shows. */
    private static final TrainingStep STEP = TrainingStep.of(AdamW.withDefaults(),
            CosineWarmRestarts.withDefaults().withRates(0.05, 1e-4).withFirstPeriodEpochs(2).withWarmupEpochs(0))
            .withAsam(Asam.withDefaults().withRho(0.05));

    @Test
    void restoringAndContinuingGivesTheSameWeightsAsContinuingWithoutAStop(@TempDir Path dir) {
        Path file = dir.resolve("run").resolve("checkpoint.dpr");
        try (NDManager m = NDManager.newBaseManager(); OptimizerState state = OptimizerState.create(m)) {
            Block a = TinyModels.withBatchNorm(m, BATCH);
            ParameterStore store = new ParameterStore(m, false);
            Random rng = new Random(11);
            int[] position = {0, 0};
            for (int i = 0; i < 3; i++) {
                step(a, state, store, rng, position, m);
            }
            Checkpoint.save(file, a, state, new TrainingProgress(position[0], position[1], 0.25, 11L), rng,
                    Map.of("command", "dpr train --seed 11"));
            for (int i = 0; i < 2; i++) {
                step(a, state, store, rng, position, m);
            }

            try (OptimizerState restoredState = OptimizerState.create(m)) {
                Block b = TinyModels.withBatchNorm(m, BATCH); // different initial weights
                assertThat(TinyModels.snapshot(b).get("03Linear_weight"))
                        .isNotEqualTo(TinyModels.snapshot(a).get("03Linear_weight"));
                Checkpoint.Restored restored = Checkpoint.restore(file, b, restoredState);
                assertThat(restored.progress()).isEqualTo(new TrainingProgress(0, 3, 0.25, 11L));
                assertThat(restored.notes()).containsEntry("command", "dpr train --seed 11");
                assertThat(restoredState.step()).isEqualTo(3);
                int[] resumed = {restored.progress().epoch(), restored.progress().iteration()};
                for (int i = 0; i < 2; i++) {
                    step(b, restoredState, store, restored.rng(), resumed, m);
                }
                Map<String, float[]> expected = TinyModels.snapshot(a);
                Map<String, float[]> actual = TinyModels.snapshot(b);
                assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
                for (String name : expected.keySet()) {
                    assertThat(actual.get(name)).as(name).containsExactly(expected.get(name));
                }
                assertThat(restoredState.step()).isEqualTo(state.step());
                for (String name : state.moments().keySet()) {
                    assertThat(restoredState.moments().get(name).variance().toFloatArray()).as(name)
                            .containsExactly(state.moments().get(name).variance().toFloatArray());
                }
            }
        }
    }

    @Test
    void writingLeavesNoTemporaryFileAndReplacesAnOlderCheckpoint(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.dpr");
        try (NDManager m = NDManager.newBaseManager(); OptimizerState state = OptimizerState.create(m)) {
            Block block = TinyModels.linear(m, BATCH);
            Checkpoint.save(file, block, state, TrainingProgress.start(1), new Random(1), Map.of());
            Checkpoint.save(file, block, state, new TrainingProgress(5, 0, 0.5, 1), new Random(1), Map.of());
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files).containsExactly(file);
            }
            assertThat(Checkpoint.readProgress(file)).isEqualTo(new TrainingProgress(5, 0, 0.5, 1));
            Checkpoint.save(file, block, state, TrainingProgress.start(2), new Random(1), Map.of());
            assertThat(Checkpoint.readProgress(file).bestValidationLoss()).isEqualTo(Double.POSITIVE_INFINITY);
        }
    }

    @Test
    void aCorruptOrTruncatedCheckpointIsRejectedClearlyAndLeavesTheModelUnchanged(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.dpr");
        try (NDManager m = NDManager.newBaseManager(); OptimizerState state = OptimizerState.create(m)) {
            Block block = TinyModels.withBatchNorm(m, BATCH);
            Checkpoint.save(file, block, state, TrainingProgress.start(1), new Random(1), Map.of());
            byte[] bytes = Files.readAllBytes(file);

            Block other = TinyModels.withBatchNorm(m, BATCH);
            Map<String, float[]> before = TinyModels.snapshot(other);
            byte[] flipped = bytes.clone();
            flipped[bytes.length / 2] ^= 0x10;
            Path corrupt = Files.write(dir.resolve("corrupt.dpr"), flipped);
            assertThatThrownBy(() -> Checkpoint.restore(corrupt, other, state))
                    .isInstanceOf(CheckpointException.class).isInstanceOf(DprException.class)
                    .hasMessageContaining("corrupt");
            Path cut = Files.write(dir.resolve("cut.dpr"), java.util.Arrays.copyOf(bytes, bytes.length - 100));
            assertThatThrownBy(() -> Checkpoint.restore(cut, other, state)).isInstanceOf(CheckpointException.class)
                    .hasMessageMatching(".*(corrupt|truncated).*");
            Path tiny = Files.write(dir.resolve("tiny.dpr"), java.util.Arrays.copyOf(bytes, 10));
            assertThatThrownBy(() -> Checkpoint.restore(tiny, other, state)).isInstanceOf(CheckpointException.class)
                    .hasMessageContaining("truncated");
            Path text = Files.writeString(dir.resolve("notes.txt"), "hello, not a checkpoint");
            assertThatThrownBy(() -> Checkpoint.restore(text, other, state)).isInstanceOf(CheckpointException.class)
                    .hasMessageContaining("not a dpr checkpoint");
            assertThatThrownBy(() -> Checkpoint.restore(dir.resolve("none.dpr"), other, state))
                    .isInstanceOf(CheckpointException.class).hasMessageContaining("not found");

            Map<String, float[]> after = TinyModels.snapshot(other);
            for (String name : before.keySet()) {
                assertThat(after.get(name)).as(name).containsExactly(before.get(name));
            }
        }
    }

    @Test
    void aCheckpointOfAnotherNetworkNamesTheMismatchingParameter(@TempDir Path dir) {
        Path file = dir.resolve("c.dpr");
        try (NDManager m = NDManager.newBaseManager(); OptimizerState state = OptimizerState.create(m)) {
            Checkpoint.save(file, TinyModels.linear(m, BATCH), state, TrainingProgress.start(1), new Random(1), Map.of());
            Block wider = Linear.builder().setUnits(2).build();
            wider.initialize(m, DataType.FLOAT32, new Shape(BATCH, TinyModels.FEATURES));
            assertThatThrownBy(() -> Checkpoint.restore(file, wider, state)).isInstanceOf(CheckpointException.class)
                    .hasMessageContaining("different network").hasMessageContaining("'weight'")
                    .hasMessageContaining("(1, 3)").hasMessageContaining("(2, 3)");
            assertThatThrownBy(() -> Checkpoint.restore(file, TinyModels.withBatchNorm(m, BATCH), state))
                    .isInstanceOf(CheckpointException.class).hasMessageContaining("different network");
        }
    }

    /** One training step on a batch drawn from {@code rng}, then advance the position. */
    private static void step(Block block, OptimizerState state, ParameterStore store, Random rng, int[] position,
            NDManager m) {
        try (NDManager batch = m.newSubManager()) {
            NDList data = TinyModels.batch(batch, rng, BATCH);
            STEP.run(block, state, () -> TinyModels.mse(block, store, data), position[0], position[1], PER_EPOCH);
        }
        position[1]++;
        if (position[1] == PER_EPOCH) {
            position[0]++;
            position[1] = 0;
        }
    }
}
