package org.dpr.train;

/** Why a training session ended. */
public enum StopReason {
    /** All epochs were run. */
    COMPLETED,
    /** The session's wall-clock budget ({@link TrainingConfig#maxDuration()}) ran out. */
    TIME_BUDGET,
    /** A stop was requested ({@link Trainer#requestStop()}, e.g. on Ctrl-C). */
    STOP_REQUESTED
}
