package org.dpr.train;

import java.nio.file.Path;

/**
 * How a training session ended and where its files are.
 *
 * @param stopReason          why it ended
 * @param epochsCompleted     epochs of the run finished and validated (all sessions)
 * @param framesSeen          training frames of the run (all sessions)
 * @param lastValidationLoss  validation loss at the last finished epoch (NaN if none)
 * @param bestValidationLoss  lowest validation loss of the run (+∞ if none)
 * @param trainingSeconds     training time of the run (all sessions)
 * @param model               the latest model's descriptor ({@code model.json})
 * @param bestModel           the best model's descriptor ({@code best.json}), or null when no epoch finished
 * @param checkpoint          the latest checkpoint
 */
public record TrainingResult(StopReason stopReason, int epochsCompleted, long framesSeen, double lastValidationLoss,
        double bestValidationLoss, double trainingSeconds, Path model, Path bestModel, Path checkpoint) {
}
