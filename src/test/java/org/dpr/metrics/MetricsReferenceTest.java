package org.dpr.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * dpr's metrics against an independent implementation (numpy/scipy). The expected numbers are
 * printed by {@code python3 src/test/resources/org/dpr/metrics/reference_values.py}, which builds
 * the same 20×24 test images and computes SSIM (2-D window, scipy correlate2d), PSNR, PCC
 * (scipy.stats.pearsonr) and the Mann–Whitney test (scipy.stats.mannwhitneyu).
 */
class MetricsReferenceTest {

    private static final int H = 20;
    private static final int W = 24;

    private static float[][] images() {
        float[] x = new float[H * W];
        float[] y = new float[H * W];
        for (int i = 0; i < H; i++) {
            for (int j = 0; j < W; j++) {
                double xd = 0.5 + 0.4 * Math.sin(0.7 * i + 0.3 * j);
                x[i * W + j] = (float) xd;
                y[i * W + j] = (float) (xd + 0.1 * Math.cos(0.9 * i - 0.5 * j) + 0.02 * i);
            }
        }
        return new float[][] {x, y};
    }

    @Test
    void windowedSsimMatchesScipyForBothDataRanges() {
        float[][] xy = images();
        assertThat(Ssim.windowed().compute(xy[0], xy[1], H, W)).isCloseTo(0.894072706731394, within(1e-9));
        assertThat(Ssim.windowed().with(Ssim.DataRange.MAX_MINUS_MIN_OF_REFERENCE).compute(xy[0], xy[1], H, W))
                .isCloseTo(0.894020441964542, within(1e-9));
    }

    @Test
    void globalSsimPsnrAndPccMatchNumpy() {
        float[][] xy = images();
        assertThat(Ssim.withDefaults().compute(xy[0], xy[1], H, W)).isCloseTo(0.852440105988458, within(1e-9));
        assertThat(ImageMetrics.psnrDb(xy[0], xy[1])).isCloseTo(15.224501118307, within(1e-8));
        assertThat(ImageMetrics.pcc(xy[0], xy[1])).isCloseTo(0.899664991804294, within(1e-9));
    }

    @Test
    void mannWhitneyMatchesScipy() {
        assertThat(MannWhitney.withDefaults().test(new double[] {1, 2, 2, 3}, new double[] {2, 3, 4, 5}).pValue())
                .isCloseTo(0.136658247738147, within(1e-12));
        assertThat(MannWhitney.withDefaults().test(new double[] {1, 3, 5}, new double[] {2, 4, 6, 7}).pValue())
                .isCloseTo(0.4, within(1e-12));
    }
}
