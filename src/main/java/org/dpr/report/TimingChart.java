package org.dpr.report;

import java.awt.Font;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.dpr.metrics.Summary;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.statistics.StatisticalCategoryDataset;

/**
 * Processing time per pattern per method on a logarithmic axis (paper Fig. 2d, where DPR's
 * milliseconds and the iterative algorithms' seconds to minutes differ by orders of magnitude):
 * a point at the mean with ± standard-error bars, labelled with the mean in readable units
 * ("9.02 ms", "55.1 s"). Non-finite and non-positive times are left out; an error bar whose lower
 * end would not be positive is shortened to 90 % of the mean so that the log axis can draw it.
 *
 * <p>Immutable.
 */
public final class TimingChart {

    private static final TimingChart DEFAULT = new TimingChart("", "time per pattern (s)");

    private final String title;
    private final String valueLabel;

    private TimingChart(String title, String valueLabel) {
        this.title = title;
        this.valueLabel = valueLabel;
    }

    public static TimingChart withDefaults() {
        return DEFAULT;
    }

    public TimingChart withTitle(String newTitle) {
        return new TimingChart(Objects.requireNonNull(newTitle, "title"), valueLabel);
    }

    public TimingChart withValueLabel(String label) {
        return new TimingChart(title, Objects.requireNonNull(label, "label"));
    }

    /**
     * The chart of the times (seconds per pattern) per method, methods in map order.
     *
     * @throws IllegalArgumentException if no method has a positive finite time
     */
    public JFreeChart build(Map<String, double[]> secondsByMethod) {
        Objects.requireNonNull(secondsByMethod, "secondsByMethod");
        DefaultStatisticalCategoryDataset dataset = new DefaultStatisticalCategoryDataset();
        for (Map.Entry<String, double[]> e : secondsByMethod.entrySet()) {
            double[] positive = java.util.Arrays.stream(e.getValue()).filter(v -> v > 0 && Double.isFinite(v)).toArray();
            if (positive.length == 0) {
                continue;
            }
            Summary s = Summary.of(positive);
            double se = Double.isNaN(s.standardError()) ? 0 : Math.min(s.standardError(), 0.9 * s.mean());
            dataset.add(s.mean(), se, "mean ± SE", e.getKey());
        }
        if (dataset.getColumnCount() == 0) {
            throw new IllegalArgumentException("no method has a positive processing time to plot");
        }
        StatisticalLineAndShapeRenderer renderer = new StatisticalLineAndShapeRenderer(false, true);
        renderer.setDefaultItemLabelGenerator(new DurationLabels());
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        renderer.setSeriesPaint(0, Charts.PRIMARY);
        renderer.setErrorIndicatorPaint(Charts.PRIMARY);
        CategoryPlot plot = new CategoryPlot(dataset, new CategoryAxis(), Charts.logAxis(valueLabel), renderer);
        JFreeChart chart = new JFreeChart(title.isEmpty() ? null : title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        Charts.applyTheme(chart);
        return chart;
    }

    /** A duration in seconds in readable units: "850 µs", "9.02 ms", "1.50 s", "13.0 min". */
    public static String formatSeconds(double seconds) {
        if (Double.isNaN(seconds)) {
            return "–";
        }
        Unit unit = Unit.of(seconds);
        return String.format(Locale.ROOT, "%.3g %s", seconds / unit.seconds, unit.symbol);
    }

    /** "mean ± error unit" with both in the mean's unit, e.g. "9.02 ± 0.35 ms". */
    public static String formatSeconds(double mean, double error) {
        if (Double.isNaN(mean) || Double.isNaN(error)) {
            return formatSeconds(mean);
        }
        Unit unit = Unit.of(mean);
        return String.format(Locale.ROOT, "%.3g ± %.2g %s", mean / unit.seconds, error / unit.seconds, unit.symbol);
    }

    /** Display units of durations. */
    private enum Unit {
        MICROSECONDS(1e-6, "µs"), MILLISECONDS(1e-3, "ms"), SECONDS(1, "s"), MINUTES(60, "min");

        final double seconds;
        final String symbol;

        Unit(double seconds, String symbol) {
            this.seconds = seconds;
            this.symbol = symbol;
        }

        /** Minutes from 2 min, seconds from 1 s, milliseconds from 1 ms, else microseconds. */
        static Unit of(double value) {
            double magnitude = Math.abs(value);
            return magnitude >= 120 ? MINUTES : magnitude >= 1 ? SECONDS : magnitude >= 1e-3 ? MILLISECONDS : MICROSECONDS;
        }
    }

    /** Labels each point with its mean time. */
    private static final class DurationLabels implements CategoryItemLabelGenerator, java.io.Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public String generateRowLabel(CategoryDataset dataset, int row) {
            return dataset.getRowKey(row).toString();
        }

        @Override
        public String generateColumnLabel(CategoryDataset dataset, int column) {
            return dataset.getColumnKey(column).toString();
        }

        @Override
        public String generateLabel(CategoryDataset dataset, int row, int column) {
            Number mean = dataset instanceof StatisticalCategoryDataset s
                    ? s.getMeanValue(row, column) : dataset.getValue(row, column);
            return mean == null ? "" : formatSeconds(mean.doubleValue());
        }
    }
}
