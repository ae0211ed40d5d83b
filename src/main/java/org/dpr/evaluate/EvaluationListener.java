package org.dpr.evaluate;

import java.util.function.IntConsumer;

/** Hears an {@link Evaluation} progress, one method at a time (e.g. to draw a progress bar per method). */
public interface EvaluationListener {

    /**
     * A method is about to run over {@code frames} frames.
     *
     * @return where to report the number of frames done so far
     */
    IntConsumer methodStarted(String method, int frames);

    /** The method has finished (or failed). */
    default void methodFinished(String method) {
    }

    /** A listener that ignores everything. */
    static EvaluationListener silent() {
        return (method, frames) -> done -> { };
    }
}
