package org.dpr.train;

/** What a {@link TrainingStep} did with a batch. */
public enum StepOutcome {
    /** The weights and the optimiser state were updated. */
    UPDATED,
    /** The loss or the gradient was not finite: nothing was changed (the batch is skipped). */
    SKIPPED_NON_FINITE
}
