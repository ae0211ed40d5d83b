package org.dpr.train;

/**
 * One training batch, as {@link TrainingListener#stepped} hears it.
 *
 * @param epoch              0-based epoch
 * @param iteration          batches done in this epoch (1 … iterationsPerEpoch)
 * @param iterationsPerEpoch batches per epoch
 * @param framesSeen         training frames since the start of the run (all sessions)
 * @param loss               the batch's loss before the update
 * @param learningRate       the rate of this update
 * @param framesPerSecond    training speed over the recent batches (data, step and logging)
 * @param outcome            whether the weights changed
 */
public record StepReport(int epoch, int iteration, int iterationsPerEpoch, long framesSeen, double loss,
        double learningRate, double framesPerSecond, StepOutcome outcome) {
}
