package org.dpr.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.dpr.metrics.MannWhitney;
import org.dpr.metrics.MannWhitneyResult;
import org.dpr.metrics.Metric;
import org.dpr.metrics.MetricRow;
import org.dpr.metrics.MetricRows;
import org.dpr.metrics.Summary;

/**
 * The standard tables of an evaluation, built from {@link MetricRow}s: every frame (for CSV), a
 * long summary (method × metric: n, mean, SE, median, p-value and mark against a reference
 * method — for CSV and scripts) and a wide summary (method × metric as "mean ± SE mark" — for
 * Markdown and HTML). Column headers name the SSIM form ({@link Metric#label()}); the marks follow
 * {@link org.dpr.metrics.Significance}, whose legend belongs beside any table that shows them.
 */
public final class MetricTables {

    private static final List<Metric> METRICS = List.of(Metric.values());

    private MetricTables() {
    }

    /** One row per frame and method: index, method and every metric, full precision ("NaN", "Infinity"). */
    public static Table perFrame(List<MetricRow> rows) {
        Objects.requireNonNull(rows, "rows");
        List<String> header = new ArrayList<>(List.of("index", "method"));
        METRICS.forEach(m -> header.add(m.column()));
        List<List<String>> cells = new ArrayList<>(rows.size());
        for (MetricRow row : rows) {
            List<String> line = new ArrayList<>(List.of(Integer.toString(row.index()), row.method()));
            METRICS.forEach(m -> line.add(Double.toString(row.value(m))));
            cells.add(line);
        }
        return new Table(header, cells);
    }

    /** The per-frame column that holds each frame's content digest ({@link #perFrame(List, Map)}). */
    public static final String FRAME_DIGEST_COLUMN = "frame_digest";

