package org.dpr.simulate;

import java.util.SplittableRandom;

/**
 * The paper's augmentation of a letter into an object shape (§4.2): binary letter → maximum filter
 * of random width 3–7 px → centred in the object box → random rotation 0°–90° and scale 0.8–1.5
 * (nearest neighbour, about the centre) → cropped to the box.
 *
 * <p>Sizes follow the authors' pipeline at n = 64: the 28 px EMNIST letter is dilated at its own
 * resolution and padded into the 64 px box, so a letter spans 28/64 of the box before scaling. For
 * another box the work is done at the resolution w = k·n with k = ⌈64/n⌉ (so w ≥ 64), with the
 * letter cell and the filter widths scaled by w/64; when k > 1 the result is reduced to n×n by
 * k×k averaging and thresholded at ½. At n = 64 this is exactly the paper's procedure.
 *
 * <p>Immutable; {@link #withDefaults()} holds the paper's values.
 */
public final class ShapeAugmentation {
    /** The paper's box, for which the widths below are stated. */
    static final int PAPER_BOX_PX = 64;
    /** Side of an EMNIST letter, which sits in the paper's 64 px box. */
    static final int LETTER_PX = 28;

    private static final ShapeAugmentation DEFAULT = new ShapeAugmentation(3, 7, 0, 90, 0.8, 1.5);

    private final int dilationMinPx;
    private final int dilationMaxPx;
    private final double rotationMinDeg;
    private final double rotationMaxDeg;
    private final double scaleMin;
    private final double scaleMax;

    private ShapeAugmentation(int dilationMinPx, int dilationMaxPx, double rotationMinDeg, double rotationMaxDeg,
                              double scaleMin, double scaleMax) {
        this.dilationMinPx = dilationMinPx;
        this.dilationMaxPx = dilationMaxPx;
        this.rotationMinDeg = rotationMinDeg;
        this.rotationMaxDeg = rotationMaxDeg;
        this.scaleMin = scaleMin;
        this.scaleMax = scaleMax;
    }

    /** The paper's ranges: dilation 3–7 px (at n = 64), rotation 0°–90°, scale 0.8–1.5. */
    public static ShapeAugmentation withDefaults() {
        return DEFAULT;
    }

