package org.dpr.preprocess;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.dpr.tensor.CentredFft;
import org.dpr.tensor.Tensors;

/**
 * The Fourier transforms the preprocessing needs, on DJL/libtorch (any size, the default device):
 * autocorrelations of patterns, linear self-convolutions for the centre search, and band-limited
 * interpolation. Every call opens and closes its own NDManager, so the steps stay thread-safe and
 * leave nothing off-heap.
 */
final class Spectra {
    private static final long[] LAST_TWO = {-2, -1};

    private Spectra() {
    }

    /**
     * |F⁻¹(values)| in the centred layout (origin at (h/2, w/2)): the magnitude of the
     * autocorrelation of the object whose intensity is {@code values}. Sizes must be even.
     */
    static float[] autocorrelationMagnitude(float[] values, int h, int w) {
        try (NDManager m = NDManager.newBaseManager(); CentredFft fft = CentredFft.of(m, h, w)) {
            NDArray x = m.create(values, new Shape(h, w));
            return fft.inverse(x).abs().toFloatArray();
        }
    }

    /**
     * Band-limited interpolation of a centred pattern onto a finer (or coarser) grid with the same
     * centre: the autocorrelation F⁻¹(I) (h×w) is zero-padded (or cropped) about its centre to
     * outH×outW and transformed back. Values keep their level (I at the original sample points); the
     * caller rescales for photon conservation. All sizes even.
     */
    static float[] resample(float[] values, int h, int w, int outH, int outW) {
        try (NDManager m = NDManager.newBaseManager(); CentredFft inverse = CentredFft.of(m, h, w);
             CentredFft forward = CentredFft.of(m, outH, outW)) {
            NDArray x = m.create(values, new Shape(h, w));
            NDArray auto = inverse.inverse(x);
            NDArray re = Tensors.re(auto);
            NDArray im = Tensors.im(auto);
            NDArray reOut = padOrCrop(re, h, w, outH, outW);
            NDArray imOut = padOrCrop(im, h, w, outH, outW);
            NDArray z = Tensors.complex(reOut, imOut);
            return Tensors.re(forward.forward(z)).toFloatArray();
        }
    }

    /** Centred zero-pad or crop of a real (h, w) array to (outH, outW): origin (h/2, w/2) → (outH/2, outW/2). */
    private static NDArray padOrCrop(NDArray x, int h, int w, int outH, int outW) {
        NDArray rows = axis(x, 0, h, outH);
        return axis(rows, 1, w, outW);
    }

    private static NDArray axis(NDArray x, int axis, int size, int out) {
        if (out == size) {
            return x;
        }
        if (out < size) {
            int start = size / 2 - out / 2;
            return axis == 0 ? x.get(start + ":" + (start + out) + ", :") : x.get(":, " + start + ":" + (start + out));
        }
        int before = out / 2 - size / 2;
        int after = out - size - before;
        // constant_pad_nd order: last axis first
        Shape pad = axis == 1 ? new Shape(before, after) : new Shape(0, 0, before, after);
        return x.pad(pad, 0);
    }

    /**
     * The four linear self-convolutions that the masked normalised cross-correlation of a pattern
     * with its 180° rotation needs (Padfield 2012, with the rotation turned into a convolution): for
     * a = values on measured pixels and m = mask, over shifts t = (ty, tx) ∈ [0, 2h − 1) × [0, 2w − 1)
     * (row-major in a (2h)×(2w) array):
     * {@code N = a∗a, O = m∗m, S1 = a∗m, S2 = a²∗m}. Zero padding to 2h×2w makes them linear.
     *
     * @return {N, O, S1, S2}, each of length 4·h·w
     */
    static float[][] selfConvolutions(float[] a, float[] mask, int h, int w) {
        float[] a2 = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            a2[i] = a[i] * a[i];
        }
        long[] size = {2L * h, 2L * w};
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray fa = m.create(a, new Shape(h, w)).fft2(size, LAST_TWO);
            NDArray fm = m.create(mask, new Shape(h, w)).fft2(size, LAST_TWO);
            NDArray fa2 = m.create(a2, new Shape(h, w)).fft2(size, LAST_TWO);
            return new float[][] {
                realInverse(fa.mul(fa), size),
                realInverse(fm.mul(fm), size),
                realInverse(fa.mul(fm), size),
                realInverse(fa2.mul(fm), size),
            };
        }
    }

    private static float[] realInverse(NDArray spectrum, long[] size) {
        return Tensors.re(spectrum.ifft2(size, LAST_TWO)).toFloatArray();
    }
}
