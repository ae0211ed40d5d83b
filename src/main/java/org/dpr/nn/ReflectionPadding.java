package org.dpr.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * Reflection padding of the last two axes, which DJL does not offer: built from slices, {@code flip}
 * and {@code concat}, so it is differentiable and runs on the array's device. Row −k is row k and
 * row H−1+k is row H−1−k (the edge is not repeated), as PyTorch's {@code ReflectionPad2d}.
 */
public final class ReflectionPadding {
    private ReflectionPadding() {
    }

    /**
     * Pads {@code x} (…, H, W) by {@code padPx} on every side to (…, H + 2p, W + 2p).
     *
     * @return a new array (never {@code x} itself, even for {@code padPx} = 0)
     * @throws IllegalArgumentException if {@code padPx} is negative or not smaller than H and W
     */
    public static NDArray pad(NDArray x, int padPx) {
        Shape s = x.getShape();
        int d = s.dimension();
        if (d < 2) {
            throw new IllegalArgumentException("reflection padding needs at least two axes, got " + s);
        }
        long h = s.get(d - 2);
        long w = s.get(d - 1);
        if (padPx < 0 || padPx >= h || padPx >= w) {
            throw new IllegalArgumentException(
                    "reflection padding of " + padPx + " needs a padding smaller than the size " + h + "×" + w);
        }
        if (padPx == 0) {
            return x.duplicate();
        }
        try (NDArray rows = padAxis(x, padPx, d - 2, h)) {
            return padAxis(rows, padPx, d - 1, w);
        }
    }

    private static NDArray padAxis(NDArray x, int p, int axis, long size) {
        // axis is one of the last two; a trailing ", :" keeps the slice on the second-to-last one
        String suffix = axis == x.getShape().dimension() - 1 ? "" : ", :";
        try (NDArray head = x.get(new NDIndex("..., 1:" + (p + 1) + suffix));
                NDArray tail = x.get(new NDIndex("..., " + (size - p - 1) + ":" + (size - 1) + suffix));
                NDArray headFlipped = head.flip(axis);
                NDArray tailFlipped = tail.flip(axis)) {
            return NDArrays.concat(new NDList(headFlipped, x, tailFlipped), axis);
        }
    }
}