    /** Width of the square maximum filter, an integer drawn in [min, max] px at n = 64; 0 disables it. */
    public ShapeAugmentation withDilationPx(int min, int max) {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("dilation needs 0 ≤ min ≤ max, got " + min + ", " + max);
        }
        return new ShapeAugmentation(min, max, rotationMinDeg, rotationMaxDeg, scaleMin, scaleMax);
    }

    /** Rotation angle drawn uniformly in [min, max] degrees. */
    public ShapeAugmentation withRotationDeg(double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || max < min) {
            throw new IllegalArgumentException("rotation needs finite min ≤ max, got " + min + ", " + max);
        }
        return new ShapeAugmentation(dilationMinPx, dilationMaxPx, min, max, scaleMin, scaleMax);
    }

    /** Scale factor drawn uniformly in [min, max]. */
    public ShapeAugmentation withScale(double min, double max) {
        if (!(min > 0) || !(max >= min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("scale needs 0 < min ≤ max, got " + min + ", " + max);
        }
        return new ShapeAugmentation(dilationMinPx, dilationMaxPx, rotationMinDeg, rotationMaxDeg, min, max);
    }

    /** The working resolution's factor k = ⌈64/n⌉ (at least 1). */
    static int supersampling(int boxPx) {
        return Math.max(1, (PAPER_BOX_PX + boxPx - 1) / boxPx);
    }

    /** Side, in working pixels, of the letter cell for box n: 28·w/64 with w = k·n. */
    public static int letterCellPx(int boxPx) {
        int work = supersampling(boxPx) * boxPx;
        return Math.max(1, (int) Math.round(LETTER_PX * work / (double) PAPER_BOX_PX));
    }

    /**
     * The n×n binary shape of a binary {@code letter} image of side {@code letterPx} (values &gt; ½
     * count as ink). A letter of another size than {@link #letterCellPx(int)} is resampled to it
     * (nearest neighbour) first.
     */
    public float[] apply(float[] letter, int letterPx, int boxPx, SplittableRandom random) {
        if (letter.length != letterPx * letterPx) {
            throw new IllegalArgumentException("letter must be " + letterPx + "×" + letterPx + ", got " + letter.length);
        }
        int k = supersampling(boxPx);
        int work = k * boxPx;
        double factor = work / (double) PAPER_BOX_PX;
        int cell = letterCellPx(boxPx);
        boolean[] ink = new boolean[cell * cell];
        for (int i = 0; i < cell; i++) {
            int si = Math.min(letterPx - 1, (int) ((i + 0.5) * letterPx / cell));
            for (int j = 0; j < cell; j++) {
                int sj = Math.min(letterPx - 1, (int) ((j + 0.5) * letterPx / cell));
                ink[i * cell + j] = letter[si * letterPx + sj] > 0.5f;
            }
        }
        int width = random.nextInt(dilationMinPx, dilationMaxPx + 1);
        int scaledWidth = width == 0 ? 0 : Math.max(1, (int) Math.round(width * factor));
        if (scaledWidth > 1) {
            ink = maximumFilter(ink, cell, scaledWidth);
        }
        double angle = Math.toRadians(rotationMinDeg + (rotationMaxDeg - rotationMinDeg) * random.nextDouble());
        double scale = scaleMin + (scaleMax - scaleMin) * random.nextDouble();
        // inverse map of rotation by angle and scaling about the canvas centre, nearest neighbour
        double cos = Math.cos(angle) / scale;
        double sin = Math.sin(angle) / scale;
        double centre = work / 2.0;
        int offset = (work - cell) / 2;
        boolean[] canvas = new boolean[work * work];
        for (int y = 0; y < work; y++) {
            double py = y + 0.5 - centre;
            for (int x = 0; x < work; x++) {
                double px = x + 0.5 - centre;
                double sx = cos * px + sin * py + centre - offset;
                double sy = -sin * px + cos * py + centre - offset;
                int ci = (int) Math.floor(sy);
                int cj = (int) Math.floor(sx);
                if (ci >= 0 && ci < cell && cj >= 0 && cj < cell) {
                    canvas[y * work + x] = ink[ci * cell + cj];
                }
            }
        }
        float[] shape = new float[boxPx * boxPx];
        int half = k * k;
        for (int i = 0; i < boxPx; i++) {
            for (int j = 0; j < boxPx; j++) {
                int count = 0;
                for (int a = 0; a < k; a++) {
                    for (int b = 0; b < k; b++) {
                        count += canvas[(i * k + a) * work + j * k + b] ? 1 : 0;
                    }
                }
                shape[i * boxPx + j] = 2 * count >= half ? 1f : 0f;
            }
        }
        return shape;
    }

    /**
     * Square maximum filter of side {@code size} with zeros beyond the edges, window offsets
     * −⌊size/2⌋ … size − 1 − ⌊size/2⌋ (as scipy.ndimage.maximum_filter places it).
     */
    static boolean[] maximumFilter(boolean[] image, int side, int size) {
        int lo = -(size / 2);
        int hi = size - 1 - size / 2;
        boolean[] rows = new boolean[image.length];
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                boolean v = false;
                for (int d = lo; d <= hi && !v; d++) {
                    int c = j + d;
                    v = c >= 0 && c < side && image[i * side + c];
                }
                rows[i * side + j] = v;
            }
        }
        boolean[] out = new boolean[image.length];
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                boolean v = false;
                for (int d = lo; d <= hi && !v; d++) {
                    int r = i + d;
                    v = r >= 0 && r < side && rows[r * side + j];
                }
                out[i * side + j] = v;
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "dilation " + dilationMinPx + "–" + dilationMaxPx + " px@64, rotation " + rotationMinDeg + "–"
                + rotationMaxDeg + "°, scale " + scaleMin + "–" + scaleMax;
    }
}
