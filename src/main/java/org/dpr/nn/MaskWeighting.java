package org.dpr.nn;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a partial convolution weighs the measured pixels it renormalises by (paper §4.1).
 *
 * <p>{@link #GUINIER_POROD} is the weighted partial convolution (WPC): each pixel weighs what a
 * smooth sphere scatters there, so that a missing low-q pixel is worth more than a missing
 * high-q one. {@link #UNIFORM} is the plain partial convolution (PC, Liu et al. 2018) with W ≡ 1.
 */
public enum MaskWeighting {
    /**
     * Guinier–Porod weights for an ideal sphere (paper eq. 1). For an H×W input, q is the distance
     * in pixels from index (H//2, W//2); the oversampling σ = min(H, W)/n with n the object box;
     * q1 = √10·σ/π; W(q) = exp(−(πq/σ)²/5) for q ≤ q1, else (q1/q)⁴·e⁻²; clamped below at 1e−8.
     */
    GUINIER_POROD,
    /** W ≡ 1: the plain partial convolution. */
    UNIFORM;

    /** The floor of a Guinier–Porod weight. */
    public static final double MIN_WEIGHT = 1e-8;

    private static final Map<String, float[]> CACHE = new ConcurrentHashMap<>();

    /**
     * The weight map of an H×W layer input, row-major (shared and cached: do not modify).
     *
     * @param objectBoxPx n, the side of the object box (64 in the paper)
     */
    public float[] weights(int height, int width, int objectBoxPx) {
        if (height <= 0 || width <= 0 || objectBoxPx <= 0) {
            throw new IllegalArgumentException(
                    "weights need positive sizes, got " + height + "×" + width + " with n " + objectBoxPx);
        }
        String key = name() + ':' + height + 'x' + width + '/' + objectBoxPx;
        return CACHE.computeIfAbsent(key, k -> compute(height, width, objectBoxPx));
    }

    private float[] compute(int height, int width, int objectBoxPx) {
        float[] w = new float[height * width];
        if (this == UNIFORM) {
            java.util.Arrays.fill(w, 1f);
            return w;
        }
        double sigma = Math.min(height, width) / (double) objectBoxPx;
        double q1 = Math.sqrt(10) * sigma / Math.PI;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double q = Math.hypot(y - height / 2, x - width / 2);
                w[y * width + x] = (float) Math.max(guinierPorod(q, sigma, q1), MIN_WEIGHT);
            }
        }
        return w;
    }

    /** The Guinier–Porod intensity of a sphere of radius R = π/σ at q pixels, normalised to 1 at q = 0. */
    static double guinierPorod(double q, double sigma, double q1) {
        if (q <= q1) {
            double t = Math.PI * q / sigma;
            return Math.exp(-t * t / 5);
        }
        double r = q1 / q;
        return r * r * r * r * Math.exp(-2);
    }
}
