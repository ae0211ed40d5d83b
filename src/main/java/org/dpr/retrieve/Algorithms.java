package org.dpr.retrieve;

/**
 * Recipes: the paper's schedules (§4.5) built from single-iteration steps.
 *
 * <p>A recipe of K iterations runs the main step for K − E iterations with a shrink-wrap update after
 * every {@code interval} of them, then E = round(finalErFraction · K) iterations of ER. For 1000
 * iterations of HIO that is {@code ER**100 * (ShrinkWrap * HIO**50)**18}; for GPS-R (no ER) it is
 * {@code (GPS-R**50 * ShrinkWrap)**19 * GPS-R**50} — the support is not updated after the last
 * iteration, so the output is projected on the support the last iterations used. A step with
 * schedules ({@link ScheduledOperator}, GPS) gets them laid over its K − E iterations.
 */
public final class Algorithms {
    /** The paper's shrink-wrap interval (§4.5). */
    public static final int SHRINK_WRAP_INTERVAL = 50;

    private Algorithms() {
    }

    /**
     * The paper's recipe for {@code algorithm} over {@code iterations}: default parameters, the paper's
     * shrink-wrap ({@link ShrinkWrap#withDefaults()}) every 50 iterations, and the final 10 % ER for HIO
     * and RAAR.
     */
    public static Operator paperRecipe(Algorithm algorithm, int iterations) {
        return recipe(algorithm.defaultStep(), iterations, ShrinkWrap.withDefaults(), SHRINK_WRAP_INTERVAL,
                algorithm.defaultFinalErFraction());
    }

    /**
     * {@code step} for {@code iterations} with shrink-wrap every {@code interval} main iterations and
     * the final {@code finalErFraction} of the iterations ER.
     *
     * @param shrinkWrap       the support update, or {@code null} for a fixed support
     * @param interval         main iterations between shrink-wrap updates, ≥ 1
     * @param finalErFraction  in [0, 1)
     */
    public static Operator recipe(Operator step, int iterations, ShrinkWrap shrinkWrap, int interval,
                                  double finalErFraction) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1, got " + iterations);
        }
        if (interval < 1) {
            throw new IllegalArgumentException("shrink-wrap interval must be at least 1, got " + interval);
        }
        if (!(finalErFraction >= 0 && finalErFraction < 1)) {
            throw new IllegalArgumentException("final ER fraction must be in [0, 1), got " + finalErFraction);
        }
        int er = (int) Math.round(finalErFraction * iterations);
        int main = iterations - er;
        if (main == 0) {
            return Er.withDefaults().times(er);
        }
        Operator mainStep = step instanceof ScheduledOperator scheduled ? scheduled.withScheduleLength(main) : step;
        Operator recipe = mainPart(mainStep, main, shrinkWrap, interval, er > 0);
        return er > 0 ? recipe.then(Er.withDefaults().times(er)) : recipe;
    }

    /** {@code step} for {@code iterations} with a fixed support (schedules laid over the run). */
    public static Operator recipe(Operator step, int iterations) {
        return recipe(step, iterations, null, SHRINK_WRAP_INTERVAL, 0);
    }

    private static Operator mainPart(Operator step, int main, ShrinkWrap shrinkWrap, int interval, boolean more) {
        if (shrinkWrap == null || main <= interval && !(more && main == interval)) {
            return step.times(main);
        }
        int blocks = main / interval;
        int remainder = main % interval;
        if (remainder == 0 && !more) {
            // no update after the very last iteration
            Operator loop = step.times(interval);
            return blocks == 1 ? loop : loop.then(shrinkWrap.then(step.times(interval)).times(blocks - 1));
        }
        Operator loop = step.times(interval).then(shrinkWrap).times(blocks);
        return remainder > 0 ? loop.then(step.times(remainder)) : loop;
    }
}
