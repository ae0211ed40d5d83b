package org.dpr.tensor;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Centred 2-D discrete Fourier transforms over the last two axes of an array: zero frequency at
 * (H/2, W/2) in both spaces, as dpr stores patterns and objects (DESIGN.md, "Conventions").
 *
 * <p>For even H and W, {@code fftshift(fft2(ifftshift(x))) = s·C ⊙ fft2(C ⊙ x)} with the
 * checkerboard C[y, x] = (−1)^(y+x) and the sign s = (−1)^(H/2 + W/2) (+1 for square windows);
 * the same holds for the inverse. This class holds C and s·C once and applies that identity, which
 * costs two element-wise products instead of four copies. The forward transform is unnormalised (so
 * Σ|F x|² = H·W·Σ|x|², Parseval) and the inverse carries 1/(H·W), as numpy's defaults.
 *
 * <p>The checkerboard lives on the manager (and so the device) it was made with; close this object
 * (or that manager) when done.
 */
public final class CentredFft implements AutoCloseable {
    private static final long[] LAST_TWO_AXES = {-2, -1};

    private final int height;
    private final int width;
    private final NDArray checkerboard;
    private final NDArray signedCheckerboard;

    private CentredFft(int height, int width, NDArray checkerboard, NDArray signedCheckerboard) {
        this.height = height;
        this.width = width;
        this.checkerboard = checkerboard;
        this.signedCheckerboard = signedCheckerboard;
    }

    /**
     * A transform for H×W arrays whose constants live on {@code manager}'s device.
     *
     * @throws IllegalArgumentException if H or W is odd
     */
    public static CentredFft of(NDManager manager, int height, int width) {
        if (height <= 0 || width <= 0 || height % 2 != 0 || width % 2 != 0) {
            throw new IllegalArgumentException("centred FFT needs even, positive sizes, got " + height + "×" + width);
        }
        float[] values = new float[height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                values[y * width + x] = ((y + x) & 1) == 0 ? 1f : -1f;
            }
        }
        // owned by libtorch: autograd keeps the board when it multiplies an array that needs gradients
        NDArray board = Tensors.owned(manager, values, new Shape(height, width));
        boolean negative = ((height / 2 + width / 2) & 1) == 1;
        NDArray signed = negative ? board.neg() : board;
        return new CentredFft(height, width, board, signed);
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** The checkerboard (−1)^(y+x), H×W float32. */
    public NDArray checkerboard() {
        return checkerboard;
    }

    /** Centred forward transform of a real or complex array (…, H, W); returns complex64. */
    public NDArray forward(NDArray x) {
        checkShape(x);
        try (NDArray shifted = x.mul(checkerboard); NDArray spectrum = shifted.fft2(sizes(), LAST_TWO_AXES)) {
            return spectrum.mul(signedCheckerboard);
        }
    }

    /** Centred inverse transform (with 1/(H·W)) of a real or complex array (…, H, W); returns complex64. */
    public NDArray inverse(NDArray x) {
        checkShape(x);
        try (NDArray shifted = x.mul(checkerboard); NDArray image = shifted.ifft2(sizes(), LAST_TWO_AXES)) {
            return image.mul(signedCheckerboard);
        }
    }

    private long[] sizes() {
        return new long[] {height, width};
    }

    private void checkShape(NDArray x) {
        Shape s = x.getShape();
        int d = s.dimension();
        if (d < 2 || s.get(d - 2) != height || s.get(d - 1) != width) {
            throw new IllegalArgumentException("expected (…, " + height + ", " + width + "), got " + s);
        }
    }

    @Override
    public void close() {
        checkerboard.close();
        signedCheckerboard.close();
    }
}
