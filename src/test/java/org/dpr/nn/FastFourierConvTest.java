package org.dpr.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class FastFourierConvTest {

    @Test
    void parameterCountIsThreeConvolutionsPlusTheSpectralTransformPlusTwoNorms() {
        try (NDManager m = NDManager.newBaseManager()) {
            int c = 32; // 16 local + 16 global in and out
            FastFourierConv ffc = FastFourierConv.halfGlobal(c, c, 3, 1, 1);
            Shape s = new Shape(1, 16, 8, 8);
            ffc.initialize(m, DataType.FLOAT32, s, s);
            int half = 16;
            int hidden = half / 2;
            long convs = 3L * half * half * 9;
            long fourierUnit = (2L * hidden) * (2L * hidden) + 2L * (2 * hidden); // 1×1 conv 2h→2h + BN
            long spectral = half * hidden + 2L * hidden + 2 * fourierUnit + (long) hidden * half;
            long norms = 2L * half + 2L * half;
            assertThat(trainable(ffc)).isEqualTo(convs + spectral + norms);
        }
    }

    @Test
    void strideTwoHalvesTheMapOnBothBranches() {
        try (NDManager m = NDManager.newBaseManager()) {
            FastFourierConv ffc = FastFourierConv.halfGlobal(32, 64, 3, 2, 1);
            Shape s = new Shape(2, 16, 16, 16);
            ffc.initialize(m, DataType.FLOAT32, s, s);
            NDList out = ffc.forward(new ParameterStore(m, false), new NDList(m.randomNormal(s), m.randomNormal(s)),
                    false);
            assertThat(out.get(0).getShape()).isEqualTo(new Shape(2, 32, 8, 8));
            assertThat(out.get(1).getShape()).isEqualTo(new Shape(2, 32, 8, 8));
            assertThat(ffc.getOutputShapes(new Shape[] {s, s})).containsExactly(out.get(0).getShape(),
                    out.get(1).getShape());
        }
    }

    @Test
    void localBranchSeesANeighbourhoodWhileTheGlobalBranchSeesTheWholeMap() {
        try (NDManager m = NDManager.newBaseManager()) {
            FastFourierConv ffc = FastFourierConv.halfGlobal(16, 16, 3, 1, 1);
            Shape s = new Shape(1, 8, 16, 16);
            ffc.initialize(m, DataType.FLOAT32, s, s);
            ParameterStore ps = new ParameterStore(m, false);
            float[] local = PartialConv2dTest.random(8 * 256, 1);
            float[] global = PartialConv2dTest.random(8 * 256, 2);
            NDList base = ffc.forward(ps, new NDList(m.create(local, s), m.create(global, s)), false);

            float[] pokedLocal = local.clone();
            pokedLocal[8 * 16 + 8] += 5f; // channel 0, pixel (8, 8)
            NDList afterLocal = ffc.forward(ps, new NDList(m.create(pokedLocal, s), m.create(global, s)), false);
            float[] dl = afterLocal.get(0).sub(base.get(0)).abs().toFloatArray();
            for (int c = 0; c < 8; c++) {
                for (int y = 0; y < 16; y++) {
                    for (int x = 0; x < 16; x++) {
                        if (Math.abs(y - 8) > 1 || Math.abs(x - 8) > 1) {
                            assertThat(dl[(c * 16 + y) * 16 + x]).isEqualTo(0f);
                        }
                    }
                }
            }

            float[] pokedGlobal = global.clone();
            pokedGlobal[8 * 16 + 8] += 5f;
            NDList afterGlobal = ffc.forward(ps, new NDList(m.create(local, s), m.create(pokedGlobal, s)), false);
            float[] dg = afterGlobal.get(1).sub(base.get(1)).abs().toFloatArray();
            double far = 0;
            for (int c = 0; c < 8; c++) {
                far += dg[(c * 16) * 16] + dg[(c * 16 + 15) * 16 + 15]; // corners (0, 0) and (15, 15)
            }
            assertThat(far).isGreaterThan(1e-4);
        }
    }

    @Test
    void residualBlockIsTheIdentityWhenItsSecondLayerIsSilenced() {
        try (NDManager m = NDManager.newBaseManager()) {
            FfcResidualBlock block = new FfcResidualBlock(32);
            Shape s = new Shape(2, 16, 8, 8);
            block.initialize(m, DataType.FLOAT32, s, s);
            // γ = β = 0 in the second FFC's norms → its output is ReLU(0) = 0
            for (var pair : block.getParameters()) {
                Parameter p = pair.getValue();
                String key = pair.getKey();
                if ((key.startsWith("02conv2_05bn_l_") || key.startsWith("02conv2_06bn_g_")) && p.requiresGradient()) {
                    p.getArray().set(new float[(int) p.getShape().size()]);
                }
            }
            NDArray xl = m.randomNormal(s);
            NDArray xg = m.randomNormal(s);
            NDList out = block.forward(new ParameterStore(m, false), new NDList(xl, xg), false);
            assertThat(out.get(0).toFloatArray()).containsExactly(xl.toFloatArray());
            assertThat(out.get(1).toFloatArray()).containsExactly(xg.toFloatArray());
        }
    }

    static long trainable(ai.djl.nn.Block block) {
        return DprNetwork.countTrainable(block);
    }
}
