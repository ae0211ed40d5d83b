package org.dpr.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * Orthonormal real 2-D FFT over the last two axes with the spectrum kept as real tensors, so that
 * autograd follows it: DJL has no {@code rfft2}/{@code irfft2} and cannot build a complex tensor from
 * (re, im) under autograd (DESIGN.md, DJL quirks).
 *
 * <p>Forward: {@code rfft} along W, then {@code fft} along H, scaled by 1/√(HW) (numpy's
 * {@code norm="ortho"}); the result is returned as real/imaginary pairs in a trailing axis of 2.
 * Inverse: for a half spectrum Y (H, W//2 + 1), {@code irfft2(Y) = Re(ifft2(Y″))} where Y″ is Y
 * with the columns that stand for a conjugate pair (1 … ⌈W/2⌉ − 1) doubled, zero-filled to width
 * W (by the transform's size argument); the imaginary parts of the self-conjugate columns (0 and, for even W, W/2) drop out, as in
 * numpy's and PyTorch's {@code irfft2}. With Y = a + ib: Re(ifft2(Y″)) = Re(ifft2(a″)) − Im(ifft2(b″)).
 * That costs two full complex transforms; when autograd is not recording, the inverse instead builds
 * the complex half spectrum and runs {@code ifft} along H and {@code irfft} along W (about five times
 * faster on a CPU), with the same result.
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
            return pairs.mul((float) (1 / Math.sqrt((double) h * w)));
        }
    }

    /**
     * The real (…, H, W) array whose orthonormal half spectrum is re + i·im, both (…, H, W//2 + 1).
     */
    static NDArray inverse(NDArray re, NDArray im, int height, int width) {
        return GradMode.isRecording() ? inverseDifferentiable(re, im, height, width) : inverseComplex(re, im, height,
                width);
    }

    /** {@link #inverse} through complex tensors (not differentiable in DJL). */
    static NDArray inverseComplex(NDArray re, NDArray im, int height, int width) {
        checkHalfSpectrum(re, im, height, width);
        try (NDArray pair = NDArrays.stack(new NDList(re, im), -1);
                NDArray spectrum = pair.complex();
                NDArray rows = spectrum.ifft(height, -2);
                NDArray real = rows.irfft(width, -1)) {
            return real.mul((float) Math.sqrt((double) height * width));
        }
    }

    /** {@link #inverse} with real tensors only, which autograd follows. */
    static NDArray inverseDifferentiable(NDArray re, NDArray im, int height, int width) {
        checkHalfSpectrum(re, im, height, width);
        long half = re.getShape().get(re.getShape().dimension() - 1);
        float[] columnWeights = new float[(int) half];
        for (int k = 0; k < half; k++) {
            boolean selfConjugate = k == 0 || (width % 2 == 0 && k == width / 2);
            columnWeights[k] = selfConjugate ? 1f : 2f;
        }
        long[] sizes = {height, width};
        long[] axes = {-2, -1};
        try (NDArray weights = re.getManager().create(columnWeights);
                NDArray pair = NDArrays.stack(new NDList(re, im), 0);
                NDArray weighted = pair.mul(weights);
                NDArray inverse = weighted.ifft2(sizes, axes); // zero-fills W//2 + 1 … W − 1
                NDArray parts = inverse.real();
                NDArray reOfRe = parts.get(new NDIndex("0, ..., 0"));
                NDArray imOfIm = parts.get(new NDIndex("1, ..., 1"));
                NDArray real = reOfRe.sub(imOfIm)) {
            return real.mul((float) Math.sqrt((double) height * width));
        }
    }

    private static void checkHalfSpectrum(NDArray re, NDArray im, int height, int width) {
        Shape s = re.getShape();
        int d = s.dimension();
        if (s.get(d - 1) != width / 2 + 1 || s.get(d - 2) != height || !im.getShape().equals(s)) {
            throw new IllegalArgumentException("half spectrum " + s + " / " + im.getShape()
                    + " does not fit a " + height + "×" + width + " output");
        }
    }
}
