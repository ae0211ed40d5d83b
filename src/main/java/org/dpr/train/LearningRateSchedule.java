package org.dpr.train;

/**
 * A learning rate as a pure function of the position in training: the same (epoch, iteration)
 * always gives the same rate, so a resumed run continues the schedule exactly where the
 * checkpoint left it (the position is all the state a schedule has).
 *
 * <p>Positions count from zero: {@code epoch} 0 is the first epoch and {@code iteration} is the
 * index of the batch inside its epoch, {@code 0 ≤ iteration < iterationsPerEpoch}.
 */
@FunctionalInterface
public interface LearningRateSchedule {

    /**
     * The learning rate for the update made at this position.
     *
     * @param epoch              0-based epoch
     * @param iteration          0-based batch index inside the epoch
     * @param iterationsPerEpoch batches per epoch (≥ 1)
     * @return the rate, finite and ≥ 0
     */
    double rate(int epoch, int iteration, int iterationsPerEpoch);

    /** A schedule that always returns {@code rate}. */
    static LearningRateSchedule constant(double rate) {
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("learning rate must be finite and ≥ 0, got " + rate);
        }
        return (epoch, iteration, iterationsPerEpoch) -> rate;
    }

    /** Checks a position; used by implementations. */
    static void checkPosition(int epoch, int iteration, int iterationsPerEpoch) {
        if (epoch < 0 || iterationsPerEpoch < 1 || iteration < 0 || iteration >= iterationsPerEpoch) {
            throw new IllegalArgumentException("bad position: epoch " + epoch + ", iteration " + iteration
                    + " of " + iterationsPerEpoch);
        }
    }
}
