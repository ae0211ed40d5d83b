package org.dpr.retrieve;

/**
 * Observes a recipe as it runs: called with the new state after every iteration (every step that
 * advances {@link PhasingState#iteration()}), never from inside an algorithm's arithmetic. Progress,
 * timing and R_F history ({@link RfRecorder}) are listeners. A listener must not close or consume the
 * state it is given; it may compute from it (closing what it computes).
 */
@FunctionalInterface
public interface PhasingListener {

    /** A listener that does nothing. */
    PhasingListener NONE = state -> { };

    /** Called after each iteration with the successor state. */
    void iterationDone(PhasingState state);

    /** This listener, then {@code other}. */
    default PhasingListener andThen(PhasingListener other) {
        if (this == NONE) {
            return other;
        }
        if (other == NONE) {
            return this;
        }
        return state -> {
            iterationDone(state);
            other.iterationDone(state);
        };
    }
}
