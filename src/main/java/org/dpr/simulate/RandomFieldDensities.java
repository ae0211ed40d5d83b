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
    private static final RandomFieldDensities DEFAULT = new RandomFieldDensities(1.5, 3.0);

    private final double minExponent;
    private final double maxExponent;

    private RandomFieldDensities(double minExponent, double maxExponent) {
        this.minExponent = minExponent;
        this.maxExponent = maxExponent;
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
        return new RandomFieldDensities(min, max);
    }

    @Override
    public float[] density(int boxPx, SplittableRandom random) {
        double beta = minExponent + (maxExponent - minExponent) * random.nextDouble();
        return field(boxPx, beta, random);
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
        return "1/f^β random fields (β " + minExponent + "–" + maxExponent + ")";
    }
}
