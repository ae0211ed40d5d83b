package org.dpr.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * The encoder of DPR (Supplementary Table 1, layers 1–5): N×N → N/8×N/8.
 *
 * <ul>
 *   <li>{@link EncoderKind#WPC} / {@link EncoderKind#PC}: (weighted) partial convolution 7×7, stride 1,
 *       1 → ngf, then three 3×3 stride-2 ones doubling the channels (up to the cap), each followed by
 *       batch normalisation and ReLU; the mask of valid pixels passes from layer to layer.</li>
 *   <li>{@link EncoderKind#FFC}: the normalised pattern and the mask stacked as two channels, an FFC
 *       7×7 with no global input and half of ngf global output, then three stride-2 FFCs (3×3, the
 *       spectral transform average-pools by 2) with half/half splits; local and global branches are
 *       concatenated at the end.</li>
 * </ul>
 * Input (x (B, 1, N, N), M (B, 1, N, N)); output (B, channels(3), N/8, N/8).
 */
public final class Encoder extends AbstractBlock {
    private static final byte VERSION = 1;

    private final EncoderKind kind;
    private final List<Block> layers = new ArrayList<>();
    private final List<BatchNorm> norms = new ArrayList<>();

    public Encoder(DprConfig config) {
        super(VERSION);
        this.kind = config.encoder();
        int n = config.geometry().objectBoxPx();
        if (kind == EncoderKind.FFC) {
            int ngf = config.ngf();
            layers.add(addChildBlock("ffc0", new FastFourierConv(2, 0, ngf - ngf / 2, ngf / 2, 7, 1, 3)));
            for (int k = 0; k < DprConfig.DOWNSAMPLING_LAYERS; k++) {
                layers.add(addChildBlock("ffc" + (k + 1),
                        FastFourierConv.halfGlobal(config.channels(k), config.channels(k + 1), 3, 2, 1)));
            }
        } else {
            MaskWeighting weighting = kind == EncoderKind.WPC ? MaskWeighting.GUINIER_POROD : MaskWeighting.UNIFORM;
            layers.add(addChildBlock("pconv0", new PartialConv2d(1, config.ngf(), 7, 1, 3, weighting, n)));
            norms.add(addChildBlock("bn0", BatchNorm.builder().build()));
            for (int k = 0; k < DprConfig.DOWNSAMPLING_LAYERS; k++) {
                layers.add(addChildBlock("pconv" + (k + 1),
                        new PartialConv2d(config.channels(k), config.channels(k + 1), 3, 2, 1, weighting, n)));
                norms.add(addChildBlock("bn" + (k + 1), BatchNorm.builder().build()));
            }
        }
    }

    public EncoderKind kind() {
        return kind;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        checkInputs(inputShapes);
        Shape[] shapes = firstLayerInput(inputShapes);
        for (int i = 0; i < layers.size(); i++) {
            Block layer = layers.get(i);
            layer.initialize(manager, dataType, shapes);
            shapes = layer.getOutputShapes(shapes);
            if (!norms.isEmpty()) {
                norms.get(i).initialize(manager, dataType, shapes[0]);
            }
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray mask = inputs.get(1);
        if (kind == EncoderKind.FFC) {
            try (NDList stacked = new NDList(NDArrays.concat(new NDList(x, mask), 1));
                    NDList branches = FfcStack.chain(parameterStore, layers, stacked, training)) {
                return new NDList(NDArrays.concat(branches, 1));
            }
        }
        NDArray features = x;
        NDArray currentMask = mask;
        for (int i = 0; i < layers.size(); i++) {
            NDList out = layers.get(i).forward(parameterStore, new NDList(features, currentMask), training);
            if (i > 0) {
                features.close();
                currentMask.close();
            }
            features = FastFourierConv.normRelu(parameterStore, norms.get(i), out.get(0), training);
            currentMask = out.get(1);
        }
        currentMask.close();
        return new NDList(features);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        checkInputs(inputShapes);
        Shape[] shapes = firstLayerInput(inputShapes);
        for (Block layer : layers) {
            shapes = layer.getOutputShapes(shapes);
        }
        Shape first = shapes[0];
        long channels = kind == EncoderKind.FFC ? shapes[0].get(1) + shapes[1].get(1) : first.get(1);
        return new Shape[] {new Shape(first.get(0), channels, first.get(2), first.get(3))};
    }

    private Shape[] firstLayerInput(Shape[] inputShapes) {
        Shape x = inputShapes[0];
        return kind == EncoderKind.FFC
                ? new Shape[] {new Shape(x.get(0), 2, x.get(2), x.get(3))}
                : new Shape[] {inputShapes[0], inputShapes[1]};
    }

    private static void checkInputs(Shape[] inputShapes) {
        if (inputShapes.length != 2 || inputShapes[0].dimension() != 4 || inputShapes[0].get(1) != 1
                || !inputShapes[0].equals(inputShapes[1])) {
            throw new IllegalArgumentException("the encoder takes (x (B, 1, N, N), M (B, 1, N, N)), got "
                    + java.util.Arrays.toString(inputShapes));
        }
    }
}
