package org.dpr.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ImageMetricsTest {

    @Test
    void psnrOfASmallArrayEqualsTheHandComputedValue() {
        float[] x = {1, 2, 3, 4};
        float[] y = {1, 2, 3, 6};
        // errors (0, 0, 0, −2): MSE = 4/4 = 1, RMSE = 1; max Y = 6 → 20·log10(6) = 15.563 dB
        assertThat(ImageMetrics.psnrDb(x, y)).isCloseTo(20 * Math.log10(6), within(1e-12));
        assertThat(ImageMetrics.psnrDb(x, y)).isCloseTo(15.5630, within(1e-4));
    }

    @Test
    void psnrTakesThePeakFromTheReferenceNotTheReconstruction() {
        float[] x = {0, 0, 0, 10};
        float[] y = {0, 0, 0, 2};
        // RMSE = √(64/4) = 4, peak max Y = 2 → 20·log10(0.5) = −6.0206 dB
        assertThat(ImageMetrics.psnrDb(x, y)).isCloseTo(-6.0206, within(1e-4));
    }

    @Test
    void psnrOfAnImageWithItselfIsPositiveInfinity() {
        float[] x = {0.5f, 1, 2, 0};
        assertThat(ImageMetrics.psnrDb(x, x.clone())).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void psnrNeedsAPositiveReferencePeak() {
        assertThatThrownBy(() -> ImageMetrics.psnrDb(new float[] {1, 2}, new float[] {0, -1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive maximum");
    }

    @Test
    void pccOfASmallArrayEqualsTheHandComputedValue() {
        float[] x = {1, 2, 3, 4};
        float[] y = {1, 3, 2, 4};
        // deviations from 2.5: x (−1.5, −0.5, 0.5, 1.5), y (−1.5, 0.5, −0.5, 1.5)
        // Σdx·dy = 2.25 − 0.25 − 0.25 + 2.25 = 4; Σdx² = Σdy² = 5 → r = 4/5
        assertThat(ImageMetrics.pcc(x, y)).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void pccIsOneForAnAffineCopyAndMinusOneForANegatedOne() {
        Random rnd = new Random(4);
        float[] x = new float[100];
        float[] affine = new float[100];
        float[] negated = new float[100];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextFloat();
            affine[i] = 2 * x[i] + 3;
            negated[i] = -x[i];
        }
        assertThat(ImageMetrics.pcc(x, affine)).isCloseTo(1.0, within(1e-6));
        assertThat(ImageMetrics.pcc(x, negated)).isCloseTo(-1.0, within(1e-12));
    }

    @Test
    void pccOfAConstantImageIsNaN() {
        assertThat(ImageMetrics.pcc(new float[] {1, 1, 1}, new float[] {1, 2, 3})).isNaN();
    }

    @Test
    void imagesOfDifferentSizesAreRejected() {
        assertThatThrownBy(() -> ImageMetrics.rmse(new float[3], new float[4]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differ in size");
    }
}
