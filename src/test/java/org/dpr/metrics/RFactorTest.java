package org.dpr.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.dpr.io.DiffractionFrame;
import org.junit.jupiter.api.Test;

class RFactorTest {

    @Test
    void rFactorOnlyCountsMeasuredPixels() {
        float[] intensity = {4, 9, 16, 1};
        byte[] mask = {1, 1, 1, 0};
        float[] amplitudes = {2, 3, 5, 100};
        // Σ|A − √I| over measured = |2−2| + |3−3| + |5−4| = 1; Σ√I = 2 + 3 + 4 = 9 → 1/9
        assertThat(RFactor.withDefaults().compute(amplitudes, intensity, mask)).isCloseTo(1.0 / 9, within(1e-12));
    }

    @Test
    void exactAmplitudesGiveZeroAndAScaledModelGivesItsScaleError() {
        Random rnd = new Random(2);
        float[] intensity = new float[64];
        float[] exact = new float[64];
        float[] scaled = new float[64];
        byte[] mask = new byte[64];
        for (int i = 0; i < 64; i++) {
            intensity[i] = (float) (rnd.nextDouble() * 100);
            exact[i] = (float) Math.sqrt(intensity[i]);
            scaled[i] = 1.5f * exact[i];
            mask[i] = (byte) (i % 3 == 0 ? 0 : 1);
        }
        RFactor rf = RFactor.withDefaults();
        assertThat(rf.compute(exact, intensity, mask)).isCloseTo(0.0, within(1e-7));
        // A = 1.5·√I → Σ 0.5·√I / Σ √I = 0.5
        assertThat(rf.compute(scaled, intensity, mask)).isCloseTo(0.5, within(1e-6));
        // matched to the measured photons, the scale error disappears
        RFactor matched = rf.with(RFactor.AmplitudeScale.MATCH_MEASURED_PHOTONS);
        assertThat(matched.compute(scaled, intensity, mask)).isCloseTo(0.0, within(1e-6));
    }

    @Test
    void negativeIntensitiesCountAsZeroPhotons() {
        float[] intensity = {-3, 4};
        byte[] mask = {1, 1};
        float[] amplitudes = {1, 2};
        // √max(−3, 0) = 0: numerator |1 − 0| + |2 − 2| = 1, denominator 0 + 2 = 2
        assertThat(RFactor.withDefaults().compute(amplitudes, intensity, mask)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void anObjectScoresZeroAgainstItsOwnNoiseFreePatternAndOneWhenDoubled() {
        int n = 8;
        int window = 64;
        Random rnd = new Random(9);
        float[] object = new float[n * n];
        for (int i = 0; i < object.length; i++) {
            object[i] = rnd.nextFloat();
        }
        float[] amplitudes = FourierAmplitudes.ofObject(object, n, window);
        float[] intensity = new float[amplitudes.length];
        for (int i = 0; i < intensity.length; i++) {
            intensity[i] = amplitudes[i] * amplitudes[i];
        }
        DiffractionFrame frame = DiffractionFrame.fullyMeasured(window, window, intensity);
        float[] doubled = object.clone();
        for (int i = 0; i < doubled.length; i++) {
            doubled[i] *= 2;
        }
        assertThat(RFactor.withDefaults().compute(object, frame)).isCloseTo(0.0, within(1e-6));
        assertThat(RFactor.withDefaults().compute(doubled, frame)).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void aPatternWithoutMeasuredPhotonsIsRejected() {
        float[] zeros = new float[4];
        byte[] mask = new byte[4];
        Arrays.fill(mask, (byte) 1);
        assertThatThrownBy(() -> RFactor.withDefaults().compute(zeros, zeros, mask))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no measured pixel has photons");
    }
}
