package org.dpr.preprocess;

import java.util.Objects;
import org.dpr.io.DiffractionFrame;

/**
 * Masks pixels that cannot be intensities: NaN and ±∞ always (they become missing and 0), and
 * negative values as {@link NegativePolicy} says. Detectors that subtract a pedestal, and Gaussian
 * read noise (the paper's eq. 4, σ ≈ 0.42 photons), produce small negative values in dark pixels
 * that are measurements of ≈ 0 photons, so the default keeps them; a detector whose negative
 * values flag bad pixels wants {@link NegativePolicy#MASK}.
 */
public final class InvalidPixels implements PreprocessStep {

    /** What happens to measured pixels with a negative value. */
    public enum NegativePolicy {
        /** Leave them as they are (default). */
        KEEP,
        /** Set them to 0 photons, still measured. */
        ZERO,
        /** Mark them missing (and set them to 0). */
        MASK
    }

    private static final InvalidPixels DEFAULT = new InvalidPixels(NegativePolicy.KEEP);

    private final NegativePolicy negatives;

    private InvalidPixels(NegativePolicy negatives) {
        this.negatives = negatives;
    }

    /** NaN/∞ masked, negative values kept. */
    public static InvalidPixels withDefaults() {
        return DEFAULT;
    }

    public InvalidPixels with(NegativePolicy policy) {
        return new InvalidPixels(Objects.requireNonNull(policy, "policy"));
    }

    public NegativePolicy negativePolicy() {
        return negatives;
    }

    @Override
    public String name() {
        return "invalid";
    }

    @Override
    public String describe() {
        return "invalid(NaN/∞ masked, negative " + negatives.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }

    @Override
    public StepResult apply(DiffractionFrame frame) {
        float[] intensity = frame.intensity().clone();
        byte[] mask = frame.mask().clone();
        int nonFinite = 0;
        int negative = 0;
        for (int i = 0; i < intensity.length; i++) {
            float v = intensity[i];
            if (!Float.isFinite(v)) {
                nonFinite += mask[i] != 0 ? 1 : 0;
                intensity[i] = 0f;
                mask[i] = 0;
            } else if (v < 0 && mask[i] != 0 && negatives != NegativePolicy.KEEP) {
                negative++;
                intensity[i] = 0f;
                if (negatives == NegativePolicy.MASK) {
                    mask[i] = 0;
                }
            }
        }
        String what = switch (negatives) {
            case KEEP -> "";
            case ZERO -> ", " + negative + " negative px set to 0";
            case MASK -> ", " + negative + " negative px masked";
        };
        StepRecord record = StepRecord.of(name(), "masked " + nonFinite + " NaN/∞ px" + what)
                .with("non_finite_masked_px", nonFinite)
                .with("negative_px", negative)
                .with("negative_policy", negatives.name().toLowerCase(java.util.Locale.ROOT));
        return new StepResult(frame.withIntensity(frame.height(), frame.width(), intensity, mask), record);
    }
}
