package org.dpr.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * The diffraction-compensated decoder "+D" (Supplementary Table 1, layers 17–31): it refines the base
 * decoder's x0 with the measured pattern put back into it.
 *
 * <p>Input (x0, x1) with x1 = {@link FourierProjection} of x0, both (B, 1, n, n): concatenate → DSC(3, 1,
 * 1) 2 → ngf + BN + ReLU, split, 6 FFC residual blocks, concatenate, DSC(3, 1, 1) ngf → 1, sigmoid.
 * Output x (B, 1, n, n) in (0, 1).
 */
public final class CompensatedDecoder extends AbstractBlock {
    private static final byte VERSION = 1;

    private final DepthwiseSeparableConv entry;
    private final BatchNorm entryNorm;
    private final List<FfcResidualBlock> body = new ArrayList<>();
    private final DepthwiseSeparableConv head;

    public CompensatedDecoder(DprConfig config) {
        super(VERSION);
        int ngf = config.ngf();
        entry = addChildBlock("entry", new DepthwiseSeparableConv(2, ngf));
        entryNorm = addChildBlock("entry_bn", BatchNorm.builder().build());
        for (int i = 0; i < config.decoder().compensatedResidualBlocks(); i++) {
            body.add(addChildBlock("res" + i, new FfcResidualBlock(ngf)));
        }
        head = addChildBlock("head", new DepthwiseSeparableConv(ngf, 1));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape stacked = stackedShape(inputShapes);
        entry.initialize(manager, dataType, stacked);
        Shape entered = entry.getOutputShapes(new Shape[] {stacked})[0];
        entryNorm.initialize(manager, dataType, entered);
        Shape[] shapes = FfcStack.splitShapes(entered);
        for (FfcResidualBlock block : body) {
            block.initialize(manager, dataType, shapes);
            shapes = block.getOutputShapes(shapes);
        }
        head.initialize(manager, dataType, BaseDecoder.mergedShape(shapes));
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray entered;
        try (NDArray stacked = NDArrays.concat(inputs, 1)) {
            entered = entry.forward(parameterStore, new NDList(stacked), training).singletonOrThrow();
        }
        try (NDList branches = FfcStack.normReluSplit(parameterStore, entryNorm, entered, training)) {
            NDList out = FfcStack.chain(parameterStore, body, branches, training);
            return new NDList(FfcStack.mergeToImage(parameterStore, out, head, training));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape stacked = stackedShape(inputShapes);
        Shape[] shapes = FfcStack.chainShapes(body, FfcStack.splitShapes(entry.getOutputShapes(new Shape[] {stacked})[0]));
        return head.getOutputShapes(new Shape[] {BaseDecoder.mergedShape(shapes)});
    }

    private static Shape stackedShape(Shape[] inputShapes) {
        if (inputShapes.length != 2 || !inputShapes[0].equals(inputShapes[1]) || inputShapes[0].get(1) != 1) {
            throw new IllegalArgumentException("+D takes (x0 (B, 1, n, n), x1 (B, 1, n, n)), got "
                    + java.util.Arrays.toString(inputShapes));
        }
        Shape s = inputShapes[0];
        return new Shape(s.get(0), 2, s.get(2), s.get(3));
    }
}
