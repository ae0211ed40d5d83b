package org.dpr.retrieve;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;

/**
 * One iteration of generalized proximal smoothing (Pham et al. 2019), a primal–dual hybrid gradient
 * method on the spectrum z (primal) and a real-space dual y, kept as its spectrum ŷ = F y:
 *
 * <pre>
 *   z' = prox_T(z − t·ŷ),  prox_T(u) = (t·P_T(u) + σ·u)/(t + σ)   (P_T: amplitude replacement on measured pixels)
 *   y' = F⁻¹(ŷ + s·(2z' − z))                                       (= y + s·F⁻¹(2z' − z))
 *   y' ← y' − P_S(y')                                                (conjugate support projection: the positive
 *                                                                     real part inside the support removed)
 *   GPS-R: ŷ' = G · F y',  G(q) = exp(−q² / (2(α/√s)²))             (smoothing in real space: a Gaussian low-pass,
 *                                                                     1 at q = 0, q in pixels of the spectrum)
 *   GPS-F: ŷ' = F(W · y'), W(r) = exp(−r² / (2(2πα/√s)²))           (smoothing in Fourier space: a Gaussian weight
 *                                                                     about the window centre, width as in the DPR
 *                                                                     authors' code)
 * </pre>
 *
 * Keeping ŷ instead of y makes the F y of the next iteration free; for GPS-R, F(y' − P_S y') = ŵ −
 * F(P_S y') with ŵ the spectrum just inverted, so one iteration costs one complex inverse transform of
 * ŵ and one transform of the real P_S y'. The object is P_S(F⁻¹ z) ({@link PhasingState#estimate()}).
 * σ and α follow the schedules of {@link GpsParameters} at the state's iteration.
 */
final class GpsStep {
    private GpsStep() {
    }

    static PhasingState apply(PhasingState state, GpsParameters p, Gps.Smoothing variant) {
        PhasingState s = state.inFourierSpace();
        Measurement data = s.measurement();
        double t = p.primalStep();
        double dual = p.dualStep();
        double sigma = p.sigmaAt(s.iteration());
        double alpha = p.alphaAt(s.iteration(), Math.min(s.height(), s.width()));
        float k = (float) (t / (t + sigma));
        NDArray z = s.object();
        NDArray nextZ;
        NDArray nextDual;
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray yHat = s.dual() != null ? s.dual() : z.mul(0f);
            NDArray u = t == 1 ? z.sub(yHat) : z.sub(yHat.mul((float) t));
            // prox_T(u) = u·h with h = k·a/|u| + (1 − k) where measured, 1 where missing (k = t/(t + σ))
            NDArray h = Spectra.inverseModulus(u);
            h.muli(data.amplitudes());
            h.subi(data.mask());
            h.muli(k);
            h.addi(1f);
            nextZ = u.mul(h);
            // ŷ + s·(2z' − z) with ŷ = (z − u)/t and z' = u·h:  z·(1/t − s) + u·(2s·h − 1/t)
            h.muli((float) (2 * dual));
            h.subi((float) (1 / t));
            NDArray w = u.muli(h);
            z.muli((float) (1 / t - dual)); // z is consumed
            w.addi(z);
            NDArray y = Spectra.inverse(w);
            NDArray positive = Projections.supportProject(Spectra.realPart(y), s.support());
            double widthSquared = alpha * alpha / dual;
            if (variant == Gps.Smoothing.REAL_SPACE) {
                // F(y − P_S y) = w − F(P_S y): P_S y is real, so no complex transform of y is needed
                try (NDArray projected = Spectra.forward(positive)) {
                    w.subi(projected);
                }
                NDArray filter = data.frequencySquaredPx().mul((float) (-0.5 / widthSquared)).exp()
                        .toType(DataType.COMPLEX64, false);
                nextDual = w.muli(filter);
            } else {
                y.subi(positive);
                double realWidthSquared = 4 * Math.PI * Math.PI * widthSquared;
                NDArray weight = data.radiusSquaredPx().mul((float) (-0.5 / realWidthSquared)).exp();
                y.muli(weight);
                nextDual = Spectra.forward(y);
            }
            NDScope.unregister(nextZ, nextDual);
        }
        return s.advance(nextZ, PhasingState.Domain.FOURIER, nextDual);
    }
}
