package org.dpr.retrieve;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;

/**
 * Relaxed averaged alternating reflections (Luke 2005), one iteration:
 *
 * <pre>
 *   u ← ½β (R_S R_M + I) u + (1 − β) P_M u  =  β·P_S(2u' − u) + β·u + (1 − 2β)·u',   u' = P_M u,
 * </pre>
 *
 * with the reflections R = 2P − I, P_S the support-with-positivity projection and P_M the Fourier
 * amplitude projection onto real objects. The paper does not use RAAR; dpr's default is a constant
 * β = 0.87, the value common in the CDI literature for Luke's relaxation (Luke 2005 lets β vary; set
 * it with {@link #withBeta}). Like HIO it is followed by ER for the last 10 % of the iterations in
 * {@link Algorithms#paperRecipe}.
 */
public final class Raar implements Operator {
    /** dpr's default β. */
    public static final double DEFAULT_BETA = 0.87;
    private static final Raar DEFAULT = new Raar(DEFAULT_BETA);

    private final double beta;

    private Raar(double beta) {
        this.beta = beta;
    }

    /** β = 0.87. */
    public static Raar withDefaults() {
        return DEFAULT;
    }

    /**
     * The relaxation β.
     *
     * @throws IllegalArgumentException unless 0 < β ≤ 1
     */
    public Raar withBeta(double newBeta) {
        if (!(newBeta > 0 && newBeta <= 1)) {
            throw new IllegalArgumentException("RAAR β must be in (0, 1], got " + newBeta);
        }
        return new Raar(newBeta);
    }

    public double beta() {
        return beta;
    }

    @Override
    public PhasingState apply(PhasingState state) {
        PhasingState s = state.inRealSpace();
        NDArray u = s.object();
        NDArray next;
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray projected = Projections.fourierProjectReal(u, s.measurement());
            NDArray reflected = projected.mul(2f);
            reflected.subi(u);
            next = Projections.supportProject(reflected, s.support());
            next.muli((float) beta);
            u.muli((float) beta); // u is consumed
            next.addi(u);
            projected.muli((float) (1 - 2 * beta));
            next.addi(projected);
            NDScope.unregister(next);
        }
        return s.advance(next, PhasingState.Domain.REAL, null);
    }

    @Override
    public String toString() {
        return beta == DEFAULT_BETA ? "RAAR" : "RAAR(beta=" + beta + ")";
    }
}
