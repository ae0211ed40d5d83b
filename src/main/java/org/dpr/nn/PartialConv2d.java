package org.dpr.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The (weighted) partial convolution of paper §4.1, eq. 2: a convolution that sees only the measured
 * pixels and renormalises by how much of its window was measured.
 *
 * <p>Inputs (X (B, C, H, W), M (B, 1, H, W)) with M = 1 on measured pixels. With W the weight map of
 * {@link MaskWeighting} at this layer's own input size and a ones kernel of the layer's size,
 * stride and (zero) padding: {@code count = conv(M·W)}, {@code full = conv(W)};
 * output = K * reflectpad(X·M) · full/count where count ≥ 1e−8, else 0; the next layer's mask is
 * (count ≥ 1e−8). Outputs (Y (B, C_out, H', W'), M' (B, 1, H', W')). As the authors' code, the data
 * are padded by reflection and the mask and weights by zeros, so a border window renormalises by
 * the weight that lies inside the image. No bias; batch normalisation and ReLU are separate blocks.
 */
public final class PartialConv2d extends AbstractBlock {
    private static final byte VERSION = 1;
    /** Threshold below which a window counts as fully masked. */
    public static final double MIN_COUNT = 1e-8;

    private final int kernelPx;
    private final int stridePx;
    private final int paddingPx;
    private final MaskWeighting weighting;
    private final WeightMap weightMap;
    private final PaddedConv2d conv;

    /** The weight map W of an H×W layer input, row-major. */
    @FunctionalInterface
    interface WeightMap {
        float[] weights(int height, int width);
    }

    /**
     * @param objectBoxPx n, the network's object box, which sets the oversampling σ = min(H, W)/n of
     *                    the Guinier–Porod weights (ignored for {@link MaskWeighting#UNIFORM})
     */
    public PartialConv2d(int inChannels, int outChannels, int kernelPx, int stridePx, int paddingPx,
            MaskWeighting weighting, int objectBoxPx) {
        this(inChannels, outChannels, kernelPx, stridePx, paddingPx, weighting,
                (h, w) -> weighting.weights(h, w, objectBoxPx));
        if (objectBoxPx <= 0) {
            throw new IllegalArgumentException("object box must be positive, got " + objectBoxPx);
        }
    }

    /** A partial convolution with an arbitrary weight map (for tests and experiments). */
    PartialConv2d(int inChannels, int outChannels, int kernelPx, int stridePx, int paddingPx, MaskWeighting label,
            WeightMap weightMap) {
        super(VERSION);
        this.kernelPx = kernelPx;
        this.stridePx = stridePx;
        this.paddingPx = paddingPx;
        this.weighting = label;
        this.weightMap = weightMap;
        this.conv = addChildBlock("conv",
                PaddedConv2d.of(inChannels, outChannels, kernelPx, stridePx, paddingPx, PaddingMode.REFLECT));
    }

    public MaskWeighting weighting() {
        return weighting;
    }

    /** The convolution K (its weight is this block's only parameter). */
    public PaddedConv2d convolution() {
        return conv;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        checkInputs(inputShapes);
        conv.initialize(manager, dataType, inputShapes[0]);
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray mask = inputs.get(1);
        Shape s = x.getShape();
        NDList ratioAndMask = renormalisation(mask, (int) s.get(2), (int) s.get(3));
        try (NDArray ratio = ratioAndMask.get(0); NDArray masked = x.mul(mask);
                NDArray raw = conv.forward(parameterStore, new NDList(masked), training).singletonOrThrow()) {
            return new NDList(raw.mul(ratio), ratioAndMask.get(1));
        }
    }

    /** (full/count where count ≥ 1e−8 else 0, next mask) for a mask (B, 1, H, W). */
    NDList renormalisation(NDArray mask, int height, int width) {
        NDManager m = mask.getManager();
        Shape stride = new Shape(stridePx, stridePx);
        Shape padding = new Shape(paddingPx, paddingPx);
        Shape dilation = new Shape(1, 1);
        try (NDArray ones = m.ones(new Shape(1, 1, kernelPx, kernelPx));
                NDArray w = m.create(weightMap.weights(height, width), new Shape(1, 1, height, width));
                NDArray weightedMask = mask.mul(w);
                NDArray count = Conv2d.conv2d(weightedMask, ones, null, stride, padding, dilation, 1).singletonOrThrow();
                NDArray full = Conv2d.conv2d(w, ones, null, stride, padding, dilation, 1).singletonOrThrow();
                NDArray valid = count.gte(MIN_COUNT);
                NDArray safeCount = count.maximum(MIN_COUNT);
                NDArray ratio = full.div(safeCount)) {
            NDArray nextMask = valid.toType(DataType.FLOAT32, false);
            return new NDList(ratio.mul(nextMask), nextMask);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        checkInputs(inputShapes);
        Shape y = conv.getOutputShapes(new Shape[] {inputShapes[0]})[0];
        return new Shape[] {y, new Shape(y.get(0), 1, y.get(2), y.get(3))};
    }

    private static void checkInputs(Shape[] inputShapes) {
        if (inputShapes.length != 2 || inputShapes[1].dimension() != 4 || inputShapes[1].get(1) != 1
                || inputShapes[0].get(2) != inputShapes[1].get(2) || inputShapes[0].get(3) != inputShapes[1].get(3)) {
            throw new IllegalArgumentException("a partial convolution takes (X (B, C, H, W), M (B, 1, H, W)), got "
                    + java.util.Arrays.toString(inputShapes));
        }
    }
}
