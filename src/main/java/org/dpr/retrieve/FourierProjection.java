package org.dpr.retrieve;

import ai.djl.ndarray.NDArray;

/**
 * The Fourier amplitude projection P_M as an operator of its own (it does not count as an iteration):
 * the iterate's spectrum z ← z · √I/|z| on measured pixels, unchanged on missing ones (they float), the
 * phase kept. Leaves the state in {@link PhasingState.Domain#FOURIER} with the exact projection —
 * |z| equals the measured amplitude wherever the mask is 1 — and keeps any GPS dual. Useful for
 * building algorithms and for checking data consistency.
 */
public final class FourierProjection implements Operator {
    private static final FourierProjection INSTANCE = new FourierProjection();

    private FourierProjection() {
    }

    public static FourierProjection withDefaults() {
        return INSTANCE;
    }

    @Override
    public PhasingState apply(PhasingState state) {
        PhasingState s = state.inFourierSpace();
        NDArray projected = Projections.fourierProjectComplex(s.object(), s.measurement());
        s.object().close();
        return new PhasingState(projected, PhasingState.Domain.FOURIER, s.dual(), s.support(), s.measurement(),
                s.iteration(), s.shrinkWrapUpdates(), s.listener());
    }

    @Override
    public String toString() {
        return "FourierProjection";
    }
}
