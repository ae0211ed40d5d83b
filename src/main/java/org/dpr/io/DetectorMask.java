package org.dpr.io;

import java.util.Objects;

/**
 * A 2-D detector mask in memory convention (1 = measured, 0 = missing), read from a file by
 * {@link FrameSources#readMask} and applied to every frame of a source.
 *
 * @param height   rows
 * @param width    columns
 * @param measured 1 = measured, 0 = missing, row-major, length height·width
 */
public record DetectorMask(int height, int width, byte[] measured) {

    public DetectorMask {
        Objects.requireNonNull(measured, "measured");
        if (height <= 0 || width <= 0 || measured.length != height * width) {
            throw new IllegalArgumentException("mask of " + height + "×" + width + " needs " + height * width
                    + " values, got " + measured.length);
        }
    }

    /** Number of measured pixels. */
    public int measuredPixels() {
        int count = 0;
        for (byte b : measured) {
            count += b != 0 ? 1 : 0;
        }
        return count;
    }

    /** Number of missing pixels. */
    public int missingPixels() {
        return height * width - measuredPixels();
    }

    /** Fraction of pixels that are missing, in [0, 1]. */
    public double missingFraction() {
        return missingPixels() / (double) (height * width);
    }
}
