package org.dpr.train;

/**
 * The end of an epoch, as {@link TrainingListener#validated} hears it.
 *
 * @param epoch           0-based epoch that ended
 * @param trainLoss       mean batch loss of this session's batches of the epoch
 * @param validationLoss  mean loss over the validation set (inference mode)
 * @param best            whether this is the lowest validation loss so far (the best model was saved)
 * @param framesSeen      training frames since the start of the run
 * @param trainingSeconds training time of the run so far (all sessions)
 */
public record EpochReport(int epoch, double trainLoss, double validationLoss, boolean best, long framesSeen,
        double trainingSeconds) {
}
