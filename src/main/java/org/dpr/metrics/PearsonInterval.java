package org.dpr.metrics;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Confidence interval of a Pearson correlation by Fisher's z transformation, as the paper's
 * Fig. 3b–4b show for the pairwise PCCs between methods on measured data: z = atanh(r) is
 * approximately normal with standard error 1/√(n − 3), so
 * <pre>
 *   [lower, upper] = tanh(atanh(r) ∓ z_{1−α/2} / √(n − 3)),
 * </pre>
 * with z_{0.975} = 1.95996… for 95 %. The interval is asymmetric about r and stays inside
 * [−1, 1]; r = ±1 gives the degenerate interval [r, r]. n is the number of paired values (pixels
 * for image PCCs — where neighbouring pixels are correlated the interval is optimistic).
 *
 * @param n          number of pairs (≥ 4)
 * @param r          the correlation, in [−1, 1]
 * @param lower      lower bound
 * @param upper      upper bound
 * @param confidence confidence level in (0, 1), e.g. 0.95
 */
public record PearsonInterval(long n, double r, double lower, double upper, double confidence) {

    public PearsonInterval {
        if (n < 4) {
            throw new IllegalArgumentException("Fisher's z interval needs n ≥ 4 pairs, got " + n);
        }
        if (!(r >= -1 && r <= 1)) {
            throw new IllegalArgumentException("correlation must lie in [−1, 1], got " + r);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must lie in (0, 1), got " + confidence);
        }
    }

    /** The 95 % interval of r from n pairs. */
    public static PearsonInterval of(double r, long n) {
        return of(r, n, 0.95);
    }

    /** The interval of r from n pairs at the given confidence level. */
    public static PearsonInterval of(double r, long n, double confidence) {
        if (n < 4) {
            throw new IllegalArgumentException("Fisher's z interval needs n ≥ 4 pairs, got " + n);
        }
        if (!(r >= -1 && r <= 1)) {
            throw new IllegalArgumentException("correlation must lie in [−1, 1], got " + r);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must lie in (0, 1), got " + confidence);
        }
        double critical = NormalDistribution.of(0, 1).inverseCumulativeProbability(0.5 + confidence / 2);
        double z = atanh(r);
        double half = critical / Math.sqrt(n - 3.0);
        return new PearsonInterval(n, r, Math.tanh(z - half), Math.tanh(z + half), confidence);
    }

    private static double atanh(double r) {
        return 0.5 * Math.log((1 + r) / (1 - r));
    }
}
