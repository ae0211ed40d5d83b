package org.dpr.retrieve;

import ai.djl.ndarray.NDArray;

/**
 * The projections the algorithms are made of (paper §4.5), on batched (B, H, W) arrays.
 *
 * <ul>
 * <li>P_M, the Fourier amplitude projection: the modulus of the spectrum is replaced by the measured
 *     amplitude where the mask is 1 and left as it is where the mask is 0 (missing pixels float);
 *     the phase is kept. Where the spectrum is exactly 0 the result is 0.</li>
 * <li>P_S, the support projection with positivity: max(Re u, 0) inside the support, 0 outside.</li>
 * </ul>
 */
final class Projections {
    private Projections() {
    }

    /**
     * Re F⁻¹ P_M F u for a real iterate u (B, H, W), computed exactly on the half spectrum with the
     * symmetrised gains of {@link Measurement}: one real-to-complex and one complex-to-real transform.
     */
    static NDArray fourierProjectReal(NDArray u, Measurement data) {
        try (NDArray spectrum = Spectra.forwardHalf(u); NDArray gain = Spectra.inverseModulus(spectrum)) {
            gain.muli(data.halfSymmetricAmplitudes());
            gain.addi(data.halfSymmetricUnmeasured());
            spectrum.muli(gain);
            return Spectra.inverseHalf(spectrum, (int) u.getShape().get(2));
        }
    }

    /** P_M z of a complex spectrum z (B, H, W) in FFT order: exact amplitude replacement on measured pixels. */
    static NDArray fourierProjectComplex(NDArray z, Measurement data) {
        try (NDArray gain = Spectra.inverseModulus(z)) {
            gain.muli(data.amplitudes());
            gain.subi(data.mask());
            gain.addi(1f);
            return z.mul(gain);
        }
    }

    /** P_S u = max(Re u, 0) · S for a real u (B, H, W); a new array. */
    static NDArray supportProject(NDArray u, NDArray support) {
        NDArray p = u.maximum(0f);
        p.muli(support);
        return p;
    }

    /**
     * R_F (eq. 6) of real objects (B, H, W), one per row: Σ_measured | |F x| − √I | / Σ_measured √I,
     * on the device; returns (B).
     */
    static NDArray rFactors(NDArray objects, Measurement data) {
        try (NDArray spectrum = Spectra.forwardHalf(objects); NDArray modulus = spectrum.abs();
             NDArray direct = modulus.sub(data.halfAmplitudes()).abs();
             NDArray mirrored = modulus.sub(data.halfMirrorAmplitudes()).abs()) {
            direct.muli(data.halfMask());
            mirrored.muli(data.halfMirrorMask());
            try (NDArray numerator = direct.sum(new int[] {1, 2}); NDArray other = mirrored.sum(new int[] {1, 2})) {
                numerator.addi(other);
                return numerator.div(data.measuredAmplitudeSums());
            }
        }
    }
}
