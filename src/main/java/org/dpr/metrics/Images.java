package org.dpr.metrics;

import java.util.Objects;

/** Small helpers over row-major float images shared by the metrics; package-private. */
final class Images {

    private Images() {
    }

    static void checkShape(float[] image, int height, int width) {
        Objects.requireNonNull(image, "image");
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("image must have positive size, got " + height + "×" + width);
        }
        if (image.length != (long) height * width) {
            throw new IllegalArgumentException("expected " + height + "×" + width + " = " + (long) height * width
                    + " values, got " + image.length);
        }
    }

    static void checkSameLength(float[] x, float[] y) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (x.length != y.length) {
            throw new IllegalArgumentException("images differ in size: " + x.length + " vs " + y.length + " values");
        }
        if (x.length == 0) {
            throw new IllegalArgumentException("images are empty");
        }
    }

    /** Side of a square image of {@code length} values. */
    static int squareSide(int length) {
        int n = (int) Math.round(Math.sqrt(length));
        if (n * n != length || n == 0) {
            throw new IllegalArgumentException("expected a square image, got " + length + " values");
        }
        return n;
    }

    static double max(float[] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (float v : x) {
            m = Math.max(m, v);
        }
        return m;
    }

    static double min(float[] x) {
        double m = Double.POSITIVE_INFINITY;
        for (float v : x) {
            m = Math.min(m, v);
        }
        return m;
    }

    /** The image rotated by 180°: out[y][x] = in[h−1−y][w−1−x] (a flip of both axes). */
    static float[] rotate180(float[] image) {
        float[] out = new float[image.length];
        for (int i = 0; i < image.length; i++) {
            out[i] = image[image.length - 1 - i];
        }
        return out;
    }

    /**
     * The image translated by (dy, dx) with zero fill: out[y][x] = in[y − dy][x − dx] where that
     * lies inside the image, else 0 (not circular).
     */
    static float[] shift(float[] image, int height, int width, int dy, int dx) {
        float[] out = new float[image.length];
        int y0 = Math.max(0, dy);
        int y1 = Math.min(height, height + dy);
        int x0 = Math.max(0, dx);
        int x1 = Math.min(width, width + dx);
        if (x1 <= x0) {
            return out;
        }
        for (int y = y0; y < y1; y++) {
            System.arraycopy(image, (y - dy) * width + x0 - dx, out, y * width + x0, x1 - x0);
        }
        return out;
    }
}
