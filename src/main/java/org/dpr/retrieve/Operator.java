package org.dpr.retrieve;

/**
 * One step of an iterative phase-retrieval recipe: a map from a {@link PhasingState} to its successor.
 * Operators are immutable values that compose like the mathematics they implement (PyNX style):
 *
 * <pre>{@code
 * Operator recipe = Hio.withDefaults().withBeta(0.9).times(50)
 *         .then(ShrinkWrap.withDefaults()).times(18)
 *         .then(Er.withDefaults().times(100));
 * PhasingState out = recipe.apply(PhasingState.randomStarts(intensity, mask, support, 100, seed));
 * }</pre>
 *
 * <p>{@code toString()} gives the recipe in the PyNX notation, applied right to left, e.g.
 * {@code ER**100 * (ShrinkWrap * HIO**50)**18}; non-default parameters appear in brackets. The string
 * is stored as provenance with every reconstruction.
 *
 * <p><b>Ownership.</b> {@link #apply} consumes its input: the arrays of the input state that the
 * returned state does not share are closed (or reused in place), so the input must not be used
 * afterwards. Close the final state when done.
 */
@FunctionalInterface
public interface Operator {

    /** Applies this operator to {@code state} (consumed) and returns the successor. */
    PhasingState apply(PhasingState state);

    /** This operator, then {@code next}: printed {@code next * this}. */
    default Operator then(Operator next) {
        return Sequence.of(this, next);
    }

    /**
     * This operator applied {@code count} times: printed {@code this**count} ({@code this} itself for 1).
     *
     * @throws IllegalArgumentException if {@code count < 1}
     */
    default Operator times(int count) {
        Repeat repeat = new Repeat(this, count);
        return count == 1 ? this : repeat;
    }
}
