package org.dpr.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class DepthwiseSeparableConvTest {

    @Test
    void depthwiseThenPointwiseHasNineCinPlusCinCoutParameters() {
        try (NDManager m = NDManager.newBaseManager()) {
            DepthwiseSeparableConv dsc = new DepthwiseSeparableConv(12, 5);
            dsc.initialize(m, DataType.FLOAT32, new Shape(1, 12, 6, 6));
            long count = dsc.getParameters().values().stream().mapToLong(p -> p.getShape().size()).sum();
            assertThat(count).isEqualTo(9 * 12 + 12 * 5);
            assertThat(dsc.getOutputShapes(new Shape[] {new Shape(3, 12, 6, 6)})[0]).isEqualTo(new Shape(3, 5, 6, 6));
        }
    }

    @Test
    void shiftingDepthwiseKernelsAndAChannelMixPadWithZeros() {
        int c = 2;
        int size = 4;
        try (NDManager m = NDManager.newBaseManager()) {
            DepthwiseSeparableConv dsc = new DepthwiseSeparableConv(c, 1);
            dsc.initialize(m, DataType.FLOAT32, new Shape(1, c, size, size));
            // depthwise: channel 0 reads its left neighbour (kernel 1 at (1, 0)), channel 1 itself (centre);
            // pointwise: y = 2·ch0 − ch1
            Parameter depth = dsc.getParameters().get("01depthwise_weight");
            Parameter point = dsc.getParameters().get("02pointwise_weight");
            float[] k = new float[c * 9];
            k[3] = 1f;
            k[9 + 4] = 1f;
            depth.getArray().set(k);
            point.getArray().set(new float[] {2f, -1f});
            float[] x = PartialConv2dTest.random(c * size * size, 9);
            float[] y = dsc.forward(new ParameterStore(m, false),
                    new NDList(m.create(x, new Shape(1, c, size, size))), false).singletonOrThrow().toFloatArray();
            for (int r = 0; r < size; r++) {
                for (int col = 0; col < size; col++) {
                    float left = col == 0 ? 0f : x[r * size + col - 1];
                    float expected = 2 * left - x[size * size + r * size + col];
                    assertThat(y[r * size + col]).isCloseTo(expected, within(1e-5f));
                }
            }
        }
    }
}
