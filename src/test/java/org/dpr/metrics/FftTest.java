package org.dpr.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FftTest {

    /** X[k] = Σ x[j]·exp(−2πi·jk/n), summed directly. */
    private static double[][] naiveDft(double[] re, double[] im) {
        int n = re.length;
        double[][] out = new double[2][n];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                double a = -2 * Math.PI * ((long) j * k % n) / n;
                out[0][k] += re[j] * Math.cos(a) - im[j] * Math.sin(a);
                out[1][k] += re[j] * Math.sin(a) + im[j] * Math.cos(a);
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 8, 64, 3, 7, 12, 100})
    void forwardTransformEqualsTheDirectSumForPowersOfTwoAndOtherLengths(int n) {
        Random rnd = new Random(n);
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = rnd.nextGaussian();
            im[i] = rnd.nextGaussian();
        }
        double[][] expected = naiveDft(re, im);
        Fft.transform(re, im, false);
        for (int k = 0; k < n; k++) {
            assertThat(re[k]).isCloseTo(expected[0][k], within(1e-9 * n));
            assertThat(im[k]).isCloseTo(expected[1][k], within(1e-9 * n));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 10})
    void inverse2dUndoesForward2d(int width) {
        int height = 6;
        Random rnd = new Random(5);
        double[] re = new double[height * width];
        double[] im = new double[re.length];
        for (int i = 0; i < re.length; i++) {
            re[i] = rnd.nextGaussian();
        }
        double[] original = re.clone();
        Fft.forward2d(re, im, height, width);
        Fft.inverse2d(re, im, height, width);
        for (int i = 0; i < re.length; i++) {
            assertThat(re[i]).isCloseTo(original[i], within(1e-12));
            assertThat(im[i]).isCloseTo(0.0, within(1e-12));
        }
    }
}
