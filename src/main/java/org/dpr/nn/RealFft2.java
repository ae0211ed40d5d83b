package org.dpr.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.dpr.tensor.Tensors;

/**
 * Orthonormal real 2-D FFT over the last two axes in a form autograd follows. DJL has no
 * {@code rfft2}/{@code irfft2}, and its {@code complex()} (view-as-complex) cannot take part in a
 * backward pass (DESIGN.md, DJL quirks).
 *
 * <p>Forward: {@code rfft} along W, then {@code fft} along H, scaled by 1/√(HW) (numpy's
 * {@code norm="ortho"}), returned as real/imaginary pairs in a trailing axis of 2 ({@code real()}, which
 * keeps gradients). Inverse: the half spectrum re + i·im is rebuilt as {@code re + im·i} with a constant
 * complex i (a real tensor times a complex constant is differentiable, unlike view-as-complex), then
 * {@code ifft} along H and {@code irfft} along W, scaled by √(HW): numpy's and PyTorch's {@code irfft2},
 * whose last step drops the imaginary parts left in the self-conjugate columns (0 and, for even W, W/2).
 */
final class RealFft2 {
    private RealFft2() {
    }

    /** Half spectrum of a real (…, H, W) array as (…, H, W//2 + 1, 2): real and imaginary parts. */
    static NDArray forward(NDArray x) {
        Shape s = x.getShape();
        int d = s.dimension();
        long h = s.get(d - 2);
        long w = s.get(d - 1);
        try (NDArray rows = x.rfft(w, -1); NDArray spectrum = rows.fft(h, -2); NDArray pairs = spectrum.real()) {
            return Tensors.times(pairs, (float) (1 / Math.sqrt((double) h * w)));
        }
    }

    /**
     * The real (…, H, W) array whose orthonormal half spectrum is re + i·im, both (…, H, W//2 + 1).
     */
    static NDArray inverse(NDArray re, NDArray im, int height, int width) {
        Shape s = re.getShape();
        int d = s.dimension();
        if (s.get(d - 1) != width / 2 + 1 || s.get(d - 2) != height || !im.getShape().equals(s)) {
            throw new IllegalArgumentException("half spectrum " + s + " / " + im.getShape()
                    + " does not fit a " + height + "×" + width + " output");
        }
        try (NDArray spectrum = complex(re, im);
                NDArray rows = spectrum.ifft(height, -2);
                NDArray real = rows.irfft(width, -1)) {
            return Tensors.times(real, (float) Math.sqrt((double) height * width));
        }
    }

    /**
     * re + i·im as a complex64 array, differentiable in both parts. The product keeps {@code i} (a view
     * of {@code pair}) for the backward pass, after {@code pair} is closed: {@code pair} must own its
     * memory ({@link Tensors#owned}), or the backward pass reads freed memory.
     */
    static NDArray complex(NDArray re, NDArray im) {
        try (NDArray pair = Tensors.owned(re.getManager(), new float[] {0f, 1f}, new Shape(1, 2));
                NDArray unit = pair.complex();
                NDArray i = unit.reshape(1);
                NDArray imaginary = im.mul(i)) {
            return imaginary.add(re);
        }
    }
}
