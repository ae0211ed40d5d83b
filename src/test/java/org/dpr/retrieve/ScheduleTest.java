package org.dpr.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    @Test
    void gpsSigmaRisesTenfoldAtFortyAndSeventyPercentOfTheRun() {
        Gps gps = Gps.withDefaults();
        assertThat(gps.sigmaAt(0)).isEqualTo(0.01);
        assertThat(gps.sigmaAt(399)).isEqualTo(0.01);
        assertThat(gps.sigmaAt(400)).isEqualTo(0.1);
        assertThat(gps.sigmaAt(699)).isEqualTo(0.1);
        assertThat(gps.sigmaAt(700)).isEqualTo(1.0);
        assertThat(gps.sigmaAt(999)).isEqualTo(1.0);
        Gps short200 = gps.withScheduleLength(200);
        assertThat(short200.sigmaAt(79)).isEqualTo(0.01);
        assertThat(short200.sigmaAt(80)).isEqualTo(0.1);
        assertThat(short200.sigmaAt(140)).isEqualTo(1.0);
    }

    @Test
    void gpsAlphaFallsLinearlyFrom1024ByTenPercentEveryHundredIterationsAtN512() {
        Gps gps = Gps.withDefaults();
        assertThat(gps.alphaAt(0, 512)).isEqualTo(1024.0);
        assertThat(gps.alphaAt(99, 512)).isEqualTo(1024.0);
        assertThat(gps.alphaAt(100, 512)).isCloseTo(921.6, within(1e-9));
        assertThat(gps.alphaAt(550, 512)).isCloseTo(512.0, within(1e-9));
        assertThat(gps.alphaAt(999, 512)).isCloseTo(102.4, within(1e-9));
        assertThat(gps.alphaAt(0, 128)).isEqualTo(256.0);
    }

    @Test
    void refinementScheduleIsFiftyIterationsWithSigmaOneFromFortyPercentAndAlphaDownTwentyPercentEveryTen() {
        Gps r = Gps.refinementDefaults();
        assertThat(r.scheduleLength()).isEqualTo(50);
        assertThat(r.sigmaAt(19)).isEqualTo(0.1);
        assertThat(r.sigmaAt(20)).isEqualTo(1.0);
        assertThat(r.alphaAt(9, 512)).isEqualTo(1024.0);
        assertThat(r.alphaAt(10, 512)).isCloseTo(819.2, within(1e-9));
        assertThat(r.alphaAt(49, 512)).isCloseTo(204.8, within(1e-9));
        assertThat(r.primalStep()).isEqualTo(1.0);
        assertThat(r.dualStep()).isEqualTo(0.9);
    }

    @Test
    void shrinkWrapSigmaStartsAtThreePixelsLosesOnePercentPerUpdateAndStopsAtOneAndAHalf() {
        ShrinkWrap sw = ShrinkWrap.withDefaults();
        assertThat(sw.sigmaPxAt(0)).isEqualTo(3.0);
        assertThat(sw.sigmaPxAt(1)).isCloseTo(2.97, within(1e-12));
        assertThat(sw.sigmaPxAt(18)).isCloseTo(3 * Math.pow(0.99, 18), within(1e-12));
        assertThat(sw.sigmaPxAt(68)).isCloseTo(3 * Math.pow(0.99, 68), within(1e-12)); // 1.515
        assertThat(sw.sigmaPxAt(69)).isEqualTo(1.5);
        assertThat(sw.sigmaPxAt(500)).isEqualTo(1.5);
        assertThat(sw.threshold()).isEqualTo(0.2);
        ShrinkWrap small = sw.scaledToObjectBox(16);
        assertThat(small.sigmaPxAt(0)).isEqualTo(0.75);
        assertThat(small.sigmaPxAt(500)).isEqualTo(0.375);
    }

    @Test
    void shrinkWrapThresholdsTheGaussianBlurredEstimateAtTwentyPercentOfItsMaximum() {
        int n = 32;
        double sigma = 1.3;
        // an L-shaped object of two levels inside a generous support
        float[] object = new float[n * n];
        for (int y = 10; y < 20; y++) {
            for (int x = 12; x < 16; x++) {
                object[y * n + x] = 2f;
            }
        }
        for (int y = 16; y < 20; y++) {
            for (int x = 16; x < 22; x++) {
                object[y * n + x] = 0.5f;
            }
        }
        // independent reference: circular convolution with a normalised Gaussian, thresholded at 0.2 × max
        double[] blurred = new double[n * n];
        double norm = 0;
        for (int dy = -n / 2; dy < n / 2; dy++) {
            for (int dx = -n / 2; dx < n / 2; dx++) {
                norm += Math.exp(-(dy * dy + dx * dx) / (2 * sigma * sigma));
            }
        }
        double max = 0;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double sum = 0;
                for (int dy = -n / 2; dy < n / 2; dy++) {
                    for (int dx = -n / 2; dx < n / 2; dx++) {
                        float v = object[Math.floorMod(y - dy, n) * n + Math.floorMod(x - dx, n)];
                        sum += v * Math.exp(-(dy * dy + dx * dx) / (2 * sigma * sigma));
                    }
                }
                blurred[y * n + x] = sum / norm;
                max = Math.max(max, blurred[y * n + x]);
            }
        }
        try (NDManager m = NDManager.newBaseManager()) {
            Measurement data = Measurement.fromArrays(m.randomUniform(1, 2, new Shape(n, n)), m.ones(new Shape(n, n)), 1);
            NDArray support = m.ones(new Shape(n, n));
            // a real-space state whose estimate is exactly the object
            PhasingState state = new PhasingState(m.create(object, new Shape(1, n, n)), PhasingState.Domain.REAL, null,
                    m.ones(new Shape(1, n, n)), data, 7, 0, null);
            ShrinkWrap sw = ShrinkWrap.withDefaults().withInitialSigmaPx(sigma);
            try (PhasingState after = sw.apply(state)) {
                assertThat(after.shrinkWrapUpdates()).isEqualTo(1);
                assertThat(after.iteration()).isEqualTo(7);
                float[] s = after.support().toFloatArray();
                int inside = 0;
                for (int i = 0; i < s.length; i++) {
                    if (Math.abs(blurred[i] - 0.2 * max) < 1e-4 * max) {
                        continue; // too close to the threshold to call
                    }
                    assertThat(s[i]).as("pixel %d", i).isEqualTo(blurred[i] > 0.2 * max ? 1f : 0f);
                    inside += s[i] > 0 ? 1 : 0;
                }
                assertThat(inside).isGreaterThan(40).isLessThan(n * n / 2);
            }
            support.close();
        }
    }

    @Test
    void theSmoothingVariantSurvivesEveryParameterChangeAndNamesTheAlgorithm() {
        Gps f = Gps.withDefaults().withSmoothing(Gps.Smoothing.FOURIER_SPACE);
        Gps changed = f.withDualStep(0.5).withPrimalStep(2).withAlphaStages(5).withScheduleLength(200);
        assertThat(changed.smoothing()).isEqualTo(Gps.Smoothing.FOURIER_SPACE);
        assertThat(changed.toString()).startsWith("GPS-F");
        assertThat(Gps.withDefaults().smoothing()).isEqualTo(Gps.Smoothing.REAL_SPACE);
        assertThat(Gps.withDefaults().toString()).startsWith("GPS-R");
        assertThat(changed.sigmaAt(199)).isEqualTo(f.withScheduleLength(200).sigmaAt(199));
    }
}
