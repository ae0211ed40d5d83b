package org.dpr.metrics;

import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.statistics.descriptive.DoubleStatistics;
import org.apache.commons.statistics.descriptive.Median;
import org.apache.commons.statistics.descriptive.Statistic;

/**
 * Descriptive summary of one metric over frames, as reports show it: mean ± standard error (the
 * paper's boxes and whiskers, Figs. 1–2), median, spread and count. NaN values (a metric that is
 * undefined for a frame) are left out and counted in {@code excluded}; infinities are kept (a
 * PSNR of +∞ for an exact reconstruction makes the mean +∞, honestly).
 *
 * @param n                 values summarised (NaN excluded)
 * @param mean              arithmetic mean (NaN when n = 0)
 * @param standardError     sample standard deviation / √n (NaN when n &lt; 2)
 * @param median            median (NaN when n = 0)
 * @param standardDeviation sample standard deviation, 1/(n − 1) (NaN when n &lt; 2)
 * @param min               smallest value (NaN when n = 0)
 * @param max               largest value (NaN when n = 0)
 * @param excluded          NaN values left out
 */
public record Summary(int n, double mean, double standardError, double median, double standardDeviation,
                      double min, double max, int excluded) {

    public Summary {
        if (n < 0 || excluded < 0) {
            throw new IllegalArgumentException("counts must be ≥ 0, got n " + n + ", excluded " + excluded);
        }
    }

    /** Summary of the non-NaN values (computed with Commons Statistics). */
    public static Summary of(double[] values) {
        Objects.requireNonNull(values, "values");
        double[] kept = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        int excluded = values.length - kept.length;
        if (kept.length == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, excluded);
        }
        DoubleStatistics stats = DoubleStatistics.of(
                java.util.EnumSet.of(Statistic.MEAN, Statistic.STANDARD_DEVIATION, Statistic.MIN, Statistic.MAX), kept);
        double sd = kept.length > 1 ? stats.getAsDouble(Statistic.STANDARD_DEVIATION) : Double.NaN;
        double se = kept.length > 1 ? sd / Math.sqrt(kept.length) : Double.NaN;
        double median = Median.withDefaults().evaluate(kept);
        return new Summary(kept.length, stats.getAsDouble(Statistic.MEAN), se, median, sd,
                stats.getAsDouble(Statistic.MIN), stats.getAsDouble(Statistic.MAX), excluded);
    }

    /** "mean ± SE" with {@code digits} decimals, e.g. "24.31 ± 0.12"; "–" when empty. */
    public String meanPlusMinus(int digits) {
        if (n == 0) {
            return "–";
        }
        String format = "%." + digits + "f";
        String m = String.format(java.util.Locale.ROOT, format, mean);
        return Double.isNaN(standardError) ? m : m + " ± " + String.format(java.util.Locale.ROOT, format, standardError);
    }
}
