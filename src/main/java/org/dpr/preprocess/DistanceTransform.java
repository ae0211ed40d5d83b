package org.dpr.preprocess;

/**
 * Exact Euclidean distance from every pixel to the nearest missing pixel, by the separable
 * lower-envelope algorithm of Felzenszwalb and Huttenlocher ("Distance transforms of sampled
 * functions", Theory of Computing 8, 2012): O(H·W).
 */
final class DistanceTransform {
    private static final double FAR = 1e20;

    private DistanceTransform() {
    }

    /**
     * Distances in pixels: 0 on missing pixels (mask 0); {@code Double.POSITIVE_INFINITY} everywhere
     * when no pixel is missing.
     */
    static double[] toMissing(byte[] mask, int h, int w) {
        double[] d = new double[h * w];
        boolean anyMissing = false;
        for (int i = 0; i < d.length; i++) {
            d[i] = mask[i] == 0 ? 0 : FAR;
            anyMissing |= mask[i] == 0;
        }
        if (!anyMissing) {
            java.util.Arrays.fill(d, Double.POSITIVE_INFINITY);
            return d;
        }
        int n = Math.max(h, w);
        double[] f = new double[n];
        double[] out = new double[n];
        int[] v = new int[n];
        double[] z = new double[n + 1];
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                f[y] = d[y * w + x];
            }
            envelope(f, h, out, v, z);
            for (int y = 0; y < h; y++) {
                d[y * w + x] = out[y];
            }
        }
        for (int y = 0; y < h; y++) {
            System.arraycopy(d, y * w, f, 0, w);
            envelope(f, w, out, v, z);
            for (int x = 0; x < w; x++) {
                d[y * w + x] = Math.sqrt(out[x]);
            }
        }
        return d;
    }

    /** Squared-distance transform of the sampled function f (length n) into out. */
    private static void envelope(double[] f, int n, double[] out, int[] v, double[] z) {
        int k = 0;
        v[0] = 0;
        z[0] = Double.NEGATIVE_INFINITY;
        z[1] = Double.POSITIVE_INFINITY;
        for (int q = 1; q < n; q++) {
            double s = ((f[q] + (double) q * q) - (f[v[k]] + (double) v[k] * v[k])) / (2.0 * q - 2.0 * v[k]);
            while (s <= z[k]) {
                k--;
                s = ((f[q] + (double) q * q) - (f[v[k]] + (double) v[k] * v[k])) / (2.0 * q - 2.0 * v[k]);
            }
            k++;
            v[k] = q;
            z[k] = s;
            z[k + 1] = Double.POSITIVE_INFINITY;
        }
        k = 0;
        for (int q = 0; q < n; q++) {
            while (z[k + 1] < q) {
                k++;
            }
            double dq = q - v[k];
            out[q] = dq * dq + f[v[k]];
        }
    }
}
