package org.dpr.train;

/**
 * Where a training run stands, as a checkpoint records it: the schedule position of the next
 * batch to run (a checkpoint written at the end of epoch e says epoch e + 1, iteration 0), the
 * best validation loss so far and the run's seed.
 *
 * @param epoch              0-based epoch of the next batch
 * @param iteration          0-based index of the next batch inside that epoch
 * @param bestValidationLoss lowest validation loss seen, {@code Double.POSITIVE_INFINITY} before any
 * @param seed               the seed the run was started with
 */
public record TrainingProgress(int epoch, int iteration, double bestValidationLoss, long seed) {
    public TrainingProgress {
        if (epoch < 0 || iteration < 0) {
            throw new IllegalArgumentException("epoch and iteration must be ≥ 0, got " + epoch + ", " + iteration);
        }
        if (Double.isNaN(bestValidationLoss)) {
            throw new IllegalArgumentException("best validation loss must not be NaN (use +∞ for none yet)");
        }
    }

    /** The start of a run with {@code seed}: epoch 0, iteration 0, no validation loss yet. */
    public static TrainingProgress start(long seed) {
        return new TrainingProgress(0, 0, Double.POSITIVE_INFINITY, seed);
    }
}
