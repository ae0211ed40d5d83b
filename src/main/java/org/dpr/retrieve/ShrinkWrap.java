package org.dpr.retrieve;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;

/**
 * Shrink-wrap (Marchesini et al., Phys. Rev. B 68, 140101 (2003)): the support becomes the pixels where
 * the current object estimate, blurred by a Gaussian of width σ, exceeds a fraction of its maximum.
 * Each application is one support update; σ of update k (k = {@link PhasingState#shrinkWrapUpdates()})
 * is max(σ₀·r^k, σ_min).
 *
 * <p>Paper §4.5: every 50 iterations, σ₀ = 3 px decreasing by 1 % per update (r = 0.99) and not
 * below σ_min = 1.5 px, threshold 20 % of the maximum. These are pixels at N = 512 (object box 64);
 * dpr keeps them in pixels at every window: {@link #scaledToObjectBox(int)} would scale them with the
 * object box, but at n = 16 the resulting 0.75 px blur lets noise spikes set the maximum and the
 * support collapses on noisy frames (measured at N = 128, 2·10⁵ photons, HIO: 7–13 dB PSNR scaled
 * against 21–26 dB unscaled). The blur is a product with exp(−2π²σ²f²) on the half spectrum (f in
 * cycles per pixel): a normalised Gaussian, circular over the window (the object sits in the middle
 * of a zero-padded window, so this equals zero padding).
 */
public final class ShrinkWrap implements Operator {
    /** The paper's object box, to which the pixel widths of the defaults refer. */
    public static final int PAPER_OBJECT_BOX_PX = 64;
    private static final ShrinkWrap DEFAULT = new ShrinkWrap(3, 0.99, 1.5, 0.2);

    private final double initialSigmaPx;
    private final double sigmaDecay;
    private final double minimumSigmaPx;
    private final double threshold;
    /** The object box the widths were scaled to (printing only). */
    private final int objectBoxPx;

    private ShrinkWrap(double initialSigmaPx, double sigmaDecay, double minimumSigmaPx, double threshold) {
        this(initialSigmaPx, sigmaDecay, minimumSigmaPx, threshold, PAPER_OBJECT_BOX_PX);
    }

    private ShrinkWrap(double initialSigmaPx, double sigmaDecay, double minimumSigmaPx, double threshold,
                       int objectBoxPx) {
        this.initialSigmaPx = initialSigmaPx;
        this.sigmaDecay = sigmaDecay;
        this.minimumSigmaPx = minimumSigmaPx;
        this.threshold = threshold;
        this.objectBoxPx = objectBoxPx;
    }

    /** The paper's values: σ 3 px × 0.99 per update, not below 1.5 px, threshold 0.2 (§4.5). */
    public static ShrinkWrap withDefaults() {
        return DEFAULT;
    }

    /**
     * These settings with both widths scaled from the object box they refer to (64 px for the paper's
     * values) to {@code objectBoxPx}.
     */
    public ShrinkWrap scaledToObjectBox(int objectBoxPx) {
        if (objectBoxPx <= 0) {
            throw new IllegalArgumentException("object box must be positive, got " + objectBoxPx);
        }
        double f = (double) objectBoxPx / this.objectBoxPx;
        return new ShrinkWrap(initialSigmaPx * f, sigmaDecay, minimumSigmaPx * f, threshold, objectBoxPx);
    }

    /** σ₀ in pixels, > 0. */
    public ShrinkWrap withInitialSigmaPx(double sigmaPx) {
        if (!(sigmaPx > 0) || !Double.isFinite(sigmaPx)) {
            throw new IllegalArgumentException("shrink-wrap σ must be positive, got " + sigmaPx);
        }
        return new ShrinkWrap(sigmaPx, sigmaDecay, Math.min(minimumSigmaPx, sigmaPx), threshold, objectBoxPx);
    }

    /** r, the factor applied to σ after each update, in (0, 1]. */
    public ShrinkWrap withSigmaDecay(double factor) {
        if (!(factor > 0 && factor <= 1)) {
            throw new IllegalArgumentException("shrink-wrap σ decay must be in (0, 1], got " + factor);
        }
        return new ShrinkWrap(initialSigmaPx, factor, minimumSigmaPx, threshold, objectBoxPx);
    }

    /** σ_min in pixels, in (0, σ₀]. */
    public ShrinkWrap withMinimumSigmaPx(double sigmaPx) {
        if (!(sigmaPx > 0 && sigmaPx <= initialSigmaPx)) {
            throw new IllegalArgumentException("shrink-wrap minimum σ must be in (0, " + initialSigmaPx + "], got "
                    + sigmaPx);
        }
        return new ShrinkWrap(initialSigmaPx, sigmaDecay, sigmaPx, threshold, objectBoxPx);
    }

    /** The threshold as a fraction of the blurred object's maximum, in (0, 1). */
    public ShrinkWrap withThreshold(double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("shrink-wrap threshold must be in (0, 1), got " + fraction);
        }
        return new ShrinkWrap(initialSigmaPx, sigmaDecay, minimumSigmaPx, fraction, objectBoxPx);
    }

    public double initialSigmaPx() {
        return initialSigmaPx;
    }

    public double sigmaDecay() {
        return sigmaDecay;
    }

    public double minimumSigmaPx() {
        return minimumSigmaPx;
    }

    public double threshold() {
        return threshold;
    }

    /** The blur width of update {@code update} (0-based): max(σ₀·r^update, σ_min). */
    public double sigmaPxAt(int update) {
        return Math.max(initialSigmaPx * Math.pow(sigmaDecay, update), minimumSigmaPx);
    }

    @Override
    public PhasingState apply(PhasingState state) {
        double sigma = sigmaPxAt(state.shrinkWrapUpdates());
        NDArray support;
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray estimate = state.estimate();
            NDArray spectrum = Spectra.forwardHalf(estimate);
            NDArray transfer = state.measurement().halfFrequencySquared()
                    .mul((float) (-2 * Math.PI * Math.PI * sigma * sigma)).exp();
            spectrum.muli(transfer);
            NDArray blurred = Spectra.inverseHalf(spectrum, state.width());
            int rows = state.batch();
            NDArray level = blurred.reshape(rows, -1).max(new int[] {1}, true).reshape(rows, 1, 1).mul((float) threshold);
            support = blurred.gt(level).toType(DataType.FLOAT32, false);
            NDScope.unregister(support);
        }
        return state.withSupport(support, state.shrinkWrapUpdates() + 1);
    }

    @Override
    public String toString() {
        if (this.equals(DEFAULT)) {
            return "ShrinkWrap";
        }
        if (this.equals(DEFAULT.scaledToObjectBox(objectBoxPx))) {
            return "ShrinkWrap(box=" + objectBoxPx + "px)";
        }
        return "ShrinkWrap(sigma=" + round(initialSigmaPx) + "px×" + round(sigmaDecay) + "^k≥" + round(minimumSigmaPx)
                + "px, threshold=" + round(threshold) + ")";
    }

    private static String round(double v) {
        return StepSchedule.number(Math.round(v * 1e4) / 1e4);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShrinkWrap s && s.initialSigmaPx == initialSigmaPx && s.sigmaDecay == sigmaDecay
                && s.minimumSigmaPx == minimumSigmaPx && s.threshold == threshold;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(initialSigmaPx, sigmaDecay, minimumSigmaPx, threshold);
    }
}
