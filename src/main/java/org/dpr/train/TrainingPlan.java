package org.dpr.train;

/**
 * What a training session is about to do, as {@link TrainingListener#started} hears it.
 *
 * @param startEpoch         0-based epoch of the first batch of this session
 * @param startIteration     0-based batch inside that epoch
 * @param epochs             epochs of the whole run
 * @param iterationsPerEpoch batches per epoch
 * @param batchSize          frames per batch
 * @param trainingFrames     size of the training set
 * @param validationFrames   size of the validation set
 * @param resumed            whether the session continues a checkpoint
 */
public record TrainingPlan(int startEpoch, int startIteration, int epochs, int iterationsPerEpoch, int batchSize,
        long trainingFrames, int validationFrames, boolean resumed) {

    /** Frames trained before this session. */
    public long framesBefore() {
        return ((long) startEpoch * iterationsPerEpoch + startIteration) * batchSize;
    }
}
