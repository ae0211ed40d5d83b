package org.dpr.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The Fourier unit of fast Fourier convolution (Chi et al. 2020; LaMa, Suvorov et al. 2022): a
 * pointwise convolution in the frequency domain, whose receptive field is the whole image.
 *
 * <p>x (B, C, H, W) → orthonormal real FFT over (H, W) → real and imaginary parts stacked as
 * channels (interleaved: re₀, im₀, re₁, im₁, …), (B, 2C, H, W//2 + 1) → 1×1 convolution 2C → 2C +
 * batch normalisation + ReLU → back to a half spectrum → inverse real FFT to (B, C, H, W).
 */
public final class FourierUnit extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int channels;
    private final PaddedConv2d conv;
    private final BatchNorm norm;

    public FourierUnit(int channels) {
        super(VERSION);
        if (channels <= 0) {
            throw new IllegalArgumentException("a Fourier unit needs channels, got " + channels);
        }
        this.channels = channels;
        conv = addChildBlock("conv", PaddedConv2d.pointwise(2 * channels, 2 * channels));
        norm = addChildBlock("bn", BatchNorm.builder().build());
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape spectral = spectralShape(inputShapes[0]);
        conv.initialize(manager, dataType, spectral);
        norm.initialize(manager, dataType, spectral);
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape s = x.getShape();
        int height = (int) s.get(2);
        int width = (int) s.get(3);
        Shape spectral = spectralShape(s);
        NDArray activated;
        try (NDArray pairs = RealFft2.forward(x);
                NDArray channelFirst = pairs.transpose(0, 1, 4, 2, 3);
                NDArray stacked = channelFirst.reshape(spectral);
                NDArray mixed = conv.forward(parameterStore, new NDList(stacked), training).singletonOrThrow();
                NDArray normed = norm.forward(parameterStore, new NDList(mixed), training).singletonOrThrow()) {
            activated = Activation.relu(normed);
        }
        try (activated;
                NDArray split = activated.reshape(s.get(0), channels, 2, spectral.get(2), spectral.get(3));
                NDArray re = split.get(new NDIndex(":, :, 0"));
                NDArray im = split.get(new NDIndex(":, :, 1"))) {
            return new NDList(RealFft2.inverse(re, im, height, width));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        spectralShape(inputShapes[0]);
        return new Shape[] {inputShapes[0]};
    }

    private Shape spectralShape(Shape in) {
        if (in.dimension() != 4 || in.get(1) != channels) {
            throw new IllegalArgumentException("a Fourier unit of " + channels + " channels got " + in);
        }
        return new Shape(in.get(0), 2L * channels, in.get(2), in.get(3) / 2 + 1);
    }
}
