package org.dpr.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dpr.metrics.MannWhitney;
import org.dpr.metrics.MannWhitneyResult;
import org.dpr.metrics.Metric;
import org.dpr.metrics.MetricRow;
import org.dpr.metrics.MetricRows;
import org.dpr.metrics.Summary;
import org.dpr.report.Table;
import org.dpr.report.TimingChart;

/**
 * The summary tables of an evaluation beside {@link org.dpr.report.MetricTables}' (which give the
 * per-frame table and the "mean ± SE mark" table): a numeric one-row-per-method table for CSV files
 * and a table of medians for people.
 */
public final class SummaryTables {

    private static final List<Metric> METRICS = List.of(Metric.values());

    private SummaryTables() {
    }

    /**
     * One row per method, in order: {@code method}, {@code frames}, {@code reference}, then for each
     * metric ({@link Metric#column()} as prefix, e.g. {@code PSNR}) {@code _n} (values that are not
     * NaN), {@code _mean}, {@code _se} (standard error), {@code _median}, and {@code _p} and
     * {@code _mark} (two-sided Mann–Whitney U against the reference; empty for the reference itself
     * and where a side has no values). Numbers at full precision; empty where undefined.
     */
    public static Table numeric(EvaluationResult result) {
        List<String> header = new ArrayList<>(List.of("method", "frames", "reference"));
        for (Metric m : METRICS) {
            for (String suffix : List.of("_n", "_mean", "_se", "_median", "_p", "_mark")) {
                header.add(m.column() + suffix);
            }
        }
        List<List<String>> cells = new ArrayList<>();
        List<Map<String, Summary>> summaries = new ArrayList<>();
        List<Map<String, MannWhitneyResult>> tests = new ArrayList<>();
        for (Metric m : METRICS) {
            summaries.add(MetricRows.summaries(result.rows(), m));
            tests.add(tests(result.rows(), m, result.reference()));
        }
        Map<String, double[]> frames = MetricRows.valuesByMethod(result.rows(), Metric.R_F);
        for (String method : result.labels()) {
            List<String> line = new ArrayList<>(List.of(method,
                    Integer.toString(frames.getOrDefault(method, new double[0]).length), result.reference()));
            for (int k = 0; k < METRICS.size(); k++) {
                Summary s = summaries.get(k).getOrDefault(method, Summary.of(new double[0]));
                MannWhitneyResult t = tests.get(k).get(method);
                line.add(Integer.toString(s.n()));
                line.add(number(s.mean()));
                line.add(number(s.standardError()));
                line.add(number(s.median()));
                line.add(t == null ? "" : Double.toString(t.pValue()));
                line.add(t == null ? "" : t.stars());
            }
            cells.add(line);
        }
        return new Table(header, cells);
    }

    /** One row per method, one column per metric: the median over frames ("–" where undefined). */
    public static Table medians(EvaluationResult result, int digits) {
        List<String> header = new ArrayList<>(List.of("method"));
        METRICS.forEach(m -> header.add(m.label()));
        List<Map<String, Summary>> summaries = METRICS.stream().map(m -> MetricRows.summaries(result.rows(), m)).toList();
        List<List<String>> cells = new ArrayList<>();
        for (String method : result.labels()) {
            List<String> line = new ArrayList<>(List.of(method));
            for (int k = 0; k < METRICS.size(); k++) {
                Summary s = summaries.get(k).getOrDefault(method, Summary.of(new double[0]));
                if (s.n() == 0) {
                    line.add("–");
                } else if (METRICS.get(k) == Metric.SECONDS) {
                    line.add(TimingChart.formatSeconds(s.median()));
                } else {
                    line.add(String.format(Locale.ROOT, "%." + digits + "f", s.median()));
                }
            }
            cells.add(line);
        }
        return new Table(header, cells);
    }

    /**
     * Two-sided Mann–Whitney tests of every method against {@code reference} on one metric; empty
     * when the reference has no values of it (e.g. windowed SSIM of images smaller than its window).
     */
    static Map<String, MannWhitneyResult> tests(List<MetricRow> rows, Metric metric, String reference) {
        Summary ref = MetricRows.summaries(rows, metric).get(reference);
        if (ref == null || ref.n() == 0) {
            return Map.of();
        }
        return MetricRows.compareWith(rows, metric, reference, MannWhitney.withDefaults());
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
