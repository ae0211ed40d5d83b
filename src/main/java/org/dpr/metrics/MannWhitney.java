package org.dpr.metrics;

import java.util.Objects;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.PValueMethod;

/**
 * The two-sided Mann–Whitney U test (Wilcoxon rank-sum test) the paper uses to compare a metric
 * between methods (§4.4), delegating to Commons Statistics' {@link MannWhitneyUTest}.
 *
 * <p>p-values ({@link PValueMethod#AUTO}, the default): exact when both samples have fewer than
 * 50 values and there are no ties; otherwise the normal approximation with tie correction and a
 * continuity correction of ½ (as R's {@code wilcox.test} and SciPy's {@code mannwhitneyu} do for
 * large samples). The paper's test sets have 12 000 frames, so its p-values are asymptotic.
 * NaN values (e.g. the PSNR of a failed reconstruction) are rejected: drop or count them first.
 * Immutable.
 */
public final class MannWhitney {

    private static final MannWhitney DEFAULT = new MannWhitney(PValueMethod.AUTO);

    private final PValueMethod method;

    private MannWhitney(PValueMethod method) {
        this.method = method;
    }

    /** Two-sided, p-value method AUTO (exact for small samples without ties). */
    public static MannWhitney withDefaults() {
        return DEFAULT;
    }

    /** The p-value method: AUTO, EXACT (needs no ties) or ASYMPTOTIC. */
    public MannWhitney with(PValueMethod newMethod) {
        Objects.requireNonNull(newMethod, "method");
        if (newMethod == PValueMethod.ESTIMATE) {
            throw new IllegalArgumentException("Mann–Whitney supports AUTO, EXACT or ASYMPTOTIC p-values, not ESTIMATE");
        }
        return new MannWhitney(newMethod);
    }

    public PValueMethod method() {
        return method;
    }

    /**
     * Tests whether the distributions of a and b differ in location (two-sided).
     *
     * @throws IllegalArgumentException if a sample is empty or holds NaN
     */
    public MannWhitneyResult test(double[] a, double[] b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("Mann–Whitney needs two non-empty samples, got sizes "
                    + a.length + " and " + b.length);
        }
        for (double[] sample : new double[][] {a, b}) {
            for (double v : sample) {
                if (Double.isNaN(v)) {
                    throw new IllegalArgumentException("Mann–Whitney samples must not contain NaN");
                }
            }
        }
        MannWhitneyUTest.Result r = MannWhitneyUTest.withDefaults()
                .with(AlternativeHypothesis.TWO_SIDED).with(method).test(a, b);
        return new MannWhitneyResult(r.getStatistic(), r.getPValue(), a.length, b.length, r.hasTiedValues());
    }

    @Override
    public String toString() {
        return "MannWhitney[two-sided, " + method + "]";
    }
}
