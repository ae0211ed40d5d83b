package org.dpr.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A 2-D convolution without bias whose input is padded by reflection or with zeros: the
 * convolution every block of the DPR network is built from (Supplementary Table 1: "all
 * convolution operations operate without bias"). DJL's own {@code Conv2d} only pads with zeros.
 *
 * <p>Input (B, C_in, H, W); output (B, C_out, ⌊(H + 2p − k)/s⌋ + 1, ⌊(W + 2p − k)/s⌋ + 1). The
 * weight has shape (C_out, C_in/groups, k, k) and starts as PyTorch's default,
 * U(±1/√fan_in) ({@link FanInUniformInitializer}).
 */
public final class PaddedConv2d extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int inChannels;
    private final int outChannels;
    private final int kernelPx;
    private final int stridePx;
    private final int paddingPx;
    private final int groups;
    private final PaddingMode paddingMode;
    private final Parameter weight;

    private PaddedConv2d(int inChannels, int outChannels, int kernelPx, int stridePx, int paddingPx, int groups,
            PaddingMode paddingMode) {
        super(VERSION);
        if (inChannels <= 0 || outChannels <= 0 || kernelPx <= 0 || stridePx <= 0 || paddingPx < 0 || groups <= 0) {
            throw new IllegalArgumentException("invalid convolution " + inChannels + "→" + outChannels + " kernel "
                    + kernelPx + " stride " + stridePx + " padding " + paddingPx + " groups " + groups);
        }
        if (inChannels % groups != 0 || outChannels % groups != 0) {
            throw new IllegalArgumentException("channels " + inChannels + "→" + outChannels
                    + " are not divisible by " + groups + " groups");
        }
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernelPx = kernelPx;
        this.stridePx = stridePx;
        this.paddingPx = paddingPx;
        this.groups = groups;
        this.paddingMode = paddingMode;
        this.weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optInitializer(new FanInUniformInitializer()).build());
    }

    /** A dense k×k convolution C_in → C_out with stride s and padding p of the given kind. */
    public static PaddedConv2d of(int inChannels, int outChannels, int kernelPx, int stridePx, int paddingPx,
            PaddingMode paddingMode) {
        return new PaddedConv2d(inChannels, outChannels, kernelPx, stridePx, paddingPx, 1, paddingMode);
    }

    /** A 1×1 convolution C_in → C_out (no padding). */
    public static PaddedConv2d pointwise(int inChannels, int outChannels) {
        return new PaddedConv2d(inChannels, outChannels, 1, 1, 0, 1, PaddingMode.ZERO);
    }

    /** A depthwise k×k convolution (groups = channels), stride 1, padding (k − 1)/2. */
    public static PaddedConv2d depthwise(int channels, int kernelPx, PaddingMode paddingMode) {
        return new PaddedConv2d(channels, channels, kernelPx, 1, (kernelPx - 1) / 2, channels, paddingMode);
    }

    public int inChannels() {
        return inChannels;
    }

    public int outChannels() {
        return outChannels;
    }

    /** The weight parameter (C_out, C_in/groups, k, k). */
    public Parameter weight() {
        return weight;
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        checkInput(inputShapes[0]);
        weight.setShape(new Shape(outChannels, inChannels / groups, kernelPx, kernelPx));
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray w = parameterStore.getValue(weight, x.getDevice(), training);
        Shape stride = new Shape(stridePx, stridePx);
        Shape dilation = new Shape(1, 1);
        if (paddingMode == PaddingMode.REFLECT && paddingPx > 0) {
            try (NDArray padded = ReflectionPadding.pad(x, paddingPx)) {
                return Conv2d.conv2d(padded, w, null, stride, new Shape(0, 0), dilation, groups);
            }
        }
        return Conv2d.conv2d(x, w, null, stride, new Shape(paddingPx, paddingPx), dilation, groups);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        checkInput(in);
        return new Shape[] {new Shape(in.get(0), outChannels, outputSize(in.get(2)), outputSize(in.get(3)))};
    }

    private long outputSize(long size) {
        return (size + 2L * paddingPx - kernelPx) / stridePx + 1;
    }

    private void checkInput(Shape in) {
        if (in.dimension() != 4 || in.get(1) != inChannels) {
            throw new IllegalArgumentException(
                    "expected (B, " + inChannels + ", H, W) for a convolution " + this + ", got " + in);
        }
    }

    @Override
    public String toString() {
        return "PaddedConv2d(" + inChannels + "→" + outChannels + ", k " + kernelPx + ", s " + stridePx + ", p "
                + paddingPx + " " + paddingMode + (groups > 1 ? ", groups " + groups : "") + ")";
    }
}
