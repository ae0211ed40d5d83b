package org.dpr.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Procedural handwriting-like shapes, the default stand-in for EMNIST letters (the data set cannot
 * be downloaded here): one to three pen strokes, each a smooth Catmull–Rom curve or a straight
 * polyline through a few random points 5–16 units apart, often starting where the previous stroke
 * ended; like an (E)MNIST letter the result is scaled to span 20 units of its 28-unit cell and
 * centred, drawn with a round pen 1.8–3.2 units wide, and binarised. The letter then goes through
 * the paper's {@link ShapeAugmentation} (dilation, rotation, scale, crop).
 *
 * <p>Immutable and thread-safe.
 */
public final class StrokeShapes implements ShapeSource {
    private static final StrokeShapes DEFAULT = new StrokeShapes(ShapeAugmentation.withDefaults(), 1, 3, 0);

    private final ShapeAugmentation augmentation;
    private final int minStrokes;
    private final int maxStrokes;
    private final double loopFraction;

    private StrokeShapes(ShapeAugmentation augmentation, int minStrokes, int maxStrokes, double loopFraction) {
        this.augmentation = augmentation;
        this.minStrokes = minStrokes;
        this.maxStrokes = maxStrokes;
        this.loopFraction = loopFraction;
    }

    /** One to three strokes, the paper's augmentation. */
    public static StrokeShapes withDefaults() {
        return DEFAULT;
    }

    public StrokeShapes withAugmentation(ShapeAugmentation newAugmentation) {
        return new StrokeShapes(Objects.requireNonNull(newAugmentation, "augmentation"), minStrokes, maxStrokes,
                loopFraction);
    }

