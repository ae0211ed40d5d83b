package org.dpr.tensor;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
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
     * {@code values} as an array of {@code shape} on {@code manager} whose memory libtorch owns. On the
     * CPU, DJL's {@code create} wraps the Java buffer it fills without copying it, and that buffer
     * lives only as long as the Java array object that holds it: a view of it, or an operand that
     * autograd keeps for the backward pass, can outlive the object once it is closed, and then reads
     * memory the garbage collector has freed (non-finite or run-to-run different gradients). Use this
     * for constants that take part in a differentiable product or are kept beyond one scope.
     */
    public static NDArray owned(NDManager manager, float[] values, Shape shape) {
        try (NDArray wrapped = manager.create(values, shape)) {
            return wrapped.duplicate();
        }
    }

    /** As {@link #owned(NDManager, float[], Shape)} for int64 values (e.g. gather indices). */
    public static NDArray owned(NDManager manager, long[] values, Shape shape) {
        try (NDArray wrapped = manager.create(values, shape)) {
            return wrapped.duplicate();
        }
    }

    /**
     * x·factor for an x that may need gradients. DJL's {@code mul(Number)} wraps the number in a Java
     * buffer and closes it at once, while autograd keeps it for the backward pass: the backward pass
     * then reads memory the garbage collector may have freed (seen as non-finite or run-to-run
     * different gradients). Here the factor is a scalar libtorch owns.
     */
    public static NDArray times(NDArray x, float factor) {
        try (NDArray s = scalar(x, factor)) {
            return x.mul(s);
        }
    }

    /** x / divisor for an x that may need gradients (see {@link #times}). */
    public static NDArray dividedBy(NDArray x, float divisor) {
        try (NDArray s = scalar(x, divisor)) {
            return x.div(s);
        }
    }

    /** max(x, floor) element-wise for an x that may need gradients (see {@link #times}). */
    public static NDArray atLeast(NDArray x, float floor) {
        try (NDArray s = scalar(x, floor)) {
            return x.maximum(s);
        }
    }

    /** A 0-d float32 array of {@code value} on {@code like}'s manager, owned by libtorch. */
    private static NDArray scalar(NDArray like, float value) {
        return owned(like.getManager(), new float[] {value}, new Shape());
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
