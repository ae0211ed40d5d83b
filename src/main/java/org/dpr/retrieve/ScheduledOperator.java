package org.dpr.retrieve;

/**
 * An operator whose parameters follow a schedule laid over a run of a given length (GPS's σ and α);
 * {@link Algorithms} sets the length to the number of iterations the operator runs.
 */
public interface ScheduledOperator extends Operator {

    /** This operator with its schedules laid over {@code iterations}. */
    Operator withScheduleLength(int iterations);
}
