package org.dpr.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import org.dpr.tensor.Tensors;

/**
 * The Fourier projection that feeds the diffraction-compensated decoder (Supplementary Table 1, layer
 * 17): the base decoder's object x0 gets the measured Fourier amplitudes back, as one
 * error-reduction-like modulus step.
 *
 * <p>Pad x0 to N×N, Fourier transform: amplitude A, phase φ. With the flux factor
 * s = Σ I_m / Σ (A²·M), replace A by √max(I_m/s, 1e−8) where M = 1 and keep A where M = 0, keep φ;
 * inverse transform; x1 = modulus of the centred n×n crop. The projection works on real (re, im) pairs
 * and rebuilds the complex spectrum as re + im·i ({@link RealFft2#complex}), so autograd follows it all.
 * (The authors' code adds √1e−8 to the kept amplitudes; this one keeps them exactly. A spectrum value
 * that is exactly zero stays zero instead of taking phase 0.)
 */
public final class FourierProjection {
    /** Floor of I_m/s before the square root (√1e−8 = 1e−4 photons^½). */
    public static final float MIN_RATIO = 1e-8f;

    private FourierProjection() {
    }

    /**
     * x1 (B, 1, n, n) from x0 (B, 1, n, n), the measured photons I_m and the mask M, both (B, 1, N, N).
     */
    public static NDArray apply(NDArray x0, NDArray measured, NDArray mask) {
        int windowPx = DiffractionScaling.windowOf(measured, mask);
        int n = (int) x0.getShape().get(3);
        long top = (windowPx - n) / 2;
        String box = "..., " + top + ":" + (top + n) + ", " + top + ":" + (top + n);
        try (NDArray pairs = DiffractionScaling.spectrumPairs(x0, windowPx);
                NDList projected = projectSpectrum(pairs, measured, mask);
                NDArray spectrum = RealFft2.complex(projected.get(0), projected.get(1));
                NDArray image = spectrum.ifft2(new long[] {windowPx, windowPx}, new long[] {-2, -1});
                NDArray crop = image.get(new NDIndex(box));
                NDArray parts = crop.real();
                NDArray squares = parts.square();
                NDArray power = squares.sum(new int[] {-1});
                NDArray safe = Tensors.atLeast(power, DiffractionScaling.MIN_POWER)) {
            return safe.sqrt();
        }
    }

    /**
     * The projected spectrum (re', im'), each (B, 1, N, N), of a spectrum given as pairs (B, 1, N, N, 2):
     * amplitude √max(I_m/s, 1e−8) on measured pixels, unchanged elsewhere, phase kept.
     */
    static NDList projectSpectrum(NDArray pairs, NDArray measured, NDArray mask) {
        try (NDArray re = pairs.get(new NDIndex("..., 0"));
                NDArray im = pairs.get(new NDIndex("..., 1"));
                NDArray reSq = re.square();
                NDArray imSq = im.square();
                NDArray power = reSq.add(imSq);
                NDArray scale = DiffractionScaling.fluxFactor(power, measured, mask);
                NDArray ratio = measured.div(scale);
                NDArray floored = Tensors.atLeast(ratio, MIN_RATIO);
                NDArray target = floored.sqrt();
                NDArray safePower = Tensors.atLeast(power, DiffractionScaling.MIN_POWER);
                NDArray amplitude = safePower.sqrt();
                NDArray missing = mask.neg().add(1f);
                NDArray keptPart = missing.mul(amplitude);
                NDArray measuredPart = mask.mul(target);
                NDArray newAmplitude = measuredPart.add(keptPart);
                NDArray gain = newAmplitude.div(amplitude)) {
            return new NDList(re.mul(gain), im.mul(gain));
        }
    }
}
