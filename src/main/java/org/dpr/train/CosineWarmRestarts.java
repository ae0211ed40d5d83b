package org.dpr.train;

/**
 * Cosine annealing with warm restarts (SGDR, Loshchilov &amp; Hutter 2017), the schedule of the
 * paper's AdamWR runs (§4.3):
 *
 * <pre>α = α_min + ½ (α_max − α_min) (1 + cos(π T / T_i))</pre>
 *
 * where T counts epochs since the last restart and T_i is the current period, T_0 = 40 epochs,
 * multiplied by 2 at each restart (40, 80, 160, 320: four periods fill the paper's 600 epochs
 * exactly). Defaults α_max = 5·10⁻³, α_min = 10⁻⁸.
 *
 * <p><b>Warm-up.</b> During the first {@code warmupEpochs} epochs (default 1) the rate rises
 * linearly, batch by batch and whatever the granularity, from α_max/(W·K) at the first batch to
 * α_max at the last batch of the warm-up (W warm-up epochs of K batches); a constant rate for a
 * one-epoch warm-up would make no sense. The warm-up replaces the start of the first period, it
 * does not shift it: afterwards the cosine is evaluated at the same T as without warm-up, so the
 * restarts stay at epochs 40, 120, 280.
 *
 * <p><b>Granularity.</b> {@link ScheduleGranularity#PER_ITERATION} (default) lets T advance by
 * 1/K per batch, so the rate comes within a hair of α_min at the end of each period;
 * {@link ScheduleGranularity#PER_EPOCH} keeps T whole (the last epoch of a period then runs at
 * α_min + (α_max − α_min)(1 − cos(π/T_i))/2).
 */
public final class CosineWarmRestarts implements LearningRateSchedule {
    private static final CosineWarmRestarts DEFAULTS =
            new CosineWarmRestarts(5e-3, 1e-8, 40, 2, 1, ScheduleGranularity.PER_ITERATION);

    private final double maxRate;
    private final double minRate;
    private final int firstPeriodEpochs;
    private final int periodMultiplier;
    private final int warmupEpochs;
    private final ScheduleGranularity granularity;

    private CosineWarmRestarts(double maxRate, double minRate, int firstPeriodEpochs, int periodMultiplier,
            int warmupEpochs, ScheduleGranularity granularity) {
        this.maxRate = maxRate;
        this.minRate = minRate;
        this.firstPeriodEpochs = firstPeriodEpochs;
        this.periodMultiplier = periodMultiplier;
        this.warmupEpochs = warmupEpochs;
        this.granularity = granularity;
    }

    /** α_max 5·10⁻³, α_min 10⁻⁸, T_0 = 40 epochs, doubling, one warm-up epoch, per-iteration (paper §4.3). */
    public static CosineWarmRestarts withDefaults() {
        return DEFAULTS;
    }

    /** α_max (at each restart) and α_min (the floor at the end of each period), 0 ≤ α_min ≤ α_max. */
    public CosineWarmRestarts withRates(double max, double min) {
        if (!(min >= 0) || !(max >= min) || Double.isInfinite(max)) {
            throw new IllegalArgumentException("need finite 0 ≤ α_min ≤ α_max, got α_max " + max + ", α_min " + min);
        }
        return new CosineWarmRestarts(max, min, firstPeriodEpochs, periodMultiplier, warmupEpochs, granularity);
    }

    /** T_0, the first period in epochs (≥ 1). */
    public CosineWarmRestarts withFirstPeriodEpochs(int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("first period must be ≥ 1 epoch, got " + epochs);
        }
        return new CosineWarmRestarts(maxRate, minRate, epochs, periodMultiplier, warmupEpochs, granularity);
    }

    /** The factor T_{i+1}/T_i (≥ 1; 1 gives equal periods). */
    public CosineWarmRestarts withPeriodMultiplier(int multiplier) {
        if (multiplier < 1) {
            throw new IllegalArgumentException("period multiplier must be ≥ 1, got " + multiplier);
        }
        return new CosineWarmRestarts(maxRate, minRate, firstPeriodEpochs, multiplier, warmupEpochs, granularity);
    }

    /** Linear warm-up epochs at the start (0 = none); must be shorter than T_0. */
    public CosineWarmRestarts withWarmupEpochs(int epochs) {
        if (epochs < 0 || epochs >= firstPeriodEpochs) {
            throw new IllegalArgumentException(
                    "warm-up must be in [0, T_0 = " + firstPeriodEpochs + "), got " + epochs + " epochs");
        }
        return new CosineWarmRestarts(maxRate, minRate, firstPeriodEpochs, periodMultiplier, epochs, granularity);
    }

    public CosineWarmRestarts withGranularity(ScheduleGranularity value) {
        if (value == null) {
            throw new IllegalArgumentException("granularity must not be null");
        }
        return new CosineWarmRestarts(maxRate, minRate, firstPeriodEpochs, periodMultiplier, warmupEpochs, value);
    }

    public double maxRate() {
        return maxRate;
    }

    public double minRate() {
        return minRate;
    }

    public int firstPeriodEpochs() {
        return firstPeriodEpochs;
    }

    /** The epoch of the k-th restart (k = 0 is the start of training): T_0 (m^k − 1)/(m − 1), or k·T_0 when m = 1. */
    public long restartEpoch(int k) {
        long start = 0;
        long period = firstPeriodEpochs;
        for (int i = 0; i < k; i++) {
            start += period;
            period *= periodMultiplier;
        }
        return start;
    }

    @Override
    public double rate(int epoch, int iteration, int iterationsPerEpoch) {
        LearningRateSchedule.checkPosition(epoch, iteration, iterationsPerEpoch);
        if (epoch < warmupEpochs) {
            double done = (double) epoch * iterationsPerEpoch + iteration + 1;
            return maxRate * done / ((double) warmupEpochs * iterationsPerEpoch);
        }
        double t = granularity == ScheduleGranularity.PER_ITERATION
                ? epoch + (double) iteration / iterationsPerEpoch
                : epoch;
        double start = 0;
        double period = firstPeriodEpochs;
        while (t >= start + period) {
            start += period;
            period *= periodMultiplier;
        }
        return minRate + 0.5 * (maxRate - minRate) * (1 + Math.cos(Math.PI * (t - start) / period));
    }

    @Override
    public String toString() {
        return "cosine warm restarts(α_max " + maxRate + ", α_min " + minRate + ", T_0 " + firstPeriodEpochs
                + ", ×" + periodMultiplier + ", warm-up " + warmupEpochs + ", " + granularity + ")";
    }
}
