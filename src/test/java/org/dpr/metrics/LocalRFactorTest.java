package org.dpr.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LocalRFactorTest {

    /** An 8×8 pattern of 4 photons per pixel whose model is off by the factor (1 + |q|). */
    private static float[] amplitudesOffByRadius(int size) {
        float[] a = new float[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                a[y * size + x] = (float) (2 * (1 + Math.hypot(y - size / 2, x - size / 2)));
            }
        }
        return a;
    }

    @Test
    void mapIsTheRelativeAmplitudeErrorOnBrightMeasuredPixelsAndNaNElsewhere() {
        float[] intensity = {4, 4, 0.5f, 9};
        byte[] mask = {1, 0, 1, 1};
        float[] amplitudes = {3, 3, 3, 2};
        float[] map = LocalRFactor.withDefaults().map(amplitudes, intensity, mask);
        // |3 − 2|/2 = 0.5; masked → NaN; 0.5 photons is not above the threshold → NaN; |2 − 3|/3
        assertThat(map[0]).isCloseTo(0.5f, within(1e-7f));
        assertThat(map[1]).isNaN();
        assertThat(map[2]).isNaN();
        assertThat(map[3]).isCloseTo(1f / 3, within(1e-7f));
    }

    @Test
    void radialProfileAveragesOverRingsOfRoundedRadius() {
        int size = 8;
        float[] intensity = new float[size * size];
        Arrays.fill(intensity, 4f);
        byte[] mask = new byte[size * size];
        Arrays.fill(mask, (byte) 1);
        RadialProfile p = LocalRFactor.withDefaults()
                .radialProfile(amplitudesOffByRadius(size), intensity, mask, size, size);
        // local R_F = |2(1 + q) − 2| / 2 = q. Ring 0: the centre (4, 4), q = 0.
        assertThat(p.binCentresPx()[0]).isEqualTo(0.0);
        assertThat(p.counts()[0]).isEqualTo(1);
        assertThat(p.mean()[0]).isCloseTo(0.0, within(1e-6));
        // Ring 1: four neighbours at q = 1 and four diagonals at q = √2 ≈ 1.414 (rounds to 1)
        assertThat(p.counts()[1]).isEqualTo(8);
        assertThat(p.mean()[1]).isCloseTo((4 * 1 + 4 * Math.sqrt(2)) / 8, within(1e-6));
        // the farthest pixel is (0, 0), q = √32 ≈ 5.66 → ring 6; all 64 pixels are counted
        assertThat(p.size()).isEqualTo(7);
        assertThat(p.totalCount()).isEqualTo(64);
    }

    @Test
    void widerRingsMergeRadiiAndEmptyRingsCanBeDropped() {
        int size = 8;
        float[] intensity = new float[size * size];
        Arrays.fill(intensity, 4f);
        byte[] mask = new byte[size * size];
        mask[4 * size + 4] = 1;     // centre, q = 0
        mask[4 * size + 0] = 1;     // q = 4
        RadialProfile p = LocalRFactor.withDefaults().withBinWidthPx(2)
                .radialProfile(amplitudesOffByRadius(size), intensity, mask, size, size);
        // rings of 2 px: q = 0 → ring 0 (centre 0); q = 4 → ring 2 (centre 4); ring 1 empty
        assertThat(p.binCentresPx()).containsExactly(0.0, 2.0, 4.0);
        assertThat(p.counts()).containsExactly(1, 0, 1);
        assertThat(p.mean()[1]).isNaN();
        RadialProfile kept = p.nonEmpty();
        assertThat(kept.binCentresPx()).containsExactly(0.0, 4.0);
        assertThat(kept.mean()[1]).isCloseTo(4.0, within(1e-6));
    }

    @Test
    void standardErrorOfARingIsTheSampleDeviationOverRootCount() {
        float[] map = new float[9];
        Arrays.fill(map, Float.NaN);
        map[4] = 0;  // centre of a 3×3 grid
        map[1] = 1;  // the four neighbours at q = 1: values 1, 2, 3, 6
        map[3] = 2;
        map[5] = 3;
        map[7] = 6;
        RadialProfile p = LocalRFactor.withDefaults().profileOf(map, 3, 3);
        // mean 3; sample variance (4 + 1 + 0 + 9)/3 = 14/3; SE = √(14/3 / 4)
        assertThat(p.mean()[1]).isCloseTo(3.0, within(1e-12));
        assertThat(p.standardError()[1]).isCloseTo(Math.sqrt(14.0 / 12), within(1e-12));
        assertThat(p.standardError()[0]).isNaN();
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThatThrownBy(() -> LocalRFactor.withDefaults().withBinWidthPx(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LocalRFactor.withDefaults().withThresholdPhotons(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
