package org.dpr.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SsimTest {

    private static float[] random(int n, long seed) {
        Random rnd = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextFloat();
        }
        return x;
    }

    @Test
    void globalSsimOfASmallArrayEqualsTheHandComputedValue() {
        float[] x = {1, 2, 3, 4};
        float[] y = {2, 4, 6, 8};
        // μx = 2.5, μy = 5; population σx² = (2.25+0.25+0.25+2.25)/4 = 1.25, σy² = 5, σxy = 2.5
        // max Y = 8: c1 = (0.08)² = 0.0064, c2 = (0.24)² = 0.0576
        // SSIM = (2·2.5·5 + c1)(2·2.5 + c2) / ((2.5² + 5² + c1)(1.25 + 5 + c2))
        //      = (25.0064 · 5.0576) / (31.2564 · 6.3076) = 0.64149…
        double expected = (25.0064 * 5.0576) / (31.2564 * 6.3076);
        assertThat(Ssim.withDefaults().compute(x, y, 2, 2)).isCloseTo(expected, within(1e-12));
    }

    @ParameterizedTest
    @EnumSource(SsimForm.class)
    void ssimOfAnImageWithItselfIsOne(SsimForm form) {
        float[] x = random(16 * 20, 1);
        assertThat(Ssim.withDefaults().with(form).compute(x, x.clone(), 16, 20)).isCloseTo(1.0, within(1e-12));
    }

    @ParameterizedTest
    @EnumSource(SsimForm.class)
    void constantImagesKeepOnlyTheLuminanceTerm(SsimForm form) {
        float[] x = new float[12 * 12];
        float[] y = new float[12 * 12];
        Arrays.fill(x, 2f);
        Arrays.fill(y, 4f);
        // all variances vanish, so the contrast-structure term is c2/c2 = 1 in every window;
        // L = max Y = 4 → c1 = 0.04² = 0.0016: SSIM = (2·2·4 + c1)/(2² + 4² + c1) = 16.0016/20.0016
        assertThat(Ssim.withDefaults().with(form).compute(x, y, 12, 12)).isCloseTo(16.0016 / 20.0016, within(1e-12));
    }

    @Test
    void windowedSsimWithAFlatWindowOverTheWholeImageIsTheGlobalSsim() {
        float[] x = random(15 * 15, 2);
        float[] y = random(15 * 15, 3);
        // a 15×15 window on a 15×15 image has one position; with σ → ∞ its weights are 1/225,
        // i.e. the population moments of eq. 6
        Ssim flat = Ssim.windowed().withWindowPx(15).withSigmaPx(1e9);
        assertThat(flat.compute(x, y, 15, 15)).isCloseTo(Ssim.withDefaults().compute(x, y, 15, 15), within(1e-12));
    }

    @Test
    void theDataRangeOptionChangesTheConstants() {
        float[] x = {3, 3, 3, 3};
        float[] y = {2, 2, 2, 4};
        // μx = 3, μy = 2.5, σx² = 0, σy² = 0.75, σxy = 0
        // L = max Y − min Y = 2: c1 = 0.0004, c2 = 0.0036
        double expected = (2 * 3 * 2.5 + 0.0004) * 0.0036 / ((9 + 6.25 + 0.0004) * (0.75 + 0.0036));
        Ssim ssim = Ssim.withDefaults().with(Ssim.DataRange.MAX_MINUS_MIN_OF_REFERENCE);
        assertThat(ssim.compute(x, y, 2, 2)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void windowedSsimRejectsImagesSmallerThanTheWindowAndSettingsAreValidated() {
        assertThatThrownBy(() -> Ssim.windowed().compute(new float[100], random(100, 1), 10, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 11×11");
        assertThatThrownBy(() -> Ssim.windowed().withWindowPx(10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ssim.windowed().withSigmaPx(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Ssim.windowed().toString()).contains("windowed 11×11").contains("σ 1.5");
    }
}
