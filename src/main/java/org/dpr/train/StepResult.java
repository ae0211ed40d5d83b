package org.dpr.train;

/**
 * What one {@link TrainingStep#run} did.
 *
 * @param loss          the batch loss at the weights before the step
 * @param perturbedLoss the loss at w + ε with ASAM, NaN without
 * @param learningRate  the rate the schedule gave for this position
 * @param gradientNorm  global L2 norm of the gradient used, before clipping
 * @param outcome       whether the weights were updated
 */
public record StepResult(double loss, double perturbedLoss, double learningRate, double gradientNorm,
        StepOutcome outcome) {
    public StepResult {
        if (outcome == null) {
            throw new IllegalArgumentException("outcome must not be null");
        }
    }
}
