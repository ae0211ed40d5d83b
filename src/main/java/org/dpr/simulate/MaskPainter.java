package org.dpr.simulate;

import java.util.SplittableRandom;

/**
 * Paints missing regions (0) into an N×N mask (1 = measured). Every length here is already in the
 * window's pixels; {@link MaskRecipe} scales the paper's values and draws from the frame's stream.
 */
final class MaskPainter {
    private MaskPainter() {
    }

    /**
     * A centred rectangle, rows [N/2 − h + dy, N/2 + h + dy) and columns [N/2 − w + dx, N/2 + w + dx),
     * clipped to the window — the beamstop of the paper and its authors' code.
     */
    static void centredRectangle(byte[] mask, int size, int halfHeight, int halfWidth, int rowOffset, int colOffset) {
        int c = size / 2;
        fill(mask, size, c - halfHeight + rowOffset, c + halfHeight + rowOffset,
                c - halfWidth + colOffset, c + halfWidth + colOffset);
    }

    /** A centred square of side {@code side}, rows and columns [N/2 − side/2, N/2 − side/2 + side). */
    static void centredSquare(byte[] mask, int size, int side) {
        int start = size / 2 - side / 2;
        fill(mask, size, start, start + side, start, start + side);
    }

    /**
     * One quadrant: the corner sits at (N/2 + dy, N/2 + dx); {@code quadrant} 0 = top-left,
     * 1 = top-right, 2 = bottom-left, 3 = bottom-right.
     */
    static void quadrant(byte[] mask, int size, int quadrant, int rowOffset, int colOffset) {
        int r = size / 2 + rowOffset;
        int c = size / 2 + colOffset;
        boolean top = quadrant < 2;
        boolean left = (quadrant & 1) == 0;
        fill(mask, size, top ? 0 : r, top ? r : size, left ? 0 : c, left ? c : size);
    }

    /** Panel gaps: for each boundary position, a horizontal and a vertical band of {@code width} pixels. */
    static void gaps(byte[] mask, int size, int[] rowPositions, int[] colPositions, int width) {
        for (int p : rowPositions) {
            fill(mask, size, p - width / 2, p - width / 2 + width, 0, size);
        }
        for (int p : colPositions) {
            fill(mask, size, 0, size, p - width / 2, p - width / 2 + width);
        }
    }

    /** Marks {@code count} distinct random pixels missing (fewer if the mask runs out of measured ones). */
    static void deadPixels(byte[] mask, int count, SplittableRandom random) {
        int left = count;
        int guard = 0;
        while (left > 0 && guard++ < 20 * count + 100) {
            int k = random.nextInt(mask.length);
            if (mask[k] != 0) {
                mask[k] = 0;
                left--;
            }
        }
    }

    /**
     * Free-form irregular strokes (after the procedural masks of Yu et al. 2019, "Free-form image
     * inpainting with gated convolution"): random walks of thick segments with round joints, added
     * until the fraction of pixels they cover reaches a target drawn in [min, max]. A stroke that
     * would push the coverage above {@code maxOcclusion} is undone, so the result never exceeds it.
     *
     * @return the fraction of the window the strokes cover
     */
    static double irregular(byte[] mask, int size, double minOcclusion, double maxOcclusion,
                            double lengthScale, SplittableRandom random) {
        double target = minOcclusion + (maxOcclusion - minOcclusion) * random.nextDouble();
        byte[] strokes = new byte[size * size];
        int[] changed = new int[size * size];
        int covered = 0;
        int total = size * size;
        int maxCovered = (int) Math.floor(maxOcclusion * total);
        for (int attempt = 0; attempt < 64 && covered < target * total; attempt++) {
            double widthPx = Math.max(1.0, lengthScale * (12 + 36 * random.nextDouble()));
            int vertices = 4 + random.nextInt(13);
            double y = random.nextDouble() * size;
            double x = random.nextDouble() * size;
            double angle = random.nextDouble() * 2 * Math.PI;
            int count = 0;
            for (int v = 0; v < vertices; v++) {
                angle += (random.nextDouble() - 0.5) * 0.8 * Math.PI;
                double length = Math.max(1.0, lengthScale * (16 + 80 * random.nextDouble()));
                double ny = clamp(y + length * Math.sin(angle), 0, size - 1);
                double nx = clamp(x + length * Math.cos(angle), 0, size - 1);
                count = segment(strokes, size, y, x, ny, nx, widthPx / 2, changed, count);
                y = ny;
                x = nx;
            }
            if (covered + count > maxCovered) {
                for (int k = 0; k < count; k++) {
                    strokes[changed[k]] = 0;
                }
            } else {
                covered += count;
            }
        }
        for (int k = 0; k < total; k++) {
            if (strokes[k] != 0) {
                mask[k] = 0;
            }
        }
        return covered / (double) total;
    }

    /** Sets the pixels within {@code radius} of the segment; records newly set indices after {@code count}. */
    private static int segment(byte[] layer, int size, double y0, double x0, double y1, double x1,
                               double radius, int[] changed, int count) {
        int rMin = Math.max(0, (int) Math.floor(Math.min(y0, y1) - radius));
        int rMax = Math.min(size - 1, (int) Math.ceil(Math.max(y0, y1) + radius));
        int cMin = Math.max(0, (int) Math.floor(Math.min(x0, x1) - radius));
        int cMax = Math.min(size - 1, (int) Math.ceil(Math.max(x0, x1) + radius));
        double dy = y1 - y0;
        double dx = x1 - x0;
        double lengthSquared = dy * dy + dx * dx;
        double r2 = radius * radius;
        for (int r = rMin; r <= rMax; r++) {
            double py = r + 0.5 - y0;
            for (int c = cMin; c <= cMax; c++) {
                int k = r * size + c;
                if (layer[k] != 0) {
                    continue;
                }
                double px = c + 0.5 - x0;
                double t = lengthSquared == 0 ? 0 : clamp((py * dy + px * dx) / lengthSquared, 0, 1);
                double ey = py - t * dy;
                double ex = px - t * dx;
                if (ey * ey + ex * ex <= r2) {
                    layer[k] = 1;
                    changed[count++] = k;
                }
            }
        }
        return count;
    }

    private static void fill(byte[] mask, int size, int rowFrom, int rowTo, int colFrom, int colTo) {
        int r0 = Math.max(0, rowFrom);
        int r1 = Math.min(size, rowTo);
        int c0 = Math.max(0, colFrom);
        int c1 = Math.min(size, colTo);
        for (int r = r0; r < r1; r++) {
            for (int c = c0; c < c1; c++) {
                mask[r * size + c] = 0;
            }
        }
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
