package org.dpr.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.dpr.Geometry;
import org.dpr.tensor.CentredFft;
import org.dpr.tensor.Tensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DiffractionModelTest {

    /** A non-negative random object with a zero border, like shape × density. */
    static float[] randomObject(int n, long seed) {
        Random rnd = new Random(seed);
        float[] x = new float[n * n];
        for (int i = 1; i < n - 1; i++) {
            for (int j = 1; j < n - 1; j++) {
                x[i * n + j] = rnd.nextFloat() < 0.7 ? rnd.nextFloat() : 0f;
            }
        }
        return x;
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 72, 128})
    void coherentIntensityObeysParseval(int window) {
        Geometry g = Geometry.ofWindow(window);
        float[] x = randomObject(g.objectBoxPx(), window);
        double energy = 0;
        for (float v : x) {
            energy += v * (double) v;
        }
        double[] intensity = DiffractionModel.of(g).coherentIntensity(x);
        assertThat(sum(intensity)).isCloseTo((double) window * window * energy, within(1e-9 * window * window * energy));
    }

    @Test
    void coherentIntensityEqualsTorchCentredFftOfThePaddedObject() {
        Geometry g = Geometry.ofWindow(64);
        int n = g.objectBoxPx();
        float[] x = randomObject(n, 3);
        double[] mine = DiffractionModel.of(g).coherentIntensity(x);
        try (NDManager m = NDManager.newBaseManager(); CentredFft fft = CentredFft.of(m, 64, 64)) {
            NDArray padded = Tensors.padCentre(m.create(x, new Shape(n, n)), 64);
            float[] torch = fft.forward(padded).abs().square().toFloatArray();
            double max = java.util.Arrays.stream(mine).max().orElseThrow();
            for (int k = 0; k < mine.length; k++) {
                assertThat(mine[k]).as("pixel %d", k).isCloseTo(torch[k], within(1e-5 * max));
            }
        }
    }

    @Test
    void noiseFreeIntensityIsFriedelSymmetricAboutTheCentre() {
        Geometry g = Geometry.ofWindow(64);
        int size = g.windowPx();
        double[] intensity = DiffractionModel.of(g).coherentIntensity(randomObject(g.objectBoxPx(), 11));
        double max = java.util.Arrays.stream(intensity).max().orElseThrow();
        int asymmetric = 0;
        for (int u = -size / 2; u < size / 2; u++) {
            for (int v = -size / 2; v < size / 2; v++) {
                double a = intensity[(size / 2 + u) * size + size / 2 + v];
                double b = intensity[Math.floorMod(size / 2 - u, size) * size + Math.floorMod(size / 2 - v, size)];
                assertThat(a).isCloseTo(b, within(1e-10 * max));
                asymmetric += Math.abs(a - intensity[(size / 2 + u) * size + Math.floorMod(size / 2 - v, size)]) > 1e-6 * max
                        ? 1 : 0;
            }
        }
        // a random object is not mirror-symmetric: the symmetry is Friedel's, not a trivial one
        assertThat(asymmetric).isGreaterThan(size * size / 4);
    }

    @Test
    void zeroFrequencyIsAtTheWindowCentreAndEqualsTheSquaredSum() {
        Geometry g = Geometry.ofWindow(64);
        float[] x = randomObject(g.objectBoxPx(), 5);
        double total = 0;
        for (float v : x) {
            total += v;
        }
        double[] intensity = DiffractionModel.of(g).coherentIntensity(x);
        int centre = 32 * 64 + 32;
        assertThat(intensity[centre]).isCloseTo(total * total, within(1e-9 * total * total));
        for (int k = 0; k < intensity.length; k++) {
            if (k != centre) {
                assertThat(intensity[k]).isLessThan(intensity[centre]);
            }
        }
    }

    @Test
    void autocorrelationEqualsTheDirectSum() {
        int n = 8;
        float[] x = randomObject(n, 9);
        double[] r = DiffractionModel.of(Geometry.ofWindow(64)).autocorrelation(x);
        int side = 2 * n - 1;
        for (int ty = -(n - 1); ty < n; ty++) {
            for (int tx = -(n - 1); tx < n; tx++) {
                double direct = 0;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        int i2 = i - ty;
                        int j2 = j - tx;
                        if (i2 >= 0 && i2 < n && j2 >= 0 && j2 < n) {
                            direct += x[i * n + j] * (double) x[i2 * n + j2];
                        }
                    }
                }
                assertThat(r[(ty + n - 1) * side + tx + n - 1]).isCloseTo(direct, within(1e-9));
            }
        }
    }

    @Test
    void partialCoherenceEqualsEquation3ComputedLiterallyWithTorch() {
        Geometry g = Geometry.ofWindow(64);
        int size = g.windowPx();
        double sigma = 4.0;
        float[] x = randomObject(g.objectBoxPx(), 21);
        DiffractionModel model = DiffractionModel.of(g);
        double[] mine = model.partiallyCoherentIntensity(x, sigma);
        double[] coherent = model.coherentIntensity(x);
        float[] intensity = new float[size * size];
        float[] envelope = new float[size * size];
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                intensity[r * size + c] = (float) coherent[r * size + c];
                double r2 = (r - size / 2) * (r - size / 2) + (c - size / 2) * (c - size / 2);
                envelope[r * size + c] = (float) Math.exp(-r2 / (4 * sigma * sigma));
            }
        }
        try (NDManager m = NDManager.newBaseManager(); CentredFft fft = CentredFft.of(m, size, size)) {
            NDArray autocorrelation = fft.inverse(m.create(intensity, new Shape(size, size)));
            NDArray blurred = fft.forward(autocorrelation.mul(m.create(envelope, new Shape(size, size))));
            float[] literal = blurred.abs().toFloatArray();
            double max = java.util.Arrays.stream(mine).max().orElseThrow();
            for (int k = 0; k < mine.length; k++) {
                assertThat(mine[k]).as("pixel %d", k).isCloseTo(literal[k], within(1e-5 * max));
            }
        }
    }

    @Test
    void coherenceEnvelopeLowersFringeVisibilityAsCoherenceLengthFalls() {
        // two pinholes d px apart: I = 2 + 2 cos(2π v d / N); eq. 3 multiplies the ±d lags of the
        // autocorrelation by exp(−d²/4σ²), so the fringe visibility is exactly that factor
        Geometry g = Geometry.ofWindow(128);
        int n = g.objectBoxPx();
        int d = 10;
        float[] pinholes = new float[n * n];
        pinholes[(n / 2) * n + 3] = 1f;
        pinholes[(n / 2) * n + 3 + d] = 1f;
        DiffractionModel model = DiffractionModel.of(g);
        double previous = 1.0;
        for (double sigma : new double[] {40, 10, 5, 2.5}) {
            double[] pattern = model.partiallyCoherentIntensity(pinholes, sigma);
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            for (int c = 0; c < 128; c++) {
                double v = pattern[64 * 128 + c];
                max = Math.max(max, v);
                min = Math.min(min, v);
            }
            double visibility = (max - min) / (max + min);
            assertThat(visibility).as("σ = %s", sigma).isCloseTo(Math.exp(-d * d / (4 * sigma * sigma)), within(2e-3));
            assertThat(visibility).isLessThan(previous);
            previous = visibility;
        }
    }

    @Test
    void partialCoherenceConservesTheTotalAndStaysNonNegative() {
        Geometry g = Geometry.ofWindow(128);
        float[] x = randomObject(g.objectBoxPx(), 17);
        DiffractionModel model = DiffractionModel.of(g);
        double[] coherent = model.coherentIntensity(x);
        double[] blurred = model.partiallyCoherentIntensity(x, 3.0);
        double total = sum(coherent);
        assertThat(sum(blurred)).isCloseTo(total, within(1e-6 * total));
        double peak = java.util.Arrays.stream(coherent).max().orElseThrow();
        assertThat(java.util.Arrays.stream(blurred).max().orElseThrow()).isLessThan(peak);
    }

    @Test
    void infiniteCoherenceLengthGivesTheCoherentIntensity() {
        Geometry g = Geometry.ofWindow(64);
        float[] x = randomObject(g.objectBoxPx(), 2);
        DiffractionModel model = DiffractionModel.of(g);
        double[] coherent = model.coherentIntensity(x);
        double[] blurred = model.partiallyCoherentIntensity(x, Double.POSITIVE_INFINITY);
        double max = java.util.Arrays.stream(coherent).max().orElseThrow();
        for (int k = 0; k < coherent.length; k++) {
            assertThat(blurred[k]).isCloseTo(coherent[k], within(1e-10 * max));
        }
    }
}
