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
 * Depthwise-separable convolution DSC(3, 1, 1) (Supplementary Table 1): a depthwise 3×3
 * convolution (one filter per channel, groups = C_in) followed directly by a pointwise 1×1
 * convolution C_in → C_out, both without bias and with nothing in between. It costs
 * 9·C_in + C_in·C_out parameters instead of 9·C_in·C_out.
 *
 * <p>The depthwise convolution pads with zeros, as in the authors' code (a plain
 * {@code nn.Conv2d} there); pass {@link PaddingMode#REFLECT} to pad by reflection instead.
 */
public final class DepthwiseSeparableConv extends AbstractBlock {
    private static final byte VERSION = 1;
    private static final int KERNEL_PX = 3;

    private final PaddedConv2d depthwise;
    private final PaddedConv2d pointwise;

    public DepthwiseSeparableConv(int inChannels, int outChannels, PaddingMode paddingMode) {
        super(VERSION);
        depthwise = addChildBlock("depthwise", PaddedConv2d.depthwise(inChannels, KERNEL_PX, paddingMode));
        pointwise = addChildBlock("pointwise", PaddedConv2d.pointwise(inChannels, outChannels));
    }

    /** DSC C_in → C_out with the authors' zero padding. */
    public DepthwiseSeparableConv(int inChannels, int outChannels) {
        this(inChannels, outChannels, PaddingMode.ZERO);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        depthwise.initialize(manager, dataType, inputShapes);
        pointwise.initialize(manager, dataType, depthwise.getOutputShapes(inputShapes));
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        try (NDArray spatial = depthwise.forward(parameterStore, inputs, training).singletonOrThrow()) {
            return pointwise.forward(parameterStore, new NDList(spatial), training);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return pointwise.getOutputShapes(depthwise.getOutputShapes(inputShapes));
    }
}
