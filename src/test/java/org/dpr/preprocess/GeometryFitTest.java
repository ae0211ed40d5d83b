package org.dpr.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dpr.Geometry;
import org.dpr.io.DiffractionFrame;
import org.junit.jupiter.api.Test;

class GeometryFitTest {

    private static final Geometry MODEL = Geometry.SMALL; // N 128, n 16, σ 8
    /** The object brought to fill the whole 16-px box, σ 8. */
    private static final GeometryFit FILL_BOX = GeometryFit.to(MODEL).withObjectExtentPx(16);

    /**
     * The true oversampling after the fit, from the disc's known σ: binning by K divides it by K,
     * interpolation by u multiplies it by u; the record's resample factor is K or 1/u.
     */
    private static double trueSigmaAfter(double sigma, StepRecord r) {
        return sigma / r.number("resample_factor");
    }

    /**
     * At the model's resolution a 16-px object's autocorrelation edge blurs by a pixel or two, so
     * the re-estimate on the fitted frame reads up to ≈ 20 % low (the object looks larger).
     */
    private static final double CHECK_LOW = 0.8;

    @Test
    void aPatternOversampledBy16IsBinnedBy2AndItsObjectFitsTheBox() {
        PreprocessStep.StepResult r = FILL_BOX.apply(OversamplingEstimatorTest.measured(256, 16, 1));
        assertThat(r.frame().height()).isEqualTo(128);
        assertThat(r.frame().width()).isEqualTo(128);
        assertThat(r.record().values().get("action")).isEqualTo("bin");
        assertThat(r.record().number("resample_factor")).isEqualTo(2);
        assertThat(trueSigmaAfter(16, r.record())).isBetween(8.0, 8 * 1.3); // the disc now spans ≤ n = 16 px
        assertThat(r.record().number("oversampling_check")).isBetween(8 * CHECK_LOW, 8 * 1.3);
    }

    @Test
    void aPatternOversampledBy8KeepsItsSampling() {
        PreprocessStep.StepResult r = FILL_BOX.apply(OversamplingEstimatorTest.measured(160, 8, 2));
        assertThat(r.record().number("resample_factor")).isEqualTo(1);
        assertThat(r.frame().height()).isEqualTo(128);
        assertThat(trueSigmaAfter(8, r.record())).isEqualTo(8.0);
        assertThat(r.record().number("oversampling_check")).isBetween(8 * CHECK_LOW, 8 * 1.15);
    }

    @Test
    void aPatternOversampledBy4IsInterpolatedOntoAGridTwiceAsFine() {
        PreprocessStep.StepResult r = FILL_BOX.apply(OversamplingEstimatorTest.measured(128, 4, 3));
        StepRecord record = r.record();
        assertThat(record.values().get("action")).isEqualTo("interpolate");
        assertThat(1 / record.number("resample_factor")).isBetween(2 * 0.85, 2 * 1.15);
        assertThat(trueSigmaAfter(4, record)).isBetween(8 * 0.9, 8 * 1.3);
        assertThat(record.number("oversampling_check")).isBetween(8 * CHECK_LOW, 8 * 1.3);
        assertThat(r.frame().height()).isEqualTo(128);
        // the beamstop (radius 4) grew with the grid (radius ≈ 8) and stays missing; nothing else is
        assertThat(r.frame().mask()[64 * 128 + 64]).isZero();
        assertThat(r.frame().mask()[64 * 128 + 64 + 12]).isEqualTo((byte) 1);
    }

    @Test
    void byDefaultTheObjectIsBroughtToTheSizeOfTheTrainingObjectsNotToTheWholeBox() {
        // σ 30: filling the box (σ 8) bins by 3 or 4; the training objects' 10 px (σ 12.8) ask for 2 (σ 15)
        PreprocessStep.StepResult r = GeometryFit.to(MODEL).apply(OversamplingEstimatorTest.measured(512, 30, 4));
        assertThat(GeometryFit.to(MODEL).objectExtentPx()).isEqualTo(MODEL.trainedObjectExtentPx()).isEqualTo(10);
        assertThat(r.record().number("resample_factor")).isEqualTo(2);
        assertThat(r.record().number("object_extent_target_px")).isEqualTo(10);
        assertThat(128 / trueSigmaAfter(30, r.record())).isBetween(10 / 1.3, 10.0); // ≤ 10 px, not much less
        // an 8.5-px object's edge blurs relatively more: the check reads ≈ 20–25 % low, inside the 0.7 that warns
        assertThat(r.record().number("oversampling_check")).isBetween(15 * 0.7, 15 * 1.3);
        assertThat(r.record().warnings()).isEmpty();
        assertThat(FILL_BOX.apply(OversamplingEstimatorTest.measured(512, 30, 4)).record().number("resample_factor"))
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void aPatternThatIsExactlyAsOversampledAsTheBoxIsInterpolatedToShrinkItsObjectToTheTrainedSize() {
        PreprocessStep.StepResult r = GeometryFit.to(MODEL).apply(OversamplingEstimatorTest.measured(160, 8, 2));
        assertThat(r.record().values().get("action")).isEqualTo("interpolate");
        assertThat(1 / r.record().number("resample_factor")).isBetween(1.6 * 0.85, 1.6 * 1.15); // σ 8 → 12.8
        assertThat(r.record().number("oversampling_check")).isBetween(12.8 * CHECK_LOW, 12.8 * 1.3);
    }

    @Test
    void theObjectSizeMustLieBetweenTwoPixelsAndTheBox() {
        assertThatThrownBy(() -> GeometryFit.to(MODEL).withObjectExtentPx(17)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16-px box");
        assertThatThrownBy(() -> GeometryFit.to(MODEL).withObjectExtentPx(1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bandLimitedInterpolationReproducesThePatternComputedOnTheFinerGrid() {
        float[] object = Patterns.disc(25, 24, 9);
        float[] coarse = Patterns.intensity(object, 25, 64, 64, 1e6);
        float[] fine = Patterns.intensity(object, 25, 128, 128, 1e6); // same object, window ×2: σ ×2
        DiffractionFrame out = Interpolation.resample(DiffractionFrame.fullyMeasured(64, 64, coarse), 128, 128, 3);
        float max = 0;
        for (float v : fine) {
            max = Math.max(max, v);
        }
        int compared = 0;
        for (int i = 0; i < fine.length; i++) {
            if (out.mask()[i] != 0) {
                // both hold 10⁶ photons, the interpolated one spread over four times the pixels
                assertThat(Math.abs(out.intensity()[i] - fine[i]) / max).isLessThan(1e-4f);
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(120 * 120);
        assertThat(Patterns.sum(out.intensity())).isCloseTo(Patterns.sum(coarse), org.assertj.core.api.Assertions.within(1e-3f * Patterns.sum(coarse)));
    }

    @Test
    void aFrameWithoutSignalCannotBeFitted() {
        float[] flat = new float[128 * 128];
        java.util.Arrays.fill(flat, 2f);
        DiffractionFrame noise = DiffractionFrame.fullyMeasured(128, 128, Patterns.poisson(flat, 8));
        assertThatThrownBy(() -> GeometryFit.to(MODEL).apply(noise))
                .isInstanceOf(PreprocessException.class)
                .hasMessageContaining("cannot estimate the oversampling");
    }
}
