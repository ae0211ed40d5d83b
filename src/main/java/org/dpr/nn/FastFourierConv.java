package org.dpr.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Fast Fourier convolution followed by batch normalisation and ReLU on each branch,
 * "FFC(k, s, p) + BN + ReLU" of Supplementary Table 1 (Chi et al. 2020, as used in LaMa).
 *
 * <p>The channels are split into a local branch x_l and a global branch x_g:
 * y_l = conv_l→l(x_l) + conv_g→l(x_g) and y_g = conv_l→g(x_l) + {@link SpectralTransform}(x_g), where
 * the three conv paths are k×k convolutions padded by reflection. Each output branch then gets its
 * own batch normalisation and ReLU. Input {@code (x_l)} when the layer has no global input (the
 * first layer of the FFC encoder) or {@code (x_l, x_g)}; output {@code (y_l, y_g)}.
 */
public final class FastFourierConv extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int inLocal;
    private final int inGlobal;
    private final int paddingPx;
    private final PaddedConv2d localToLocal;
    private final PaddedConv2d localToGlobal;
    private final PaddedConv2d globalToLocal;
    private final SpectralTransform globalToGlobal;
    private final BatchNorm localNorm;
    private final BatchNorm globalNorm;

    /**
     * @param inLocal   local input channels (> 0)
     * @param inGlobal  global input channels (≥ 0; 0 for a layer fed by a plain image)
     * @param outLocal  local output channels (> 0)
     * @param outGlobal global output channels (> 0)
     */
    public FastFourierConv(int inLocal, int inGlobal, int outLocal, int outGlobal, int kernelPx, int stridePx,
            int paddingPx) {
        super(VERSION);
        if (inLocal <= 0 || inGlobal < 0 || outLocal <= 0 || outGlobal <= 0) {
            throw new IllegalArgumentException("an FFC needs local input and both outputs, got " + inLocal + "+"
                    + inGlobal + " → " + outLocal + "+" + outGlobal);
        }
        this.inLocal = inLocal;
        this.inGlobal = inGlobal;
        this.paddingPx = paddingPx;
        // the block pads each branch once by reflection and its convolutions see padded inputs
        localToLocal = addChildBlock("convl2l",
                PaddedConv2d.of(inLocal, outLocal, kernelPx, stridePx, 0, PaddingMode.ZERO));
        localToGlobal = addChildBlock("convl2g",
                PaddedConv2d.of(inLocal, outGlobal, kernelPx, stridePx, 0, PaddingMode.ZERO));
        if (inGlobal > 0) {
            globalToLocal = addChildBlock("convg2l",
                    PaddedConv2d.of(inGlobal, outLocal, kernelPx, stridePx, 0, PaddingMode.ZERO));
            globalToGlobal = addChildBlock("convg2g", new SpectralTransform(inGlobal, outGlobal, stridePx));
        } else {
            globalToLocal = null;
            globalToGlobal = null;
        }
        localNorm = addChildBlock("bn_l", BatchNorm.builder().build());
        globalNorm = addChildBlock("bn_g", BatchNorm.builder().build());
    }

    /** An FFC that keeps the half/half split: C → C' with C/2 + C/2 in and C'/2 + C'/2 out. */
    public static FastFourierConv halfGlobal(int inChannels, int outChannels, int kernelPx, int stridePx,
            int paddingPx) {
        return new FastFourierConv(inChannels - inChannels / 2, inChannels / 2, outChannels - outChannels / 2,
                outChannels / 2, kernelPx, stridePx, paddingPx);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        checkInputs(inputShapes);
        Shape localPadded = padded(inputShapes[0]);
        localToLocal.initialize(manager, dataType, localPadded);
        localToGlobal.initialize(manager, dataType, localPadded);
        if (globalToLocal != null) {
            globalToLocal.initialize(manager, dataType, padded(inputShapes[1]));
            globalToGlobal.initialize(manager, dataType, inputShapes[1]);
        }
        Shape[] out = getOutputShapes(inputShapes);
        localNorm.initialize(manager, dataType, out[0]);
        globalNorm.initialize(manager, dataType, out[1]);
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray yLocal;
        NDArray yGlobal;
        try (NDArray localPadded = ReflectionPadding.pad(inputs.get(0), paddingPx)) {
            NDList local = new NDList(localPadded);
            if (globalToLocal == null) {
                yLocal = localToLocal.forward(parameterStore, local, training).singletonOrThrow();
                yGlobal = localToGlobal.forward(parameterStore, local, training).singletonOrThrow();
            } else {
                NDArray global = inputs.get(1);
                try (NDArray globalPadded = ReflectionPadding.pad(global, paddingPx);
                        NDArray ll = localToLocal.forward(parameterStore, local, training).singletonOrThrow();
                        NDArray gl = globalToLocal.forward(parameterStore, new NDList(globalPadded), training)
                                .singletonOrThrow();
                        NDArray lg = localToGlobal.forward(parameterStore, local, training).singletonOrThrow();
                        NDArray gg = globalToGlobal.forward(parameterStore, new NDList(global), training)
                                .singletonOrThrow()) {
                    yLocal = ll.add(gl);
                    yGlobal = lg.add(gg);
                }
            }
        }
        return new NDList(normRelu(parameterStore, localNorm, yLocal, training),
                normRelu(parameterStore, globalNorm, yGlobal, training));
    }

    static NDArray normRelu(ParameterStore parameterStore, BatchNorm norm, NDArray x, boolean training) {
        try (x; NDArray normed = norm.forward(parameterStore, new NDList(x), training).singletonOrThrow()) {
            return Activation.relu(normed);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        checkInputs(inputShapes);
        Shape localPadded = padded(inputShapes[0]);
        Shape local = localToLocal.getOutputShapes(new Shape[] {localPadded})[0];
        Shape global = localToGlobal.getOutputShapes(new Shape[] {localPadded})[0];
        return new Shape[] {local, global};
    }

    private Shape padded(Shape s) {
        return new Shape(s.get(0), s.get(1), s.get(2) + 2L * paddingPx, s.get(3) + 2L * paddingPx);
    }

    private void checkInputs(Shape[] inputShapes) {
        int expected = inGlobal > 0 ? 2 : 1;
        if (inputShapes.length != expected || inputShapes[0].get(1) != inLocal
                || (expected == 2 && (inputShapes[1].get(1) != inGlobal
                        || inputShapes[1].get(2) != inputShapes[0].get(2)
                        || inputShapes[1].get(3) != inputShapes[0].get(3)))) {
            throw new IllegalArgumentException("an FFC with " + inLocal + " local and " + inGlobal
                    + " global input channels got " + java.util.Arrays.toString(inputShapes));
        }
    }
}
