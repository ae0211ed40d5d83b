package org.dpr.retrieve;

import ai.djl.ndarray.NDArray;

/**
 * The support-with-positivity projection P_S as an operator of its own (not an iteration): u ←
 * max(Re u, 0) inside the support, 0 outside. Leaves the state in real space (dropping any GPS dual).
 */
public final class SupportProjection implements Operator {
    private static final SupportProjection INSTANCE = new SupportProjection();

    private SupportProjection() {
    }

    public static SupportProjection withDefaults() {
        return INSTANCE;
    }

    @Override
    public PhasingState apply(PhasingState state) {
        PhasingState s = state.inRealSpace();
        NDArray projected = Projections.supportProject(s.object(), s.support());
        s.object().close();
        return new PhasingState(projected, PhasingState.Domain.REAL, null, s.support(), s.measurement(),
                s.iteration(), s.shrinkWrapUpdates(), s.listener());
    }

    @Override
    public String toString() {
        return "SupportProjection";
    }
}
