package org.dpr.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;

/**
 * PyTorch's default initialisation of convolution weights, which the authors trained from:
 * U(−1/√fan_in, 1/√fan_in) with fan_in = (C_in/groups)·k² (kaiming-uniform with a = √5). DJL's default
 * for weights (He normal, variance 2/fan_in) is six times wider and saturates the sigmoid at the end
 * of an untrained DPR network.
 */
public final class FanInUniformInitializer implements Initializer {
    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        if (shape.dimension() < 2 || shape.size() == 0) {
            throw new IllegalArgumentException("a weight needs (C_out, C_in, …) axes, got " + shape);
        }
        float bound = (float) (1 / Math.sqrt((double) shape.size() / shape.get(0)));
        return manager.randomUniform(-bound, bound, shape, dataType);
    }
}
