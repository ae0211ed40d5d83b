package org.dpr.simulate;

import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Elliptical annuli — rings such as apertures, hollow particles and cells — mixed into another shape
 * source: with probability {@code fraction} an object is an annulus, otherwise the other source's
 * shape. The paper's letters almost never hold a hole as large as a ring's (the thick pen closes
 * small loops, {@link ObjectExtents#largestHolePx}), and a network trained on them fills a ring's
 * hole when the beamstop hides the low frequencies that carry it.
 *
 * <p>An annulus has an outer diameter drawn uniformly in [{@value #OUTER_MIN}, {@value #OUTER_MAX}] of
 * the box, a hole of [{@value #HOLE_MIN}, {@value #HOLE_MAX}] of the outer diameter, an axis ratio in
 * [{@value #AXIS_RATIO_MIN}, 1] and a random orientation; it is centred in the box and binarised by the
 * area it covers in each pixel (4×4 sub-samples, at least half). Immutable and thread-safe; draws only
 * from the generator it is given, and nothing extra when the fraction is 0.
 */
public final class AnnulusShapes implements ShapeSource {
    static final double OUTER_MIN = 0.5;
    static final double OUTER_MAX = 0.95;
    static final double HOLE_MIN = 0.3;
    static final double HOLE_MAX = 0.65;
    static final double AXIS_RATIO_MIN = 0.75;
    private static final int SUBSAMPLES = 4;

    private final ShapeSource others;
    private final double fraction;

    private AnnulusShapes(ShapeSource others, double fraction) {
        this.others = others;
        this.fraction = fraction;
    }

    /**
     * {@code others} with a fraction of their objects replaced by annuli.
     *
     * @throws IllegalArgumentException unless 0 ≤ fraction ≤ 1
     */
    public static AnnulusShapes mixedInto(ShapeSource others, double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("annulus fraction must be in [0, 1], got " + fraction);
        }
        return new AnnulusShapes(Objects.requireNonNull(others, "others"), fraction);
    }

    /** The source of the objects that are not annuli. */
    public ShapeSource others() {
        return others;
    }

    /** The probability that an object is an annulus. */
    public double fraction() {
        return fraction;
    }

    @Override
    public float[] shape(int boxPx, SplittableRandom random) {
        if (fraction == 0 || random.nextDouble() >= fraction) {
            return others.shape(boxPx, random);
        }
        return annulus(boxPx, random);
    }

    /** One random annulus in an n×n box, values 0 and 1. */
    static float[] annulus(int boxPx, SplittableRandom random) {
        double outerRadius = 0.5 * boxPx * random.nextDouble(OUTER_MIN, OUTER_MAX);
        double holeFraction = random.nextDouble(HOLE_MIN, HOLE_MAX);
        double axisRatio = random.nextDouble(AXIS_RATIO_MIN, 1.0);
        double angle = random.nextDouble(0, Math.PI);
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double centre = boxPx / 2.0;
        float[] shape = new float[boxPx * boxPx];
        for (int y = 0; y < boxPx; y++) {
            for (int x = 0; x < boxPx; x++) {
                int inside = 0;
                for (int sy = 0; sy < SUBSAMPLES; sy++) {
                    for (int sx = 0; sx < SUBSAMPLES; sx++) {
                        double dy = y + (sy + 0.5) / SUBSAMPLES - centre;
                        double dx = x + (sx + 0.5) / SUBSAMPLES - centre;
                        // elliptical radius in units of the outer semi-major axis
                        double u = (dx * cos + dy * sin) / outerRadius;
                        double v = (-dx * sin + dy * cos) / (outerRadius * axisRatio);
                        double r = Math.sqrt(u * u + v * v);
                        if (r <= 1 && r >= holeFraction) {
                            inside++;
                        }
                    }
                }
                shape[y * boxPx + x] = 2 * inside >= SUBSAMPLES * SUBSAMPLES ? 1f : 0f;
            }
        }
        return shape;
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "%s, %.2f of them elliptical annuli (outer %.2f–%.2f of the box, hole "
                + "%.2f–%.2f of the outer, axis ratio %.2f–1)", others.description(), fraction, OUTER_MIN, OUTER_MAX,
                HOLE_MIN, HOLE_MAX, AXIS_RATIO_MIN);
    }
}
