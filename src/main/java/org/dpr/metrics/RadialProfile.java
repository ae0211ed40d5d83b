package org.dpr.metrics;

import java.util.Objects;

/**
 * A radial profile over the momentum transfer q: for each ring of |q| (pixels from the pattern's
 * centre), the mean of a per-pixel quantity, its standard error and the number of pixels. Bins run
 * from |q| = 0 to the outermost non-empty ring; an empty ring has count 0 and NaN mean and error;
 * a ring of one pixel has a NaN error.
 *
 * <p>The arrays are not copied: treat a profile as immutable once made.
 *
 * @param binCentresPx  ring centres |q| in pixels
 * @param mean          mean of the quantity on the ring
 * @param standardError standard error of that mean (sample standard deviation / √count)
 * @param counts        pixels on the ring
 */
public record RadialProfile(double[] binCentresPx, double[] mean, double[] standardError, long[] counts) {

    public RadialProfile {
        Objects.requireNonNull(binCentresPx, "binCentresPx");
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(standardError, "standardError");
        Objects.requireNonNull(counts, "counts");
        int n = binCentresPx.length;
        if (mean.length != n || standardError.length != n || counts.length != n) {
            throw new IllegalArgumentException("profile arrays differ in length: " + n + ", " + mean.length + ", "
                    + standardError.length + ", " + counts.length);
        }
    }

    /** Number of bins. */
    public int size() {
        return binCentresPx.length;
    }

    /** Total pixels over all rings. */
    public long totalCount() {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        return total;
    }

    /** The same profile without its empty rings (for plotting lines without gaps). */
    public RadialProfile nonEmpty() {
        int kept = 0;
        for (long c : counts) {
            kept += c > 0 ? 1 : 0;
        }
        double[] q = new double[kept];
        double[] m = new double[kept];
        double[] se = new double[kept];
        long[] c = new long[kept];
        for (int i = 0, j = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                q[j] = binCentresPx[i];
                m[j] = mean[i];
                se[j] = standardError[i];
                c[j] = counts[i];
                j++;
            }
        }
        return new RadialProfile(q, m, se, c);
    }
}
