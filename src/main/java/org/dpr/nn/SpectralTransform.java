package org.dpr.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The global→global path of a fast Fourier convolution (LaMa's spectral transform).
 *
 * <p>x (B, C_in, H, W) → [2×2 average pooling if stride 2] → 1×1 convolution C_in → C_out/2 + batch
 * normalisation + ReLU → h; then h + FU(h) + LFU(h) → 1×1 convolution C_out/2 → C_out. FU is a
 * {@link FourierUnit} on the whole map; the local Fourier unit LFU takes the first quarter of h's
 * channels, cuts it into 2×2 spatial quadrants stacked as channels (top-left, bottom-left,
 * top-right, bottom-right), applies a Fourier unit at half size and tiles the result back 2×2, so
 * it sees structure at half the scale. H and W after pooling must be even and C_out/2 a multiple of 4.
 */
public final class SpectralTransform extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int hidden;
    private final int stridePx;
    private final PaddedConv2d reduce;
    private final BatchNorm reduceNorm;
    private final FourierUnit global;
    private final FourierUnit local;
    private final PaddedConv2d expand;

    public SpectralTransform(int inChannels, int outChannels, int stridePx) {
        super(VERSION);
        if (outChannels % 8 != 0 || stridePx < 1 || stridePx > 2) {
            throw new IllegalArgumentException("a spectral transform needs output channels divisible by 8 and stride 1"
                    + " or 2, got " + outChannels + ", stride " + stridePx);
        }
        this.hidden = outChannels / 2;
        this.stridePx = stridePx;
        reduce = addChildBlock("conv1", PaddedConv2d.pointwise(inChannels, hidden));
        reduceNorm = addChildBlock("bn1", BatchNorm.builder().build());
        global = addChildBlock("fu", new FourierUnit(hidden));
        local = addChildBlock("lfu", new FourierUnit(hidden));
        expand = addChildBlock("conv2", PaddedConv2d.pointwise(hidden, outChannels));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape pooled = pooledShape(inputShapes[0]);
        reduce.initialize(manager, dataType, pooled);
        Shape h = reduce.getOutputShapes(new Shape[] {pooled})[0];
        reduceNorm.initialize(manager, dataType, h);
        global.initialize(manager, dataType, h);
        local.initialize(manager, dataType, new Shape(h.get(0), hidden, h.get(2) / 2, h.get(3) / 2));
        expand.initialize(manager, dataType, h);
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        pooledShape(x.getShape());
        NDArray h;
        try (NDArray pooled = stridePx == 2
                        ? Pool.avgPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false, true)
                        : x.duplicate();
                NDArray reduced = reduce.forward(parameterStore, new NDList(pooled), training).singletonOrThrow();
                NDArray normed = reduceNorm.forward(parameterStore, new NDList(reduced), training).singletonOrThrow()) {
            h = Activation.relu(normed);
        }
        try (h;
                NDArray fu = global.forward(parameterStore, new NDList(h), training).singletonOrThrow();
                NDArray lfu = localFourier(parameterStore, h, training);
                NDArray sum = h.add(fu);
                NDArray total = sum.add(lfu)) {
            return expand.forward(parameterStore, new NDList(total), training);
        }
    }

    private NDArray localFourier(ParameterStore parameterStore, NDArray h, boolean training) {
        Shape s = h.getShape();
        long hh = s.get(2) / 2;
        long hw = s.get(3) / 2;
        String quarter = ":, 0:" + hidden / 4;
        try (NDArray topLeft = h.get(new NDIndex(quarter + ", 0:" + hh + ", 0:" + hw));
                NDArray bottomLeft = h.get(new NDIndex(quarter + ", " + hh + ":, 0:" + hw));
                NDArray topRight = h.get(new NDIndex(quarter + ", 0:" + hh + ", " + hw + ":"));
                NDArray bottomRight = h.get(new NDIndex(quarter + ", " + hh + ":, " + hw + ":"));
                NDArray stacked = NDArrays.concat(new NDList(topLeft, bottomLeft, topRight, bottomRight), 1);
                NDArray transformed = local.forward(parameterStore, new NDList(stacked), training).singletonOrThrow()) {
            return transformed.tile(new long[] {1, 1, 2, 2});
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return expand.getOutputShapes(reduce.getOutputShapes(new Shape[] {pooledShape(inputShapes[0])}));
    }

    private Shape pooledShape(Shape in) {
        if (in.dimension() != 4) {
            throw new IllegalArgumentException("a spectral transform takes (B, C, H, W), got " + in);
        }
        long height = in.get(2) / stridePx;
        long width = in.get(3) / stridePx;
        if (height % 2 != 0 || width % 2 != 0) {
            throw new IllegalArgumentException("the local Fourier unit cuts the map into 2×2 quadrants, so its size must"
                    + " be even, got " + height + "×" + width);
        }
        return new Shape(in.get(0), in.get(1), height, width);
    }
}
