package org.dpr.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dpr.metrics.Summary;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.data.statistics.BoxAndWhiskerCalculator;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;

/**
 * A box-and-whisker chart of one metric per method (paper Figs. 1d, 2c), e.g. PSNR of HIO, GPS-R,
 * DPR and DPR+R over a test set.
 *
 * <p>Two styles ({@link BoxStyle}): the paper's, where "the boxes and whiskers represent the
 * average and standard errors" — a box from mean − SE to mean + SE with a line at the mean — and
 * Tukey's quartile box (median line, box Q1–Q3, whiskers to the last value within 1.5·IQR,
 * outliers as circles). Non-finite values (NaN for an undefined metric, +∞ for the
 * PSNR of an exact reconstruction) cannot be drawn and are left out; a method with no finite
 * value is left out. Optional marks (significance stars from
 * {@link org.dpr.metrics.Significance}) are appended to the method names on the axis.
 *
 * <p>Immutable; {@link #withDefaults()} uses the paper's style.
 */
public final class BoxChart {

    /** What the box and whiskers show. */
    public enum BoxStyle {
        /** The paper's: box = mean ± standard error, line at the mean, no separate whiskers. */
        MEAN_STANDARD_ERROR,
        /** Tukey's: median, quartile box, 1.5·IQR whiskers, outliers. */
        QUARTILES
    }

    private static final BoxChart DEFAULT = new BoxChart("", "value", BoxStyle.MEAN_STANDARD_ERROR, Map.of());

    private final String title;
    private final String valueLabel;
    private final BoxStyle style;
    private final Map<String, String> marks;

    private BoxChart(String title, String valueLabel, BoxStyle style, Map<String, String> marks) {
        this.title = title;
        this.valueLabel = valueLabel;
        this.style = style;
        this.marks = marks;
    }

    public static BoxChart withDefaults() {
        return DEFAULT;
    }

    public BoxChart withTitle(String newTitle) {
        return new BoxChart(Objects.requireNonNull(newTitle, "title"), valueLabel, style, marks);
    }

    /** The value axis label, e.g. "PSNR (dB)" or an {@link org.dpr.metrics.SsimForm#label()}. */
    public BoxChart withValueLabel(String label) {
        return new BoxChart(title, Objects.requireNonNull(label, "label"), style, marks);
    }

    public BoxChart with(BoxStyle newStyle) {
        return new BoxChart(title, valueLabel, Objects.requireNonNull(newStyle, "style"), marks);
    }

    /** Marks to show after method names (method → mark, e.g. "***"); methods without one get none. */
    public BoxChart withMarks(Map<String, String> methodMarks) {
        return new BoxChart(title, valueLabel, style, Map.copyOf(Objects.requireNonNull(methodMarks, "marks")));
    }

    /**
     * The chart of the values per method, methods in the map's iteration order.
     *
     * @throws IllegalArgumentException if no method has a finite value
     */
    public JFreeChart build(Map<String, double[]> valuesByMethod) {
        Objects.requireNonNull(valuesByMethod, "valuesByMethod");
        DefaultBoxAndWhiskerCategoryDataset dataset = new DefaultBoxAndWhiskerCategoryDataset();
        for (Map.Entry<String, double[]> e : valuesByMethod.entrySet()) {
            List<Double> finite = new ArrayList<>();
            for (double v : e.getValue()) {
                if (Double.isFinite(v)) {
                    finite.add(v);
                }
            }
            if (finite.isEmpty()) {
                continue;
            }
            String mark = marks.get(e.getKey());
            String column = mark == null || mark.isEmpty() ? e.getKey() : e.getKey() + " " + mark;
            dataset.add(item(finite), valueLabel, column);
        }
        if (dataset.getColumnCount() == 0) {
            throw new IllegalArgumentException("no method has a finite value to plot");
        }
        BoxAndWhiskerRenderer renderer = new BoxAndWhiskerRenderer();
        renderer.setMedianVisible(true);
        renderer.setMaximumBarWidth(0.12);
        renderer.setDefaultToolTipGenerator(null);
        renderer.setSeriesPaint(0, Charts.PRIMARY);
        renderer.setMeanVisible(false);
        NumberAxis valueAxis = new NumberAxis(valueLabel);
        valueAxis.setAutoRangeIncludesZero(false);
        CategoryPlot plot = new CategoryPlot(dataset, new CategoryAxis(), valueAxis, renderer);
        JFreeChart chart = new JFreeChart(title.isEmpty() ? null : title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        Charts.applyTheme(chart);
        return chart;
    }

    private BoxAndWhiskerItem item(List<Double> values) {
        if (style == BoxStyle.QUARTILES) {
            // JFreeChart's calculator sets the outlier bounds to Q1 − 2·IQR and Q3 + 2·IQR, which
            // stretches the axis past the data and draws "far out" arrows; bound them by the data.
            BoxAndWhiskerItem q = BoxAndWhiskerCalculator.calculateBoxAndWhiskerStatistics(values);
            double min = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            double max = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            return new BoxAndWhiskerItem(q.getMean(), q.getMedian(), q.getQ1(), q.getQ3(), q.getMinRegularValue(),
                    q.getMaxRegularValue(), min, max, q.getOutliers());
        }
        Summary s = Summary.of(values.stream().mapToDouble(Double::doubleValue).toArray());
        double se = Double.isNaN(s.standardError()) ? 0 : s.standardError();
        double lo = s.mean() - se;
        double hi = s.mean() + se;
        return new BoxAndWhiskerItem(s.mean(), s.mean(), lo, hi, lo, hi, null, null, List.of());
    }
}
