package org.dpr.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of a block, split into trainable ones (with gradients) and buffers (BatchNorm
 * running statistics), each under its stable hierarchical name from {@link Block#getParameters()}
 * — the key of optimiser state and checkpoints (DJL's {@link Parameter#getId()} is a fresh UUID per
 * instance and would not survive a restart).
 */
final class TrainableParameters {
    private TrainableParameters() {
    }

    /** A named parameter. */
    record Named(String name, Parameter parameter) {
        NDArray array() {
            return parameter.getArray();
        }

        /**
         * True for convolution and linear weights ({@link Parameter.Type#WEIGHT}), whose scale ASAM
         * adapts to; false for biases and BatchNorm's γ and β.
         */
        boolean isWeight() {
            return parameter.getType() == Parameter.Type.WEIGHT;
        }
    }

    /** Initialised parameters that require gradients, in the block's order. */
    static List<Named> trainable(Block block) {
        List<Named> out = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            Parameter parameter = p.getValue();
            if (parameter.requiresGradient() && parameter.isInitialized()) {
                out.add(new Named(p.getKey(), parameter));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("the block has no initialised trainable parameters (initialise it first)");
        }
        return out;
    }

    /** Initialised parameters without gradients: BatchNorm running mean and variance. */
    static List<Named> buffers(Block block) {
        List<Named> out = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            Parameter parameter = p.getValue();
            if (!parameter.requiresGradient() && parameter.isInitialized()) {
                out.add(new Named(p.getKey(), parameter));
            }
        }
        return out;
    }

    /** Attaches gradients to trainable arrays that lost them (parameters loaded from a stream come without). */
    static void attachGradients(List<Named> trainable) {
        for (Named n : trainable) {
            if (!n.array().hasGradient()) {
                n.array().setRequiresGradient(true);
            }
        }
    }
}
