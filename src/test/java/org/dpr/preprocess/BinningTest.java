package org.dpr.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.dpr.io.DiffractionFrame;
import org.dpr.io.FrameMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BinningTest {

    /** A noisy pattern of a 12-px disc in 120×120, zero beyond |q| = 40 so that edge bins hold no photons. */
    private static DiffractionFrame confined() {
        DiffractionFrame p = Patterns.ofOversampling(120, 10, 1e6, 7);
        float[] v = p.intensity().clone();
        for (int y = 0; y < 120; y++) {
            for (int x = 0; x < 120; x++) {
                if (Math.hypot(y - 60, x - 60) > 40) {
                    v[y * 120 + x] = 0;
                }
            }
        }
        return DiffractionFrame.fullyMeasured(120, 120, v);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5})
    void binningConservesPhotons(int k) {
        DiffractionFrame in = confined();
        PreprocessStep.StepResult r = Binning.by(k).apply(in);
        double total = 0;
        for (float v : r.frame().intensity()) {
            total += v;
        }
        assertThat(total).isCloseTo(Patterns.sum(in.intensity()), within(1e-5 * total));
        assertThat(r.record().number("measured_photons_out")).isCloseTo(total, within(1e-6 * total));
    }

    @Test
    void binnedSizeIsTheFrameSizeOverKAndTheCentreStaysAtTheCentre() {
        float[] v = new float[128 * 96];
        v[64 * 96 + 48] = 5f; // the zero frequency
        DiffractionFrame in = DiffractionFrame.fullyMeasured(128, 96, v);
        for (int k : new int[] {2, 3, 4, 8}) {
            DiffractionFrame out = Binning.by(k).apply(in).frame();
            assertThat(out.height()).as("rows for K=%d", k).isEqualTo(2 * (int) Math.ceil((64 - k / 2) / (double) k));
            assertThat(out.intensity()[out.height() / 2 * out.width() + out.width() / 2]).as("centre for K=%d", k).isEqualTo(5f);
        }
        assertThat(Binning.by(2).apply(in).frame().height()).isEqualTo(64);
        assertThat(Binning.by(2).apply(in).frame().width()).isEqualTo(48);
    }

    @Test
    void oddBinningKeepsACentrosymmetricPatternExactlyCentrosymmetric() {
        int n = 90;
        float[] v = new float[n * n];
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int y = 1; y < n; y++) {
            for (int x = 1; x < n; x++) {
                if (y * n + x <= (n - y) * n + (n - x)) {
                    float r = (float) random.nextDouble(100);
                    v[y * n + x] = r;
                    v[(n - y) * n + (n - x)] = r;
                }
            }
        }
        DiffractionFrame out = Binning.by(3).apply(DiffractionFrame.fullyMeasured(n, n, v)).frame();
        int m = out.height();
        for (int y = 1; y < m; y++) {
            for (int x = 1; x < m; x++) {
                if (out.mask()[y * m + x] != 0 && out.mask()[(m - y) * m + (m - x)] != 0) {
                    assertThat(out.intensity()[y * m + x]).isCloseTo(out.intensity()[(m - y) * m + (m - x)], within(1e-3f));
                }
            }
        }
    }

    @Test
    void aBinWithAMissingPixelIsMissingUnlessPartialBinsAreRescaled() {
        int n = 24;
        float[] v = new float[n * n];
        Arrays.fill(v, 2f);
        byte[] mask = Patterns.ones(n * n);
        mask[12 * n + 12] = 0; // in the centre bin for K = 4: rows/cols [10, 14)
        DiffractionFrame in = new DiffractionFrame(n, n, v, mask, null, FrameMetadata.empty());

        DiffractionFrame missing = Binning.by(4).apply(in).frame();
        DiffractionFrame rescaled = Binning.by(4).with(Binning.PartialBins.RESCALE).apply(in).frame();

        int centre = 3 * 6 + 3;
        assertThat(missing.mask()[centre]).isZero();
        assertThat(missing.intensity()[centre]).isZero();
        assertThat(rescaled.mask()[centre]).isEqualTo((byte) 1);
        assertThat(rescaled.intensity()[centre]).isEqualTo(32f); // 15 measured × 2 × 16/15
        assertThat(missing.intensity()[centre + 1]).isEqualTo(32f);
    }

    @Test
    void aBinningThatLeavesLessThanTheWindowIsRefused() {
        DiffractionFrame in = DiffractionFrame.fullyMeasured(256, 256, new float[256 * 256]);
        assertThatThrownBy(() -> Binning.by(4).withMinimumOutputPx(128).apply(in))
                .isInstanceOf(PreprocessException.class)
                .hasMessageContaining("leaves 64×64, less than the 128×128 window");
    }

    @Test
    void binningScalesThePixelSizeAndDropsTheGroundTruth() {
        float[] v = new float[64 * 64];
        DiffractionFrame in = new DiffractionFrame(64, 64, v, Patterns.ones(64 * 64), new float[64],
                FrameMetadata.empty().with(FrameMetadata.PIXEL_SIZE_M, 75e-6));
        DiffractionFrame out = Binning.by(2).apply(in).frame();
        assertThat(out.metadata().number(FrameMetadata.PIXEL_SIZE_M).getAsDouble()).isCloseTo(150e-6, within(1e-12));
        assertThat(out.hasGroundTruth()).isFalse();
    }
}
