package org.dpr.retrieve;

/**
 * How the output is chosen among a frame's random starts (paper §4.5): the start with the lowest R_F
 * (simulations), or the average of the {@code count} lowest after aligning each to the best over
 * integer translations and the twin (experiments: 5). Starts that diverged (non-finite R_F) are never
 * chosen.
 *
 * @param mode  which rule
 * @param count how many starts are averaged (1 for {@link Mode#LOWEST_RF})
 */
public record Selection(Mode mode, int count) {

    /** The rule. */
    public enum Mode {
        /** The single start with the lowest R_F. */
        LOWEST_RF,
        /** The aligned average of the starts with the lowest R_F. */
        AVERAGE_OF_BEST
    }

    public Selection {
        java.util.Objects.requireNonNull(mode, "mode");
        if (count < 1 || (mode == Mode.LOWEST_RF && count != 1)) {
            throw new IllegalArgumentException("selection count must be ≥ 1 (exactly 1 for the lowest R_F), got " + count);
        }
    }

    /** The lowest-R_F start (the paper's choice for simulations). */
    public static Selection lowestRf() {
        return new Selection(Mode.LOWEST_RF, 1);
    }

    /** The aligned average of the {@code count} lowest-R_F starts (the paper: 5 for experiments). */
    public static Selection averageOfBest(int count) {
        return new Selection(Mode.AVERAGE_OF_BEST, count);
    }

    @Override
    public String toString() {
        return mode == Mode.LOWEST_RF ? "lowest R_F" : "aligned average of the best " + count;
    }
}
