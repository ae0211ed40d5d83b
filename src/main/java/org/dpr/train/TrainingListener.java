package org.dpr.train;

import java.nio.file.Path;

/**
 * Hears a {@link Trainer}'s progress (for a progress bar or a log), on the training thread, between
 * batches: keep the callbacks short. Every method does nothing by default.
 */
public interface TrainingListener {

    /** The session starts (after a checkpoint, if any, was restored). */
    default void started(TrainingPlan plan) {
    }

    /** A batch was trained. */
    default void stepped(StepReport report) {
    }

    /** An epoch ended and was validated. */
    default void validated(EpochReport report) {
    }

    /** A checkpoint was written. */
    default void checkpointed(Path file, long framesSeen) {
    }

    /** A one-line notice (e.g. a skipped batch, the perceptual term being off). */
    default void notice(String text) {
    }

    /** A listener that ignores everything. */
    static TrainingListener none() {
        return new TrainingListener() {
        };
    }
}
