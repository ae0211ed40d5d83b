package org.dpr.preprocess;

import static org.assertj.core.api.Assertions.assertThat;

import org.dpr.io.DiffractionFrame;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class OversamplingEstimatorTest {

    private static final int N = 256;

    /** A noisy pattern of a disc of diameter N/σ with a beamstop of radius 4 and two panel gaps. */
    static DiffractionFrame measured(int windowPx, double sigma, long seed) {
        DiffractionFrame p = Patterns.ofOversampling(windowPx, sigma, 1e8, seed);
        p = Patterns.beamstop(p, windowPx / 2, windowPx / 2, 4);
        return Patterns.gaps(p, windowPx / 2 + 20, windowPx / 2 + 23, windowPx / 2 - 37, windowPx / 2 - 34);
    }

    @ParameterizedTest
    @ValueSource(doubles = {4, 8, 16})
    void estimatesAKnownOversamplingWithin15Percent(double sigma) {
        OversamplingEstimate e = OversamplingEstimator.withDefaults().estimate(measured(N, sigma, 21));
        assertThat(e.reliable()).isTrue();
        assertThat(e.sigma() / sigma).as("estimate %.2f for σ %.0f", e.sigma(), sigma).isBetween(0.85, 1.15);
        assertThat(e.sigmaRows() / e.sigmaCols()).isBetween(0.85, 1.15);
    }

    @Test
    void theOversamplingOfANonSquareFrameIsTheSameOnBothAxes() {
        // the same disc (16 px in a 256 window, σ = 16) measured on a 256×160 detector: σ is the speckle size in pixels
        DiffractionFrame square = Patterns.ofOversampling(256, 16, 1e8, 5);
        float[] v = new float[256 * 160];
        for (int y = 0; y < 256; y++) {
            System.arraycopy(square.intensity(), y * 256 + 48, v, y * 160, 160);
        }
        OversamplingEstimate e = OversamplingEstimator.withDefaults().estimate(DiffractionFrame.fullyMeasured(256, 160, v));
        assertThat(e.sigmaRows()).isBetween(16 * 0.85, 16 * 1.15);
        assertThat(e.sigmaCols()).isBetween(16 * 0.85, 16 * 1.15);
    }

    @Test
    void pureNoiseHasNoReliableEstimate() {
        float[] flat = new float[128 * 128];
        java.util.Arrays.fill(flat, 2f);
        DiffractionFrame noise = DiffractionFrame.fullyMeasured(128, 128, Patterns.poisson(flat, 3));
        assertThat(OversamplingEstimator.withDefaults().estimate(noise).reliable()).isFalse();
    }
}
