package org.dpr.nn;

import ai.djl.ndarray.NDArray;
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
 * The base decoder of DPR (Supplementary Table 1, layers 6–13), from the bottleneck to the first
 * estimate x0 of the object.
 *
 * <p>DSC(3, 1, 1) C → C + BN + ReLU, split into local and global halves; FFC residual blocks (3 in
 * DPR, 6 in the single-decoder ablation); three FFC(3, 1, 1) + BN + ReLU halving the channels
 * (8·ngf → ngf); concatenate; DSC(3, 1, 1) ngf → 1; sigmoid. The bridge DSC belongs here, so the
 * encoder is the paper's "10 % of the parameters". Input (B, C, n, n); output x0 (B, 1, n, n) in (0, 1).
 */
public final class BaseDecoder extends AbstractBlock {
    private static final byte VERSION = 1;

    private final DepthwiseSeparableConv bridge;
    private final BatchNorm bridgeNorm;
    private final List<Block> body = new ArrayList<>();
    private final DepthwiseSeparableConv head;

    public BaseDecoder(DprConfig config) {
        super(VERSION);
        int c = config.bottleneckChannels();
        bridge = addChildBlock("bridge", new DepthwiseSeparableConv(c, c));
        bridgeNorm = addChildBlock("bridge_bn", BatchNorm.builder().build());
        int blocks = config.decoder().baseResidualBlocks();
        for (int i = 0; i < blocks; i++) {
            body.add(addChildBlock("res" + i, new FfcResidualBlock(c)));
        }
        for (int k = DprConfig.DOWNSAMPLING_LAYERS; k > 0; k--) {
            body.add(addChildBlock("merge" + k,
                    FastFourierConv.halfGlobal(config.channels(k), config.channels(k - 1), 3, 1, 1)));
        }
        head = addChildBlock("head", new DepthwiseSeparableConv(config.ngf(), 1));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        bridge.initialize(manager, dataType, inputShapes);
        Shape bridged = bridge.getOutputShapes(inputShapes)[0];
        bridgeNorm.initialize(manager, dataType, bridged);
        Shape[] shapes = FfcStack.splitShapes(bridged);
        for (Block block : body) {
            block.initialize(manager, dataType, shapes);
            shapes = block.getOutputShapes(shapes);
        }
        head.initialize(manager, dataType, mergedShape(shapes));
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray bridged = bridge.forward(parameterStore, inputs, training).singletonOrThrow();
        try (NDList branches = FfcStack.normReluSplit(parameterStore, bridgeNorm, bridged, training)) {
            NDList out = FfcStack.chain(parameterStore, body, branches, training);
            return new NDList(FfcStack.mergeToImage(parameterStore, out, head, training));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape bridged = bridge.getOutputShapes(inputShapes)[0];
        Shape[] shapes = FfcStack.chainShapes(body, FfcStack.splitShapes(bridged));
        return head.getOutputShapes(new Shape[] {mergedShape(shapes)});
    }

    static Shape mergedShape(Shape[] branches) {
        return new Shape(branches[0].get(0), branches[0].get(1) + branches[1].get(1), branches[0].get(2),
                branches[0].get(3));
    }
}
