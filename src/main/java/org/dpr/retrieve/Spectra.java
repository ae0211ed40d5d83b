package org.dpr.retrieve;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * The transforms of the engine over the last two axes, all in FFT order (no shifts), unnormalised
 * forward and 1/(HW) inverse (numpy's defaults): full complex transforms for GPS, and real-to-complex
 * transforms on the half spectrum (H, W/2 + 1) for the real iterates of ER, HIO and RAAR, which cost
 * about half as much in time and memory.
 */
final class Spectra {
    private static final long[] LAST_TWO_AXES = {-2, -1};

    private Spectra() {
    }

    /** F x of a real or complex (…, H, W) array; complex64. */
    static NDArray forward(NDArray x) {
        Shape s = x.getShape();
        return x.fft2(new long[] {s.get(s.dimension() - 2), s.get(s.dimension() - 1)}, LAST_TWO_AXES);
    }

    /** F⁻¹ z of a (…, H, W) array; complex64. */
    static NDArray inverse(NDArray z) {
        Shape s = z.getShape();
        return z.ifft2(new long[] {s.get(s.dimension() - 2), s.get(s.dimension() - 1)}, LAST_TWO_AXES);
    }

    /** The half spectrum (…, H, W/2 + 1) of a real (…, H, W) array: columns 0…W/2 of F x. */
    static NDArray forwardHalf(NDArray real) {
        Shape s = real.getShape();
        long h = s.get(s.dimension() - 2);
        long w = s.get(s.dimension() - 1);
        try (NDArray rows = real.rfft(w, -1)) {
            return rows.fft(h, -2);
        }
    }

    /** The real (…, H, width) array whose half spectrum is {@code half} (Hermitian extension). */
    static NDArray inverseHalf(NDArray half, int width) {
        Shape s = half.getShape();
        long h = s.get(s.dimension() - 2);
        try (NDArray rows = half.ifft(h, -2)) {
            return rows.irfft(width, -1);
        }
    }

    /**
     * 1/|z| of a complex array, as a new float32 array: (Re² + Im² + 10⁻³⁶)^(−1/2), computed on the real
     * and imaginary planes — cheaper than the complex modulus (hypot) and one operation short of
     * dividing by it. Where z = 0 the result is 10¹⁸ (finite), so that z · (a/|z|) stays 0.
     */
    static NDArray inverseModulus(NDArray z) {
        try (NDArray pair = z.real(); NDArray re = pair.get(new NDIndex("..., 0"));
             NDArray im = pair.get(new NDIndex("..., 1"))) {
            NDArray r = re.mul(re);
            im.muli(im);
            r.addi(im);
            r.addi(1e-36f);
            return r.powi(-0.5f);
        }
    }

    /** Re z of a complex array, as a new float32 array. */
    static NDArray realPart(NDArray z) {
        try (NDArray pair = z.real()) {
            return pair.get(new NDIndex("..., 0"));
        }
    }
}
