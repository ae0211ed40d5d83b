package org.dpr.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.dpr.tensor.Tensors;
import org.junit.jupiter.api.Test;

class FourierUnitTest {

    @Test
    void halfSpectrumIsTheOrthonormalComplexFftsFirstColumns() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(PartialConv2dTest.random(2 * 6 * 8, 1), new Shape(2, 6, 8));
            float[] half = RealFft2.forward(x).toFloatArray();
            NDArray full = x.fft2(new long[] {6, 8}, new long[] {-2, -1});
            float[] re = Tensors.re(full).get(new NDIndex("..., 0:5")).toFloatArray();
            float[] im = Tensors.im(full).get(new NDIndex("..., 0:5")).toFloatArray();
            double norm = 1 / Math.sqrt(48);
            for (int i = 0; i < re.length; i++) {
                assertThat((double) half[2 * i]).isCloseTo(re[i] * norm, within(1e-5));
                assertThat((double) half[2 * i + 1]).isCloseTo(im[i] * norm, within(1e-5));
            }
        }
    }

    @Test
    void inverseUndoesForwardForEvenAndOddWidths() {
        for (int width : new int[] {8, 7}) {
            try (NDManager m = NDManager.newBaseManager()) {
                float[] v = PartialConv2dTest.random(3 * 6 * width, width);
                NDArray pairs = RealFft2.forward(m.create(v, new Shape(3, 6, width)));
                float[] out = RealFft2.inverse(pairs.get(new NDIndex("..., 0")), pairs.get(new NDIndex("..., 1")), 6,
                        width).toFloatArray();
                for (int i = 0; i < v.length; i++) {
                    assertThat(out[i]).isCloseTo(v[i], within(1e-5f));
                }
            }
        }
    }

    @Test
    void inverseOfAnArbitraryHalfSpectrumFollowsTheComplexToRealDefinition() {
        // a half spectrum that is not the transform of a real image: irfft2 is the inverse DFT along H,
        // then along W the Hermitian sum in which self-conjugate columns count once by their real part
        int h = 6;
        for (int w : new int[] {8, 7}) {
            int half = w / 2 + 1;
            try (NDManager m = NDManager.newBaseManager()) {
                float[] re = PartialConv2dTest.random(h * half, 11 + w);
                float[] im = PartialConv2dTest.random(h * half, 12 + w);
                float[] ours = RealFft2.inverse(m.create(re, new Shape(1, h, half)), m.create(im, new Shape(1, h, half)),
                        h, w).toFloatArray();
                for (int y = 0; y < h; y++) {
                    double[] zr = new double[half];
                    double[] zi = new double[half];
                    for (int k = 0; k < half; k++) {
                        for (int ky = 0; ky < h; ky++) {
                            double a = 2 * Math.PI * ky * y / h;
                            zr[k] += (re[ky * half + k] * Math.cos(a) - im[ky * half + k] * Math.sin(a)) / h;
                            zi[k] += (re[ky * half + k] * Math.sin(a) + im[ky * half + k] * Math.cos(a)) / h;
                        }
                    }
                    for (int x = 0; x < w; x++) {
                        double sum = zr[0];
                        for (int k = 1; k < half; k++) {
                            double a = 2 * Math.PI * k * x / w;
                            double term = zr[k] * Math.cos(a) - zi[k] * Math.sin(a);
                            sum += (w % 2 == 0 && k == w / 2) ? zr[k] * Math.cos(a) : 2 * term;
                        }
                        double expected = sum / w * Math.sqrt(h * w);
                        assertThat((double) ours[y * w + x]).as("w %d (%d, %d)", w, y, x)
                                .isCloseTo(expected, within(1e-4));
                    }
                }
            }
        }
    }

    @Test
    void inverseIsDifferentiableWithTheAdjointAsGradient() {
        // the inverse is linear: the gradient of Σ c·x with respect to re[k] is the change of one unit step
        try (NDManager m = NDManager.newBaseManager()) {
            int h = 4;
            int w = 6;
            Shape half = new Shape(1, h, 4);
            NDArray re = m.create(PartialConv2dTest.random(16, 1), half);
            NDArray im = m.create(PartialConv2dTest.random(16, 2), half);
            NDArray c = m.create(PartialConv2dTest.random(h * w, 3), new Shape(1, h, w));
            re.setRequiresGradient(true);
            im.setRequiresGradient(true);
            try (ai.djl.training.GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                gc.backward(RealFft2.inverse(re, im, h, w).mul(c).sum());
            }
            float[] gradRe = re.getGradient().toFloatArray();
            float[] gradIm = im.getGradient().toFloatArray();
            float base = RealFft2.inverse(re, im, h, w).mul(c).sum().getFloat();
            for (int k = 0; k < 16; k++) {
                float[] step = new float[16];
                step[k] = 1f;
                NDArray e = m.create(step, half);
                float dRe = RealFft2.inverse(re.add(e), im, h, w).mul(c).sum().getFloat() - base;
                float dIm = RealFft2.inverse(re, im.add(e), h, w).mul(c).sum().getFloat() - base;
                assertThat(gradRe[k]).as("d/dre[%d]", k).isCloseTo(dRe, within(1e-4f));
                assertThat(gradIm[k]).as("d/dim[%d]", k).isCloseTo(dIm, within(1e-4f));
            }
        }
    }

    @Test
    void fourierUnitKeepsTheShapeAndReachesAcrossTheWholeMap() {
        try (NDManager m = NDManager.newBaseManager()) {
            FourierUnit fu = new FourierUnit(4);
            Shape s = new Shape(1, 4, 8, 8);
            fu.initialize(m, DataType.FLOAT32, s);
            ParameterStore ps = new ParameterStore(m, false);
            float[] base = PartialConv2dTest.random(4 * 64, 5);
            float[] poked = base.clone();
            poked[0] += 3f; // channel 0, pixel (0, 0)
            NDArray a = fu.forward(ps, new NDList(m.create(base, s)), false).singletonOrThrow();
            NDArray b = fu.forward(ps, new NDList(m.create(poked, s)), false).singletonOrThrow();
            assertThat(a.getShape()).isEqualTo(s);
            // a 1×1 convolution of the spectrum couples every pixel: the far corner (7, 7) changes too
            float[] d = b.sub(a).abs().toFloatArray();
            double far = 0;
            for (int c = 0; c < 4; c++) {
                far += d[c * 64 + 7 * 8 + 7] + d[c * 64 + 4 * 8 + 4];
            }
            assertThat(far).isGreaterThan(1e-4);
        }
    }
}
