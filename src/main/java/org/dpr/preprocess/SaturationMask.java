package org.dpr.preprocess;

import org.dpr.io.DiffractionFrame;

/**
 * Masks saturated pixels: every measured pixel with a value ≥ the threshold becomes missing (its
 * value is kept, so pictures still show the saturated core). A saturated pixel's true intensity is
 * unknown — higher than recorded — so it must not constrain phase retrieval.
 *
 * <p>Detectors saturate at their ADC maximum, but not sharply: in the team's raw optical ring
 * pattern 6 759 pixels read exactly 65535 while ≈ 39 600 sit on the noisy plateau 65351–65535;
 * a threshold slightly below the maximum (65000 there) masks the whole plateau.
 */
public final class SaturationMask implements PreprocessStep {

    private final double thresholdPhotons;

    private SaturationMask(double thresholdPhotons) {
        this.thresholdPhotons = thresholdPhotons;
    }

    /** Masks pixels whose value is ≥ {@code thresholdPhotons} (finite). */
    public static SaturationMask atOrAbove(double thresholdPhotons) {
        if (!Double.isFinite(thresholdPhotons)) {
            throw new IllegalArgumentException("saturation threshold must be finite, got " + thresholdPhotons);
        }
        return new SaturationMask(thresholdPhotons);
    }

    public double thresholdPhotons() {
        return thresholdPhotons;
    }

    @Override
    public String name() {
        return "saturation";
    }

    @Override
    public String describe() {
        return "saturation(≥ " + Frames.fmt(thresholdPhotons) + ")";
    }

    @Override
    public StepResult apply(DiffractionFrame frame) {
        float[] intensity = frame.intensity();
        byte[] mask = frame.mask().clone();
        int masked = 0;
        for (int i = 0; i < intensity.length; i++) {
            if (mask[i] != 0 && intensity[i] >= thresholdPhotons) {
                mask[i] = 0;
                masked++;
            }
        }
        StepRecord record = StepRecord.of(name(), "masked " + masked + " px ≥ " + Frames.fmt(thresholdPhotons))
                .with("threshold_photons", thresholdPhotons)
                .with("masked_px", masked);
        if (masked > 0 && masked * 20L > intensity.length) {
            record = record.withWarning(String.format(java.util.Locale.ROOT,
                    "%.1f %% of the frame is at or above the threshold; is it below the noise?", 100.0 * masked / intensity.length));
        }
        return new StepResult(frame.withMask(mask), record);
    }
}
