package org.dpr.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import java.util.Random;

/** Small blocks and data for the optimiser, checkpoint and mode tests. */
final class TinyModels {
    static final int FEATURES = 3;
    /** The linear relation the tests fit: y = 2 x₀ − x₁ + 0.5 x₂ + 0.3. */
    static final float[] TRUE_WEIGHTS = {2f, -1f, 0.5f};
    static final float TRUE_BIAS = 0.3f;

    private TinyModels() {
    }

    /** Linear(3 → 1), weights drawn by DJL's initialiser. */
    static Block linear(NDManager manager, int batch) {
        Block block = Linear.builder().setUnits(1).build();
        block.setInitializer(new NormalInitializer(0.1f), Parameter.Type.WEIGHT);
        block.initialize(manager, DataType.FLOAT32, new Shape(batch, FEATURES));
        return block;
    }

    /** Linear(3 → 4) → BatchNorm → Linear(4 → 1): has weights, biases, γ, β and running statistics. */
    static Block withBatchNorm(NDManager manager, int batch) {
        Block block = new SequentialBlock()
                .add(Linear.builder().setUnits(4).build())
                .add(BatchNorm.builder().build())
                .add(Linear.builder().setUnits(1).build());
        block.setInitializer(new NormalInitializer(0.3f), Parameter.Type.WEIGHT);
        block.initialize(manager, DataType.FLOAT32, new Shape(batch, FEATURES));
        return block;
    }

    /** A batch (x, y) of the linear relation drawn from {@code rng}: x ~ N(0, 1). */
    static NDList batch(NDManager manager, Random rng, int batch) {
        float[] x = new float[batch * FEATURES];
        float[] y = new float[batch];
        for (int b = 0; b < batch; b++) {
            double sum = TRUE_BIAS;
            for (int f = 0; f < FEATURES; f++) {
                x[b * FEATURES + f] = (float) rng.nextGaussian();
                sum += TRUE_WEIGHTS[f] * x[b * FEATURES + f];
            }
            y[b] = (float) sum;
        }
        return new NDList(manager.create(x, new Shape(batch, FEATURES)), manager.create(y, new Shape(batch, 1)));
    }

    /** Mean squared error of {@code block} on (x, y) in training mode. */
    static NDArray mse(Block block, ParameterStore store, NDList data) {
        NDArray out = ForwardMode.TRAINING.forward(block, store, new NDList(data.get(0))).head();
        return out.sub(data.get(1)).square().mean();
    }

    /** All parameter values of {@code block}, by name, as host copies. */
    static java.util.Map<String, float[]> snapshot(Block block) {
        java.util.Map<String, float[]> out = new java.util.LinkedHashMap<>();
        for (var p : block.getParameters()) {
            out.put(p.getKey(), p.getValue().getArray().toFloatArray());
        }
        return out;
    }
}
