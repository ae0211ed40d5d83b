package org.dpr.simulate;

import java.util.SplittableRandom;

/**
 * Procedural natural-image-like densities, the default stand-in for CIFAR-100 (which cannot be
 * downloaded here): Gaussian random fields whose power spectrum falls as 1/f^β, β drawn uniformly
 * in [1.5, 3] (natural images sit near β ≈ 2; larger β is smoother), min–max normalised to [0, 1].
 *
 * <p>The field is made on a 2n×2n periodic grid — complex white noise times f^(−β/2), zero mean,
 * one 2-D DFT, real part — and its top-left n×n quarter is kept, so the density is not periodic
 * across the box. A 1/f^β field is statistically self-similar, so the random resized crop of the
 * real images (which only changes scale) is not needed here.
 *
 * <p>Immutable and thread-safe.
 */
public final class RandomFieldDensities implements DensitySource {
    private static final RandomFieldDensities DEFAULT = new RandomFieldDensities(1.5, 3.0, 0);
    /** Relative texture of a flat density: values in [1 − FLAT_TEXTURE, 1]. */
    static final double FLAT_TEXTURE = 0.2;

    private final double minExponent;
    private final double maxExponent;
    private final double flatFraction;

    private RandomFieldDensities(double minExponent, double maxExponent, double flatFraction) {
        this.minExponent = minExponent;
        this.maxExponent = maxExponent;
        this.flatFraction = flatFraction;
    }

    /** β uniform in [1.5, 3]. */
    public static RandomFieldDensities withDefaults() {
        return DEFAULT;
    }

    /** Spectral exponent β of the power spectrum 1/f^β, drawn uniformly in [min, max]. */
    public RandomFieldDensities withSpectralExponent(double min, double max) {
        if (!(min >= 0) || !(max >= min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("spectral exponent needs 0 ≤ min ≤ max, got " + min + ", " + max);
        }
        return new RandomFieldDensities(min, max, flatFraction);
    }

    /**
     * The probability that a density is nearly flat, 1 − 0.2·field (values in [0.8, 1]), instead of
     * the full-range field (default 0). Min–max normalised fields always span [0, 1] over the box, so
     * without this an object of homogeneous material — an aperture, a ring, a uniform particle — is
     * never drawn. With 0 the densities are exactly the default's (no extra random draw).
     */
    public RandomFieldDensities withFlatFraction(double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("flat fraction must be in [0, 1], got " + fraction);
        }
        return new RandomFieldDensities(minExponent, maxExponent, fraction);
    }

    @Override
    public float[] density(int boxPx, SplittableRandom random) {
        boolean flat = flatFraction > 0 && random.nextDouble() < flatFraction;
        double beta = minExponent + (maxExponent - minExponent) * random.nextDouble();
        float[] field = field(boxPx, beta, random);
        if (flat) {
            for (int i = 0; i < field.length; i++) {
                field[i] = (float) (1 - FLAT_TEXTURE * field[i]);
            }
        }
        return field;
    }

    /** One n×n field with exponent {@code beta}, normalised to [0, 1]. */
    static float[] field(int boxPx, double beta, SplittableRandom random) {
        int grid = 2 * boxPx;
        double[] re = new double[grid * grid];
        double[] im = new double[grid * grid];
        for (int u = 0; u < grid; u++) {
            int fu = u <= grid / 2 ? u : u - grid;
            for (int v = 0; v < grid; v++) {
                int fv = v <= grid / 2 ? v : v - grid;
                double f2 = fu * (double) fu + fv * (double) fv;
                double amplitude = f2 == 0 ? 0 : Math.pow(f2, -beta / 4);
                re[u * grid + v] = amplitude * random.nextGaussian();
                im[u * grid + v] = amplitude * random.nextGaussian();
            }
        }
        RealFft2.complexForward(re, im, grid);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < boxPx; i++) {
            for (int j = 0; j < boxPx; j++) {
                double v = re[i * grid + j];
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        float[] out = new float[boxPx * boxPx];
        double range = max - min;
        for (int i = 0; i < boxPx; i++) {
            for (int j = 0; j < boxPx; j++) {
                out[i * boxPx + j] = range > 0 ? (float) ((re[i * grid + j] - min) / range) : 1f;
            }
        }
        return out;
    }

    @Override
    public String description() {
        return "1/f^β random fields (β " + minExponent + "–" + maxExponent
                + (flatFraction > 0 ? String.format(java.util.Locale.ROOT, ", %.2f of them flat: 1 − %.1f·field",
                        flatFraction, FLAT_TEXTURE) : "") + ")";
    }
}
