package org.dpr.train;

/**
 * The paper's AdamW schedule (§4.3): a constant rate (10⁻³) for the first 5/6 of the epochs, then
 * a lower one (10⁻⁴) for the last 1/6 — 500 + 100 of 600 epochs. Immutable; the paper's values are
 * the defaults.
 */
public final class StepSchedule implements LearningRateSchedule {
    private static final StepSchedule DEFAULTS = new StepSchedule(1e-3, 1e-4, 600, 1.0 / 6.0);

    private final double initialRate;
    private final double finalRate;
    private final int totalEpochs;
    private final double finalFraction;

    private StepSchedule(double initialRate, double finalRate, int totalEpochs, double finalFraction) {
        this.initialRate = initialRate;
        this.finalRate = finalRate;
        this.totalEpochs = totalEpochs;
        this.finalFraction = finalFraction;
    }

    /** 10⁻³ then 10⁻⁴ for the last 1/6 of 600 epochs (paper §4.3). */
    public static StepSchedule withDefaults() {
        return DEFAULTS;
    }

    /** The two rates: before and after the step. */
    public StepSchedule withRates(double initial, double last) {
        checkRate(initial);
        checkRate(last);
        return new StepSchedule(initial, last, totalEpochs, finalFraction);
    }

    /** The length of the run in epochs; the step falls at {@link #firstFinalEpoch()}. */
    public StepSchedule withTotalEpochs(int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("total epochs must be ≥ 1, got " + epochs);
        }
        return new StepSchedule(initialRate, finalRate, epochs, finalFraction);
    }

    /** The fraction of the epochs, at the end, run at the final rate (default 1/6). */
    public StepSchedule withFinalFraction(double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("final fraction must be in [0, 1], got " + fraction);
        }
        return new StepSchedule(initialRate, finalRate, totalEpochs, fraction);
    }

    /** The first epoch at the final rate: {@code totalEpochs − round(totalEpochs · finalFraction)}. */
    public int firstFinalEpoch() {
        return totalEpochs - (int) Math.round(totalEpochs * finalFraction);
    }

    public double initialRate() {
        return initialRate;
    }

    public double finalRate() {
        return finalRate;
    }

    public int totalEpochs() {
        return totalEpochs;
    }

    @Override
    public double rate(int epoch, int iteration, int iterationsPerEpoch) {
        LearningRateSchedule.checkPosition(epoch, iteration, iterationsPerEpoch);
        return epoch < firstFinalEpoch() ? initialRate : finalRate;
    }

    @Override
    public String toString() {
        return "step(" + initialRate + " → " + finalRate + " from epoch " + firstFinalEpoch() + " of " + totalEpochs + ")";
    }

    private static void checkRate(double rate) {
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("learning rate must be finite and ≥ 0, got " + rate);
        }
    }
}
