package org.dpr.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import org.dpr.tensor.CentredFft;
import org.dpr.tensor.Tensors;

/**
 * The physics at the network's two ends (Supplementary Table 1, rows 0 and "final outputs are scaled by
 * initial diffraction patterns"), differentiable and device-agnostic.
 *
 * <ul>
 *   <li>Input: I_m = max(I·M, 0), the measured photons, and x = I_m / max(I_m) per pattern.</li>
 *   <li>Output: the network predicts an object x up to scale; ŝ = Σ I_m / Σ (|F(pad x)|²·M) is the
 *       least-squares-free flux factor that makes the model's measured intensity sum to the measured
 *       one, and x·√ŝ is the object in amplitude units (so that |F(pad(x·√ŝ))|² ≈ I).</li>
 * </ul>
 * F is the unnormalised 2-D DFT of the object zero-padded into the centre of the N×N window, with
 * zero frequency at (N/2, N/2) as the patterns are stored.
 */
public final class DiffractionScaling {
    /** Floor of the normalising maximum, so that an all-zero pattern gives zeros, not NaN. */
    static final float MIN_MAXIMUM = 1e-30f;
    /** Floor of a power spectrum before its square root (keeps the gradient finite at zeros). */
    static final float MIN_POWER = 1e-30f;

    private DiffractionScaling() {
    }

    /**
     * (I_m, x): the measured photons max(I·M, 0) and the network input I_m / max(I_m), both (B, 1, N, N).
     * The mask holds 1 on measured pixels and 0 elsewhere; a missing pixel's intensity is ignored even
     * when it is not finite.
     */
    public static NDList normaliseInput(NDArray intensity, NDArray mask) {
        try (NDArray valid = mask.gt(0f); NDArray zeros = intensity.zerosLike();
                NDArray masked = NDArrays.where(valid, intensity, zeros)) {
            NDArray measured = masked.maximum(0f);
            try (NDArray rowMax = measured.max(new int[] {3}, true);
                    NDArray max = rowMax.max(new int[] {2}, true);
                    NDArray safe = max.maximum(MIN_MAXIMUM)) {
                return new NDList(measured, measured.div(safe));
            }
        }
    }

    /**
     * The spectrum of the object x (B, 1, n, n) zero-padded to N×N as real/imaginary pairs
     * (B, 1, N, N, 2): fft2(C ⊙ pad x) with the checkerboard C = (−1)^(y+x). Its modulus is the centred
     * spectrum's (zero frequency at N/2); its phase differs from it by a fixed sign pattern, which
     * cancels when the inverse is taken the same way.
     */
    static NDArray spectrumPairs(NDArray x, int windowPx) {
        try (CentredFft fft = CentredFft.of(x.getManager(), windowPx, windowPx);
                NDArray padded = Tensors.padCentre(x, windowPx);
                NDArray modulated = padded.mul(fft.checkerboard());
                NDArray spectrum = modulated.fft2(new long[] {windowPx, windowPx}, new long[] {-2, -1})) {
            return spectrum.real();
        }
    }

    /** |F(pad x)|² for x (B, 1, n, n): (B, 1, N, N), zero frequency at (N/2, N/2). */
    public static NDArray powerSpectrum(NDArray x, int windowPx) {
        try (NDArray pairs = spectrumPairs(x, windowPx); NDArray squared = pairs.square()) {
            return squared.sum(new int[] {-1});
        }
    }

    /**
     * The flux factor s = Σ I_m / Σ (power·M) per pattern, (B, 1, 1, 1), for a power spectrum of the
     * model and the measured photons I_m.
     */
    static NDArray fluxFactor(NDArray power, NDArray measured, NDArray mask) {
        try (NDArray modelled = power.mul(mask);
                NDArray modelledSum = modelled.sum(new int[] {2, 3}, true);
                NDArray measuredSum = measured.sum(new int[] {2, 3}, true);
                NDArray safe = Tensors.atLeast(modelledSum, MIN_POWER)) {
            return measuredSum.div(safe);
        }
    }

    /**
     * The output scale ŝ = Σ I_m / Σ (|F(pad x)|²·M) of an object x (B, 1, n, n) (differentiable in x).
     *
     * @param measured the measured photons I_m = max(I·M, 0), (B, 1, N, N)
     * @param mask     1 on measured pixels, (B, 1, N, N)
     */
    public static NDArray outputScale(NDArray x, NDArray measured, NDArray mask) {
        int windowPx = windowOf(measured, mask);
        try (NDArray power = powerSpectrum(x, windowPx)) {
            return fluxFactor(power, measured, mask);
        }
    }

    /** The object in amplitude units, x·√ŝ. */
    public static NDArray amplitude(NDArray x, NDArray scale) {
        try (NDArray root = scale.sqrt()) {
            return x.mul(root);
        }
    }

    static int windowOf(NDArray measured, NDArray mask) {
        Shape s = measured.getShape();
        if (s.dimension() != 4 || s.get(1) != 1 || s.get(2) != s.get(3) || !mask.getShape().equals(s)) {
            throw new IllegalArgumentException(
                    "patterns and masks must be (B, 1, N, N) alike, got " + s + " and " + mask.getShape());
        }
        return (int) s.get(2);
    }
}
