package org.dpr.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PartialConv2dTest {
    private static final int C_IN = 2;
    private static final int C_OUT = 3;
    private static final int SIZE = 8;

    @Test
    void guinierPorodWeightsFollowPaperEquationOneAtTheLayersOwnSize() {
        // 16×16 input, n = 4: σ = 4, q1 = √10·4/π ≈ 4.026
        float[] w = MaskWeighting.GUINIER_POROD.weights(16, 16, 4);
        double sigma = 4;
        double q1 = Math.sqrt(10) * sigma / Math.PI;
        assertThat(w[8 * 16 + 8]).isEqualTo(1f);
        // q = 3 (Guinier side): exp(−(3π/4)²/5)
        assertThat((double) w[8 * 16 + 11]).isCloseTo(Math.exp(-Math.pow(3 * Math.PI / 4, 2) / 5), within(1e-7));
        // q = 5 (Porod side): (q1/5)⁴ e⁻²
        assertThat((double) w[3 * 16 + 8]).isCloseTo(Math.pow(q1 / 5, 4) * Math.exp(-2), within(1e-7));
        // both branches meet at q1 with e⁻²
        assertThat(MaskWeighting.guinierPorod(q1, sigma, q1)).isCloseTo(Math.exp(-2), within(1e-12));
        assertThat(MaskWeighting.guinierPorod(q1 * (1 + 1e-9), sigma, q1)).isCloseTo(Math.exp(-2), within(1e-8));
        // far from the centre of a strongly oversampled layer the weights stop at 1e−8
        float[] tiny = MaskWeighting.GUINIER_POROD.weights(64, 64, 256);
        assertThat(tiny[0]).isEqualTo((float) MaskWeighting.MIN_WEIGHT);
    }

    @Test
    void weightedAndPlainPartialConvolutionsMatchTheirDefinitionComputedByHand() {
        for (MaskWeighting weighting : MaskWeighting.values()) {
            for (int stride : new int[] {1, 2}) {
                try (NDManager m = NDManager.newBaseManager()) {
                    PartialConv2d pc = new PartialConv2d(C_IN, C_OUT, 3, stride, 1, weighting, 2);
                    pc.initialize(m, DataType.FLOAT32, new Shape(1, C_IN, SIZE, SIZE), new Shape(1, 1, SIZE, SIZE));
                    float[] x = random(C_IN * SIZE * SIZE, 3);
                    float[] mask = holeyMask(5);
                    NDList out = pc.forward(new ParameterStore(m, false), new NDList(
                            m.create(x, new Shape(1, C_IN, SIZE, SIZE)), m.create(mask, new Shape(1, 1, SIZE, SIZE))),
                            false);
                    float[] kernel = pc.convolution().weight().getArray().toFloatArray();
                    float[] weights = weighting == MaskWeighting.UNIFORM ? ones(SIZE * SIZE) : guinierPorod(SIZE, 2);
                    Expected e = byHand(x, mask, weights, kernel, stride);
                    assertThat(out.get(0).getShape()).isEqualTo(new Shape(1, C_OUT, e.size, e.size));
                    float[] y = out.get(0).toFloatArray();
                    for (int i = 0; i < y.length; i++) {
                        assertThat(y[i]).as("%s stride %d output %d", weighting, stride, i)
                                .isCloseTo(e.y[i], within(1e-4f * (1 + Math.abs(e.y[i]))));
                    }
                    assertThat(out.get(1).toFloatArray()).containsExactly(e.nextMask);
                }
            }
        }
    }

    @Test
    void weightedPartialConvolutionWithUnitWeightsEqualsPlainPartialConvolution() {
        try (NDManager m = NDManager.newBaseManager()) {
            Shape xs = new Shape(2, C_IN, SIZE, SIZE);
            Shape ms = new Shape(2, 1, SIZE, SIZE);
            PartialConv2d plain = new PartialConv2d(C_IN, C_OUT, 3, 2, 1, MaskWeighting.UNIFORM, 2);
            PartialConv2d unitWeighted = new PartialConv2d(C_IN, C_OUT, 3, 2, 1, MaskWeighting.GUINIER_POROD,
                    (h, w) -> ones(h * w));
            PartialConv2d guinierPorod = new PartialConv2d(C_IN, C_OUT, 3, 2, 1, MaskWeighting.GUINIER_POROD, 2);
            for (PartialConv2d b : new PartialConv2d[] {plain, unitWeighted, guinierPorod}) {
                b.initialize(m, DataType.FLOAT32, xs, ms);
            }
            NDArray kernel = plain.convolution().weight().getArray();
            unitWeighted.convolution().weight().getArray().set(kernel.toFloatArray());
            guinierPorod.convolution().weight().getArray().set(kernel.toFloatArray());
            float[] mask = new float[2 * SIZE * SIZE];
            System.arraycopy(holeyMask(1), 0, mask, 0, SIZE * SIZE);
            System.arraycopy(holeyMask(2), 0, mask, SIZE * SIZE, SIZE * SIZE);
            NDList in = new NDList(m.create(random(2 * C_IN * SIZE * SIZE, 4), xs), m.create(mask, ms));
            ParameterStore ps = new ParameterStore(m, false);
            float[] a = plain.forward(ps, in, false).get(0).toFloatArray();
            float[] b = unitWeighted.forward(ps, in, false).get(0).toFloatArray();
            float[] c = guinierPorod.forward(ps, in, false).get(0).toFloatArray();
            for (int i = 0; i < a.length; i++) {
                assertThat(b[i]).isCloseTo(a[i], within(1e-5f * (1 + Math.abs(a[i]))));
            }
            // the Guinier–Porod weights do change the renormalisation next to the holes
            double diff = 0;
            for (int i = 0; i < a.length; i++) {
                diff = Math.max(diff, Math.abs(c[i] - a[i]));
            }
            assertThat(diff).isGreaterThan(1e-3);
        }
    }

    @Test
    void fullyMaskedRegionGivesZerosAndAZeroNextLayerMask() {
        int size = 16;
        try (NDManager m = NDManager.newBaseManager()) {
            PartialConv2d wpc = new PartialConv2d(1, 4, 3, 1, 1, MaskWeighting.GUINIER_POROD, 2);
            wpc.initialize(m, DataType.FLOAT32, new Shape(1, 1, size, size), new Shape(1, 1, size, size));
            float[] mask = ones(size * size);
            for (int y = 2; y < 12; y++) {
                for (int x = 3; x < 14; x++) {
                    mask[y * size + x] = 0f; // missing block rows 2–11, columns 3–13
                }
            }
            float[] x = random(size * size, 7);
            NDList out = wpc.forward(new ParameterStore(m, false), new NDList(m.create(x, new Shape(1, 1, size, size)),
                    m.create(mask, new Shape(1, 1, size, size))), false);
            float[] y = out.get(0).toFloatArray();
            float[] next = out.get(1).toFloatArray();
            for (int r = 0; r < size; r++) {
                for (int c = 0; c < size; c++) {
                    boolean inside = r >= 3 && r <= 10 && c >= 4 && c <= 12; // 3×3 window entirely missing
                    assertThat(next[r * size + c]).as("mask (%d, %d)", r, c).isEqualTo(inside ? 0f : 1f);
                    for (int ch = 0; ch < 4; ch++) {
                        if (inside) {
                            assertThat(y[(ch * size + r) * size + c]).isEqualTo(0f);
                        }
                    }
                }
            }
            assertThat(Arrays.stream(toDouble(y)).map(Math::abs).sum()).isGreaterThan(0);
        }
    }

    private record Expected(float[] y, float[] nextMask, int size) {
    }

    /** Eq. 2 evaluated directly: data padded by reflection, mask and weights by zeros. */
    private static Expected byHand(float[] x, float[] mask, float[] w, float[] kernel, int stride) {
        int out = (SIZE + 2 - 3) / stride + 1;
        float[] y = new float[C_OUT * out * out];
        float[] next = new float[out * out];
        for (int oy = 0; oy < out; oy++) {
            for (int ox = 0; ox < out; ox++) {
                double count = 0;
                double full = 0;
                for (int ky = 0; ky < 3; ky++) {
                    for (int kx = 0; kx < 3; kx++) {
                        int iy = oy * stride - 1 + ky;
                        int ix = ox * stride - 1 + kx;
                        if (iy >= 0 && iy < SIZE && ix >= 0 && ix < SIZE) {
                            count += mask[iy * SIZE + ix] * w[iy * SIZE + ix];
                            full += w[iy * SIZE + ix];
                        }
                    }
                }
                boolean valid = count >= 1e-8;
                next[oy * out + ox] = valid ? 1f : 0f;
                for (int co = 0; co < C_OUT; co++) {
                    double raw = 0;
                    for (int ci = 0; ci < C_IN; ci++) {
                        for (int ky = 0; ky < 3; ky++) {
                            for (int kx = 0; kx < 3; kx++) {
                                int iy = reflect(oy * stride - 1 + ky);
                                int ix = reflect(ox * stride - 1 + kx);
                                double v = x[(ci * SIZE + iy) * SIZE + ix] * mask[iy * SIZE + ix];
                                raw += kernel[((co * C_IN + ci) * 3 + ky) * 3 + kx] * v;
                            }
                        }
                    }
                    y[(co * out + oy) * out + ox] = valid ? (float) (raw * full / count) : 0f;
                }
            }
        }
        return new Expected(y, next, out);
    }

    private static int reflect(int i) {
        return i < 0 ? -i : i >= SIZE ? 2 * (SIZE - 1) - i : i;
    }

    /** Eq. 1 with σ = SIZE/n, written out independently of {@link MaskWeighting}. */
    private static float[] guinierPorod(int size, int n) {
        double sigma = (double) size / n;
        double radius = Math.PI / sigma;
        double q1 = Math.sqrt(10) / radius;
        float[] w = new float[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double q = Math.sqrt((y - size / 2) * (y - size / 2) + (x - size / 2) * (x - size / 2));
                double v = q <= q1 ? Math.exp(-radius * radius * q * q / 5)
                        : Math.exp(-radius * radius * q1 * q1 / 5) * Math.pow(q1 / q, 4);
                w[y * size + x] = (float) Math.max(v, 1e-8);
            }
        }
        return w;
    }

    private static float[] holeyMask(long seed) {
        Random rnd = new Random(seed);
        float[] mask = ones(SIZE * SIZE);
        for (int y = 3; y < 6; y++) {
            for (int x = 2; x < 6; x++) {
                mask[y * SIZE + x] = 0f; // a beamstop-like block
            }
        }
        for (int i = 0; i < 10; i++) {
            mask[rnd.nextInt(SIZE * SIZE)] = 0f;
        }
        return mask;
    }

    static float[] random(int count, long seed) {
        Random rnd = new Random(seed);
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
            v[i] = (float) rnd.nextGaussian();
        }
        return v;
    }

    static float[] ones(int count) {
        float[] v = new float[count];
        Arrays.fill(v, 1f);
        return v;
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
