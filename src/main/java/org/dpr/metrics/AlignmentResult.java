package org.dpr.metrics;

import java.util.Objects;

/**
 * The outcome of {@link Alignment#align}: the image was first rotated by 180° if
 * {@code orientation} is {@link Orientation#TWIN}, then translated by (dy, dx) with zero fill,
 * giving {@code aligned}: aligned[y][x] = oriented[y − dy][x − dx]. So an image that is the
 * reference moved by (+3, −2) comes back with dy = −3, dx = +2.
 *
 * @param dy          rows the (oriented) image was moved down
 * @param dx          columns it was moved right
 * @param orientation whether the twin (180° rotation) was taken
 * @param aligned     the aligned image, same shape as the input (not copied)
 * @param correlation normalised cross-correlation Σ aligned·ref / (‖aligned‖·‖ref‖) at the optimum,
 *                    in [−1, 1]; 1 for an exact match; NaN when either image is all zero
 */
public record AlignmentResult(int dy, int dx, Orientation orientation, float[] aligned, double correlation) {

    public AlignmentResult {
        Objects.requireNonNull(orientation, "orientation");
        Objects.requireNonNull(aligned, "aligned");
    }

    /** True when the twin (180° rotation, complex conjugate in Fourier space) was taken. */
    public boolean isTwin() {
        return orientation == Orientation.TWIN;
    }

    /**
     * Applies the same rotation and shift to another image of the same shape (e.g. a support, or
     * the other runs of a multi-start reconstruction being averaged).
     */
    public float[] apply(float[] image, int height, int width) {
        Images.checkShape(image, height, width);
        if (image.length != aligned.length) {
            throw new IllegalArgumentException("image has " + image.length + " values, the aligned one " + aligned.length);
        }
        float[] oriented = isTwin() ? Images.rotate180(image) : image;
        return Images.shift(oriented, height, width, dy, dx);
    }
}
