package org.dpr.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhotonNoiseTest {
    private static final int PIXELS = 200_000;

    private static double[] flat(double lambda) {
        double[] values = new double[PIXELS];
        Arrays.fill(values, lambda);
        return values;
    }

    private static double[] meanAndVariance(float[] values) {
        double mean = 0;
        for (float v : values) {
            mean += v;
        }
        mean /= values.length;
        double variance = 0;
        for (float v : values) {
            variance += (v - mean) * (v - mean);
        }
        return new double[] {mean, variance / (values.length - 1)};
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.05, 0.7, 5, 9.9, 10, 40, 3000})
    void poissonMeanEqualsVarianceOnAFlatPattern(double lambda) {
        float[] counts = PhotonNoise.apply(flat(lambda), Noise.POISSON, 0, new SplittableRandom(1));
        double[] mv = meanAndVariance(counts);
        // standard errors: of the mean √(λ/M), of the variance ≈ λ·√(2/M) (+ the fourth-cumulant term)
        double seMean = Math.sqrt(lambda / PIXELS);
        double seVariance = Math.sqrt((2 * lambda * lambda + lambda) / PIXELS);
        assertThat(mv[0]).isCloseTo(lambda, within(5 * seMean));
        assertThat(mv[1]).isCloseTo(lambda, within(5 * seVariance));
        for (float c : counts) {
            assertThat(c).isEqualTo((float) Math.rint(c)).isGreaterThanOrEqualTo(0f);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {3.0, 15.0})
    void countHistogramMatchesThePoissonLaw(double lambda) {
        // the inversion (λ < 10) and PTRS (λ ≥ 10) samplers against Commons Statistics' pmf
        float[] counts = PhotonNoise.apply(flat(lambda), Noise.POISSON, 0, new SplittableRandom(2));
        int[] histogram = new int[200];
        for (float c : counts) {
            histogram[(int) c]++;
        }
        PoissonDistribution law = PoissonDistribution.of(lambda);
        for (int k = 0; k < 60; k++) {
            double p = law.probability(k);
            double observed = histogram[k] / (double) PIXELS;
            assertThat(observed).as("P(%d)", k).isCloseTo(p, within(5 * Math.sqrt(p * (1 - p) / PIXELS) + 1e-5));
        }
    }

    @Test
    void gaussianReadNoiseHasAFullWidthAtHalfMaximumOfOnePhoton() {
        float[] dark = PhotonNoise.apply(flat(0), Noise.POISSON_GAUSSIAN, PhotonNoise.PAPER_SIGMA_PHOTONS,
                new SplittableRandom(3));
        double[] mv = meanAndVariance(dark);
        double sigma = 1 / (2 * Math.sqrt(2 * Math.log(2)));
        assertThat(mv[0]).isCloseTo(0, within(5 * sigma / Math.sqrt(PIXELS)));
        assertThat(Math.sqrt(mv[1])).isCloseTo(sigma, within(0.01 * sigma));

        float[] lit = PhotonNoise.apply(flat(5), Noise.POISSON_GAUSSIAN, sigma, new SplittableRandom(4));
        double[] lv = meanAndVariance(lit);
        assertThat(lv[1]).isCloseTo(5 + sigma * sigma, within(5 * Math.sqrt(2 * 30.0 / PIXELS)));
    }

    @Test
    void noNoiseReturnsTheExpectedPhotons() {
        double[] lambda = {0, 0.25, 3.5, 1e6};
        float[] out = PhotonNoise.apply(lambda, Noise.NONE, 0.4, new SplittableRandom(5));
        assertThat(out).containsExactly(0f, 0.25f, 3.5f, 1e6f);
    }
}
