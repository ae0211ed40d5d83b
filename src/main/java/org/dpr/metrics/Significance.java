package org.dpr.metrics;

/**
 * Significance marks for p-values in the manner of the paper's Figs. 1–2, which state: "not
 * indicated, p ≤ 10⁻⁸; *** 10⁻⁸ &lt; p ≤ 0.001; ** 0.001 &lt; p ≤ 0.01; * 0.01 &lt; p ≤ 0.05; ns,
 * p &gt; 0.05". The paper leaves the strongest differences (p ≤ 10⁻⁸) <em>unmarked</em>, which a
 * reader can mistake for "not tested"; dpr marks them {@code ****} instead and every report
 * prints {@link #LEGEND}.
 */
public enum Significance {
    /** p ≤ 10⁻⁸ (unmarked in the paper). */
    P_1E8("****", 1e-8),
    /** 10⁻⁸ &lt; p ≤ 0.001. */
    P_001("***", 1e-3),
    /** 0.001 &lt; p ≤ 0.01. */
    P_01("**", 1e-2),
    /** 0.01 &lt; p ≤ 0.05. */
    P_05("*", 0.05),
    /** p &gt; 0.05 (or p is NaN). */
    NOT_SIGNIFICANT("ns", 1.0);

    /** The legend to print beside any table or figure that shows these marks. */
    public static final String LEGEND = "two-sided Mann–Whitney U test: **** p ≤ 1e-8 (unmarked in the paper); "
            + "*** 1e-8 < p ≤ 0.001; ** 0.001 < p ≤ 0.01; * 0.01 < p ≤ 0.05; ns p > 0.05";

    private final String mark;
    private final double upperBound;

    Significance(String mark, double upperBound) {
        this.mark = mark;
        this.upperBound = upperBound;
    }

    /** The mark: "****", "***", "**", "*" or "ns". */
    public String mark() {
        return mark;
    }

    /** The largest p-value this level covers (inclusive). */
    public double upperBound() {
        return upperBound;
    }

    /** The level of a p-value; NaN counts as not significant. */
    public static Significance of(double p) {
        for (Significance s : values()) {
            if (s != NOT_SIGNIFICANT && p <= s.upperBound) {
                return s;
            }
        }
        return NOT_SIGNIFICANT;
    }

    /**
     * The significance mark of a p-value, per the paper's legend: "ns" for p &gt; 0.05, "*" for
     * p ≤ 0.05, "**" for p ≤ 0.01, "***" for p ≤ 0.001 and "****" for p ≤ 10⁻⁸ (the paper omits
     * a mark there; see the class comment).
     */
    public static String stars(double p) {
        return of(p).mark;
    }
}