    /** Number of pen strokes per letter, drawn uniformly in [min, max]. */
    public StrokeShapes withStrokes(int min, int max) {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("strokes need 1 ≤ min ≤ max, got " + min + ", " + max);
        }
        return new StrokeShapes(augmentation, min, max, loopFraction);
    }

    /**
     * The probability that a stroke is a closed loop (a wobbly ellipse, like the pen's O, D or the
     * bowl of a B) instead of an open curve or polyline (default 0). Open strokes rarely close, so
     * without loops the simulator makes almost no objects with a hole — rings, apertures, cells.
     * With 0 the letters are exactly those of the default (no extra random draws).
     */
    public StrokeShapes withLoopFraction(double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("loop fraction must be in [0, 1], got " + fraction);
        }
        return new StrokeShapes(augmentation, minStrokes, maxStrokes, fraction);
    }

    public double loopFraction() {
        return loopFraction;
    }

    /** The augmentation that turns a letter into an object shape (dilation, rotation, scale). */
    public ShapeAugmentation augmentation() {
        return augmentation;
    }

    @Override
    public float[] shape(int boxPx, SplittableRandom random) {
        int cell = ShapeAugmentation.letterCellPx(boxPx);
        return augmentation.apply(letter(cell, random), cell, boxPx, random);
    }

    /**
     * A binary letter of side {@code cellPx} (28 units), before augmentation. As in (E)MNIST, the
     * strokes are scaled (keeping their aspect ratio) so that the letter's larger side spans 20
     * units, and centred in the cell.
     */
    public float[] letter(int cellPx, SplittableRandom random) {
        double unit = cellPx / (double) ShapeAugmentation.LETTER_PX;
        int strokes = random.nextInt(minStrokes, maxStrokes + 1);
        double radius = unit * (0.9 + 0.7 * random.nextDouble());
        List<double[]> paths = new ArrayList<>();
        double[] last = null;
        for (int s = 0; s < strokes; s++) {
            if (loopFraction > 0 && random.nextDouble() < loopFraction) {
                double[] loop = loop(random);
                paths.add(loop);
                last = new double[] {loop[0], loop[1]};
                continue;
            }
            boolean curved = random.nextDouble() < 0.6;
            int points = curved ? random.nextInt(3, 6) : random.nextInt(2, 4);
            double[] ys = new double[points];
            double[] xs = new double[points];
            if (last != null && random.nextDouble() < 0.5) {
                ys[0] = last[0];
                xs[0] = last[1];
            } else {
                ys[0] = 20 * random.nextDouble();
                xs[0] = 20 * random.nextDouble();
            }
            for (int p = 1; p < points; p++) {
                double direction = random.nextDouble() * 2 * Math.PI;
                double step = 5 + 11 * random.nextDouble();
                ys[p] = clamp(ys[p - 1] + step * Math.sin(direction), 0, 20);
                xs[p] = clamp(xs[p - 1] + step * Math.cos(direction), 0, 20);
            }
            paths.add(curved ? spline(ys, xs, false) : interleave(ys, xs));
            last = new double[] {ys[points - 1], xs[points - 1]};
        }
        // fit the bounding box of the pen's centre line into 20 units minus the pen, aspect kept
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        double x0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        for (double[] path : paths) {
            for (int k = 0; k < path.length; k += 2) {
                y0 = Math.min(y0, path[k]);
                y1 = Math.max(y1, path[k]);
                x0 = Math.min(x0, path[k + 1]);
                x1 = Math.max(x1, path[k + 1]);
            }
        }
        double extent = Math.max(1e-9, Math.max(y1 - y0, x1 - x0));
        double scale = (20 * unit - 2 * radius) / extent;
        double centre = cellPx / 2.0;
        double midY = (y0 + y1) / 2;
        double midX = (x0 + x1) / 2;
        float[] image = new float[cellPx * cellPx];
        for (double[] path : paths) {
            for (int k = 0; k < path.length; k += 2) {
                int previous = Math.max(0, k - 2);
                drawLine(image, cellPx,
                        centre + (path[previous] - midY) * scale, centre + (path[previous + 1] - midX) * scale,
                        centre + (path[k] - midY) * scale, centre + (path[k + 1] - midX) * scale, radius);
            }
        }
        return image;
    }

    /**
     * A closed loop as a flat path: 5–8 points at equal angles on an ellipse (semi-axes 3–10 units,
     * random orientation, centre inside the 20-unit letter), each radius jittered by ±15 %, joined by
     * a periodic Catmull–Rom spline that ends where it starts.
     */
    private static double[] loop(SplittableRandom random) {
        int points = random.nextInt(5, 9);
        double semiA = 3 + 7 * random.nextDouble();
        double semiB = 3 + 7 * random.nextDouble();
        double tilt = random.nextDouble() * Math.PI;
        double cy = 4 + 12 * random.nextDouble();
        double cx = 4 + 12 * random.nextDouble();
        double phase = random.nextDouble() * 2 * Math.PI;
        double[] ys = new double[points];
        double[] xs = new double[points];
        for (int p = 0; p < points; p++) {
            double angle = phase + 2 * Math.PI * p / points;
            double jitter = 1 + 0.15 * (2 * random.nextDouble() - 1);
            double u = semiA * jitter * Math.cos(angle);
            double v = semiB * jitter * Math.sin(angle);
            ys[p] = cy + u * Math.sin(tilt) + v * Math.cos(tilt);
            xs[p] = cx + u * Math.cos(tilt) - v * Math.sin(tilt);
        }
        return spline(ys, xs, true);
    }

    /** The points as a flat (y, x, y, x, …) path. */
    private static double[] interleave(double[] ys, double[] xs) {
        double[] path = new double[2 * ys.length];
        for (int i = 0; i < ys.length; i++) {
            path[2 * i] = ys[i];
            path[2 * i + 1] = xs[i];
        }
        return path;
    }

    /**
     * A uniform Catmull–Rom spline through the points, sampled every ≈0.25 units: open (the end points
     * repeated as their own neighbours) or closed (indices modulo the count, so the last segment
     * returns to the first point with a matching tangent).
     */
    private static double[] spline(double[] ys, double[] xs, boolean closed) {
        int n = ys.length;
        int segments = closed ? n : n - 1;
        List<Double> samples = new ArrayList<>();
        samples.add(ys[0]);
        samples.add(xs[0]);
        for (int i = 0; i < segments; i++) {
            int i0 = closed ? (i + n - 1) % n : Math.max(0, i - 1);
            int i2 = closed ? (i + 1) % n : i + 1;
            int i3 = closed ? (i + 2) % n : Math.min(n - 1, i + 2);
            double length = Math.hypot(ys[i2] - ys[i], xs[i2] - xs[i]);
            int steps = Math.max(2, (int) Math.ceil(length / 0.25));
            for (int t = 1; t <= steps; t++) {
                double u = t / (double) steps;
                samples.add(catmullRom(ys[i0], ys[i], ys[i2], ys[i3], u));
                samples.add(catmullRom(xs[i0], xs[i], xs[i2], xs[i3], u));
            }
        }
        double[] path = new double[samples.size()];
        for (int i = 0; i < path.length; i++) {
            path[i] = samples.get(i);
        }
        return path;
    }

    private static double catmullRom(double p0, double p1, double p2, double p3, double t) {
        double t2 = t * t;
        double t3 = t2 * t;
        return 0.5 * (2 * p1 + (p2 - p0) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t2 + (3 * p1 - p0 - 3 * p2 + p3) * t3);
    }

    /** Ink on every pixel whose centre lies within {@code radius} of the segment. */
    private static void drawLine(float[] image, int side, double y0, double x0, double y1, double x1, double radius) {
        int rMin = Math.max(0, (int) Math.floor(Math.min(y0, y1) - radius));
        int rMax = Math.min(side - 1, (int) Math.ceil(Math.max(y0, y1) + radius));
        int cMin = Math.max(0, (int) Math.floor(Math.min(x0, x1) - radius));
        int cMax = Math.min(side - 1, (int) Math.ceil(Math.max(x0, x1) + radius));
        double dy = y1 - y0;
        double dx = x1 - x0;
        double lengthSquared = dy * dy + dx * dx;
        double r2 = radius * radius;
        for (int r = rMin; r <= rMax; r++) {
            for (int c = cMin; c <= cMax; c++) {
                double py = r + 0.5 - y0;
                double px = c + 0.5 - x0;
                double t = lengthSquared == 0 ? 0 : clamp((py * dy + px * dx) / lengthSquared, 0, 1);
                double ey = py - t * dy;
                double ex = px - t * dx;
                if (ey * ey + ex * ex <= r2) {
                    image[r * side + c] = 1f;
                }
            }
        }
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    @Override
    public String description() {
        return "procedural strokes (" + minStrokes + "–" + maxStrokes + (loopFraction > 0
                ? String.format(java.util.Locale.ROOT, ", %.2f of them closed loops", loopFraction) : "")
                + "), " + augmentation;
    }
}
