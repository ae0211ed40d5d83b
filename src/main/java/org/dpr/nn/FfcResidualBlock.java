package org.dpr.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The FFC residual block of Supplementary Table 1 (layers 7–12, 19–30), as LaMa's:
 * (x_l, x_g) → FFC(3, 1, 1) + BN + ReLU → FFC(3, 1, 1) + BN + ReLU → (y_l, y_g), output
 * (x_l + y_l, x_g + y_g). Both branches carry C/2 channels.
 */
public final class FfcResidualBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final FastFourierConv first;
    private final FastFourierConv second;

    /** A residual block over C = {@code channels} channels split half/half. */
    public FfcResidualBlock(int channels) {
        super(VERSION);
        first = addChildBlock("conv1", FastFourierConv.halfGlobal(channels, channels, 3, 1, 1));
        second = addChildBlock("conv2", FastFourierConv.halfGlobal(channels, channels, 3, 1, 1));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        first.initialize(manager, dataType, inputShapes);
        second.initialize(manager, dataType, first.getOutputShapes(inputShapes));
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDList mid = first.forward(parameterStore, inputs, training);
        NDList out = second.forward(parameterStore, mid, training);
        mid.close();
        try (out) {
            return new NDList(inputs.get(0).add(out.get(0)), inputs.get(1).add(out.get(1)));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return second.getOutputShapes(first.getOutputShapes(inputShapes));
    }
}
