package org.dpr.retrieve;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.dpr.metrics.Alignment;

/**
 * Aligns real objects in a window to a reference over the trivial ambiguities of phase retrieval:
 * integer (circular) translations and the twin (the 180° rotation; for a real object the complex
 * conjugate of its spectrum). The cross-correlation c(d) = Σ_r a(r)·b(r − d) = F⁻¹[A·conj(B)](d) is
 * computed by FFT for b and its rotation, and b is moved to the maximum. Package-private: the
 * metrics package owns the public alignment of results to ground truths.
 */
final class WindowAligner {
    private WindowAligner() {
    }

    /** {@code moving} (H×W) translated, and rotated if that matches better, onto {@code reference}. */
    static float[] align(NDManager manager, float[] reference, float[] moving, int h, int w) {
        float[] rotated = rotate180(moving, h, w);
        float[] correlation;
        try (NDManager m = manager.newSubManager()) {
            NDArray a = Spectra.forward(m.create(reference, new Shape(1, h, w)));
            NDArray b = Spectra.forward(NDArrays.stack(new NDList(m.create(moving, new Shape(h, w)),
                    m.create(rotated, new Shape(h, w)))));
            correlation = Spectra.realPart(Spectra.inverse(b.conj().mul(a))).toFloatArray();
        }
        int best = 0;
        for (int i = 1; i < correlation.length; i++) {
            if (correlation[i] > correlation[best]) {
                best = i;
            }
        }
        boolean twin = best >= h * w;
        int d = best % (h * w);
        return roll(twin ? rotated : moving, h, w, d / w, d % w);
    }

    /** b(H − 1 − y, W − 1 − x). */
    static float[] rotate180(float[] b, int h, int w) {
        float[] r = new float[b.length];
        for (int i = 0; i < b.length; i++) {
            r[b.length - 1 - i] = b[i];
        }
        return r;
    }

    /** out(y, x) = b((y − dy) mod H, (x − dx) mod W). */
    static float[] roll(float[] b, int h, int w, int dy, int dx) {
        float[] out = new float[b.length];
        for (int y = 0; y < h; y++) {
            int sy = Math.floorMod(y - dy, h);
            for (int x = 0; x < w; x++) {
                out[y * w + x] = b[sy * w + Math.floorMod(x - dx, w)];
            }
        }
        return out;
    }

    /** {@code b} rolled so that its centroid lands on the centre of the window, ((H − 1)/2, (W − 1)/2). */
    static float[] centre(float[] b, int h, int w) {
        int[] d = Alignment.centreOfMassShift(b, h, w);
        return roll(b, h, w, d[0], d[1]);
    }

    /** The centred n×n box of an H×W image, starting at ((H − n)/2, (W − n)/2) as {@code Tensors.cropCentre}. */
    static float[] crop(float[] b, int h, int w, int n) {
        float[] out = new float[n * n];
        int top = (h - n) / 2;
        int left = (w - n) / 2;
        for (int y = 0; y < n; y++) {
            System.arraycopy(b, (top + y) * w + left, out, y * n, n);
        }
        return out;
    }
}
