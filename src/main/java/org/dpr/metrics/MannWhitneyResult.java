package org.dpr.metrics;

/**
 * A two-sided Mann–Whitney U test of sample a against sample b.
 *
 * @param u            U of sample a: the number of pairs (a_i, b_j) with a_i &gt; b_j, ties counting ½
 *                     (U_b = n_a·n_b − u)
 * @param pValue       two-sided p-value
 * @param sizeA        n_a
 * @param sizeB        n_b
 * @param tiedValues   whether the pooled samples had ties (then the p-value is the normal
 *                     approximation with tie correction)
 */
public record MannWhitneyResult(double u, double pValue, int sizeA, int sizeB, boolean tiedValues) {

    public MannWhitneyResult {
        if (sizeA < 1 || sizeB < 1) {
            throw new IllegalArgumentException("sample sizes must be ≥ 1, got " + sizeA + ", " + sizeB);
        }
    }

    /** The significance level of {@link #pValue()}. */
    public Significance significance() {
        return Significance.of(pValue);
    }

    /** The mark of {@link #pValue()} ("ns", "*", …, "****"). */
    public String stars() {
        return Significance.stars(pValue);
    }

    /** Common-language effect size U / (n_a·n_b): the probability that a value of a exceeds one of b. */
    public double probabilityAExceedsB() {
        return u / ((double) sizeA * sizeB);
    }
}