    /**
     * {@link #perFrame(List)} with a last column {@value #FRAME_DIGEST_COLUMN}: the content digest of
     * each row's frame (empty where {@code frameDigests} has none), so that the rows can be matched to
     * their frames later.
     */
    public static Table perFrame(List<MetricRow> rows, Map<Long, String> frameDigests) {
        Table table = perFrame(rows);
        List<String> header = new ArrayList<>(table.header());
        header.add(FRAME_DIGEST_COLUMN);
        List<List<String>> cells = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> line = new ArrayList<>(table.rows().get(i));
            line.add(frameDigests.getOrDefault((long) rows.get(i).index(), ""));
            cells.add(line);
        }
        return new Table(header, cells);
    }

    /**
     * The rows of a per-frame table as {@link #perFrame} writes it (e.g. read back with {@link
     * Table#readCsv}); empty cells are NaN.
     *
     * @throws IllegalArgumentException if a column is missing or a cell is not a number
     */
    public static List<MetricRow> rowsOf(Table perFrame) {
        Objects.requireNonNull(perFrame, "perFrame");
        int indexColumn = perFrame.column("index");
        int methodColumn = perFrame.column("method");
        int[] metricColumns = METRICS.stream().mapToInt(m -> perFrame.column(m.column())).toArray();
        List<MetricRow> rows = new ArrayList<>(perFrame.rows().size());
        for (List<String> line : perFrame.rows()) {
            try {
                double[] v = new double[metricColumns.length];
                for (int k = 0; k < v.length; k++) {
                    String cell = line.get(metricColumns[k]).strip();
                    v[k] = cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
                }
                rows.add(new MetricRow(Integer.parseInt(line.get(indexColumn).strip()), line.get(methodColumn),
                        v[METRICS.indexOf(Metric.R_F)], v[METRICS.indexOf(Metric.PSNR_DB)],
                        v[METRICS.indexOf(Metric.SSIM_GLOBAL)], v[METRICS.indexOf(Metric.SSIM_WINDOWED)],
                        v[METRICS.indexOf(Metric.PCC)], v[METRICS.indexOf(Metric.SECONDS)]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("per-frame row " + (rows.size() + 1) + " is not numeric: " + line, e);
            }
        }
        return rows;
    }

    /**
     * One row per method and metric: n, mean, standard error, median and — for methods other than
     * {@code referenceMethod} — the two-sided Mann–Whitney p-value against it and its mark.
     * Metrics with no value for a method (all NaN) have n = 0 and empty statistics.
     *
     * @param referenceMethod the method the others are compared with (e.g. "DPR"), or null for none
     * @throws IllegalArgumentException if the reference method has no rows
     */
    public static Table summaryLong(List<MetricRow> rows, String referenceMethod) {
        Objects.requireNonNull(rows, "rows");
        Table table = Table.withHeader("method", "metric", "n", "mean", "standard_error", "median", "p_value", "mark");
        for (Metric metric : METRICS) {
            Map<String, Summary> summaries = MetricRows.summaries(rows, metric);
            Map<String, MannWhitneyResult> tests = tests(rows, metric, referenceMethod);
            for (Map.Entry<String, Summary> e : summaries.entrySet()) {
                Summary s = e.getValue();
                MannWhitneyResult test = tests.get(e.getKey());
                table = table.withRow(e.getKey(), metric.column(), Integer.toString(s.n()), number(s.mean()),
                        number(s.standardError()), number(s.median()),
                        test == null ? "" : Double.toString(test.pValue()), test == null ? "" : test.stars());
            }
        }
        return table;
    }

    /**
     * One row per method, one column per metric, cells "mean ± SE" with the mark of the comparison
     * with {@code referenceMethod} appended (e.g. "24.31 ± 0.12 ***"); times are shown in readable
     * units.
     *
     * @param digits          decimals of the metric cells
     * @param referenceMethod the method the others are compared with, or null for no marks
     * @throws IllegalArgumentException if the reference method has no rows
     */
    public static Table summaryWide(List<MetricRow> rows, String referenceMethod, int digits) {
        Objects.requireNonNull(rows, "rows");
        if (digits < 0 || digits > 12) {
            throw new IllegalArgumentException("digits must be 0–12, got " + digits);
        }
        List<String> header = new ArrayList<>(List.of("method", "n"));
        METRICS.forEach(m -> header.add(m.label()));
        Map<String, double[]> methods = MetricRows.valuesByMethod(rows, Metric.R_F);
        List<List<String>> cells = new ArrayList<>();
        List<Map<String, Summary>> summaries = new ArrayList<>();
        List<Map<String, MannWhitneyResult>> tests = new ArrayList<>();
        for (Metric metric : METRICS) {
            summaries.add(MetricRows.summaries(rows, metric));
            tests.add(tests(rows, metric, referenceMethod));
        }
        for (String method : methods.keySet()) {
            List<String> line = new ArrayList<>(List.of(method, Integer.toString(methods.get(method).length)));
            for (int k = 0; k < METRICS.size(); k++) {
                Summary s = summaries.get(k).get(method);
                String cell = METRICS.get(k) == Metric.SECONDS ? seconds(s) : s.meanPlusMinus(digits);
                MannWhitneyResult test = tests.get(k).get(method);
                line.add(test == null ? cell : cell + " " + test.stars());
            }
            cells.add(line);
        }
        return new Table(header, cells);
    }

    private static Map<String, MannWhitneyResult> tests(List<MetricRow> rows, Metric metric, String reference) {
        if (reference == null) {
            return Map.of();
        }
        if (rows.stream().noneMatch(r -> r.method().equals(reference))) {
            throw new IllegalArgumentException("reference method '" + reference + "' has no rows; methods: "
                    + MetricRows.valuesByMethod(rows, metric).keySet());
        }
        boolean hasValues = MetricRows.summaries(rows, metric).getOrDefault(reference,
                Summary.of(new double[0])).n() > 0;
        return hasValues ? MetricRows.compareWith(rows, metric, reference, MannWhitney.withDefaults()) : Map.of();
    }

    private static String seconds(Summary s) {
        return s.n() == 0 ? "–" : TimingChart.formatSeconds(s.mean(), s.standardError());
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }
}
