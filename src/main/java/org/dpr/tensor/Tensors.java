package org.dpr.tensor;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * Small helpers over NDArrays that the physics needs: centred pad and crop of the last two axes,
 * complex numbers as (re, im) pairs, and float arrays in and out. All results live on the input's
 * manager (and so its device).
 */
public final class Tensors {
    private Tensors() {
    }

    /**
     * Zero-pads the last two axes of {@code x} (…, n, n) to (…, size, size), the input in the centre
     * box starting at (size − n)/2 — the object's place in the diffraction window.
     */
    public static NDArray padCentre(NDArray x, int size) {
        Shape s = x.getShape();
        int d = s.dimension();
        long h = s.get(d - 2);
        long w = s.get(d - 1);
        if (h > size || w > size) {
            throw new IllegalArgumentException("cannot pad " + s + " to " + size);
        }
        long top = (size - h) / 2;
        long left = (size - w) / 2;
        // constant_pad_nd order: last axis first (left, right), then the axis before (top, bottom)
        return x.pad(new Shape(left, size - w - left, top, size - h - top), 0);
    }

    /** The centred (…, n, n) box of the last two axes, starting at ((H − n)/2, (W − n)/2). */
    public static NDArray cropCentre(NDArray x, int n) {
        Shape s = x.getShape();
        int d = s.dimension();
        long h = s.get(d - 2);
        long w = s.get(d - 1);
        if (n > h || n > w) {
            throw new IllegalArgumentException("cannot crop " + n + " from " + s);
        }
        long top = (h - n) / 2;
        long left = (w - n) / 2;
        return x.get(new NDIndex("..., {}:{}, {}:{}", top, top + n, left, left + n));
    }

    /** The complex array re + i·im (complex64). Not differentiable in DJL: inside a network keep (re, im). */
    public static NDArray complex(NDArray re, NDArray im) {
        try (NDArray pair = NDArrays.stack(new ai.djl.ndarray.NDList(re, im), -1)) {
            return pair.complex();
        }
    }

    /** Real part of a complex array. */
    public static NDArray re(NDArray z) {
        try (NDArray pair = z.real()) {
            return pair.get(new NDIndex("..., 0"));
        }
    }

    /** Imaginary part of a complex array. */
    public static NDArray im(NDArray z) {
        try (NDArray pair = z.real()) {
            return pair.get(new NDIndex("..., 1"));
        }
    }
}
