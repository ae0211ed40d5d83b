package org.dpr.retrieve;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;

/**
 * Error reduction (Gerchberg–Saxton–Fienup; Fienup 1982): u ← P_S P_M u, the alternating projection
 * onto the measured Fourier amplitudes (missing pixels free) and onto the support with positivity.
 * The iterate is real: P_M here is Re F⁻¹ P_M F, the projection onto real objects that fit the data.
 * The paper ends HIO with ER for the final 10 % of iterations (§4.5). No parameters.
 */
public final class Er implements Operator {
    private static final Er DEFAULT = new Er();

    private Er() {
    }

    /** The one ER step. */
    public static Er withDefaults() {
        return DEFAULT;
    }

    @Override
    public PhasingState apply(PhasingState state) {
        PhasingState s = state.inRealSpace();
        NDArray next;
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray projected = Projections.fourierProjectReal(s.object(), s.measurement());
            next = Projections.supportProject(projected, s.support());
            NDScope.unregister(next);
        }
        return s.advance(next, PhasingState.Domain.REAL, null);
    }

    @Override
    public String toString() {
        return "ER";
    }
}
