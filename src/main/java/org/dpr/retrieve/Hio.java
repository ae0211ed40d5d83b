package org.dpr.retrieve;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDScope;

/**
 * Hybrid input–output (Fienup 1982), one iteration: with u' = P_M u (Re F⁻¹ P_M F u, the iterate
 * being real),
 *
 * <pre>
 *   u ← u'          where u' ≥ 0 inside the support,
 *   u ← u − β·u'    elsewhere (outside the support, or negative).
 * </pre>
 *
 * Paper §4.5: β = 0.9, the last 10 % of the iterations ER, shrink-wrap every 50 iterations
 * ({@link Algorithms#paperRecipe}). Two transforms per iteration (real-to-complex, complex-to-real).
 */
public final class Hio implements Operator {
    /** The paper's β (§4.5). */
    public static final double DEFAULT_BETA = 0.9;
    private static final Hio DEFAULT = new Hio(DEFAULT_BETA);

    private final double beta;

    private Hio(double beta) {
        this.beta = beta;
    }

    /** β = 0.9. */
    public static Hio withDefaults() {
        return DEFAULT;
    }

    /**
     * The feedback parameter β.
     *
     * @throws IllegalArgumentException unless 0 < β ≤ 2
     */
    public Hio withBeta(double newBeta) {
        if (!(newBeta > 0 && newBeta <= 2)) {
            throw new IllegalArgumentException("HIO β must be in (0, 2], got " + newBeta);
        }
        return new Hio(newBeta);
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
            NDArray keep = projected.gte(0f).logicalAnd(s.support().gt(0.5f));
            NDArray feedback = projected.mul((float) beta);
            u.subi(feedback); // u is consumed: reuse it for u − β·u'
            next = NDArrays.where(keep, projected, u);
            NDScope.unregister(next);
        }
        return s.advance(next, PhasingState.Domain.REAL, null);
    }

    @Override
    public String toString() {
        return beta == DEFAULT_BETA ? "HIO" : "HIO(beta=" + beta + ")";
    }
}
