package org.dpr.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import java.util.List;

/** Shared steps of the two decoders: split into branches, run a chain of FFC blocks, merge. */
final class FfcStack {
    private FfcStack() {
    }

    /** Splits (B, C, H, W) into the local first half and the global second half of the channels. */
    static NDList split(NDArray x) {
        long c = x.getShape().get(1);
        long local = c - c / 2;
        return new NDList(x.get(new NDIndex(":, 0:" + local)), x.get(new NDIndex(":, " + local + ":")));
    }

    /** Shape-level {@link #split}. */
    static Shape[] splitShapes(Shape x) {
        long c = x.get(1);
        return new Shape[] {new Shape(x.get(0), c - c / 2, x.get(2), x.get(3)), new Shape(x.get(0), c / 2, x.get(2),
                x.get(3))};
    }

    /** Runs {@code blocks} in order, closing each intermediate (never {@code input}). */
    static NDList chain(ParameterStore parameterStore, List<? extends Block> blocks, NDList input, boolean training) {
        NDList current = input;
        for (Block block : blocks) {
            NDList next = block.forward(parameterStore, current, training);
            if (current != input) {
                current.close();
            }
            current = next;
        }
        return current;
    }

    /** Shape-level {@link #chain}. */
    static Shape[] chainShapes(List<? extends Block> blocks, Shape[] shapes) {
        Shape[] current = shapes;
        for (Block block : blocks) {
            current = block.getOutputShapes(current);
        }
        return current;
    }

    /** Concatenates the branches and applies the final DSC → 1 channel and the sigmoid (closes {@code branches}). */
    static NDArray mergeToImage(ParameterStore parameterStore, NDList branches, DepthwiseSeparableConv head,
            boolean training) {
        try (branches; NDArray merged = NDArrays.concat(branches, 1);
                NDArray logits = head.forward(parameterStore, new NDList(merged), training).singletonOrThrow()) {
            return Activation.sigmoid(logits);
        }
    }

    /** Batch normalisation + ReLU of a DSC output, then the split into branches (closes {@code x}). */
    static NDList normReluSplit(ParameterStore parameterStore, BatchNorm norm, NDArray x, boolean training) {
        try (NDArray activated = FastFourierConv.normRelu(parameterStore, norm, x, training)) {
            return split(activated);
        }
    }
}
