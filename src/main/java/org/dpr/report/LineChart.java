package org.dpr.report;

import java.util.List;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * A line chart of one or more {@link Series}: loss curves over epochs (paper Fig. 1c), radial
 * local-R_F profiles over |q| (Supplementary Fig. 2), R_F over iterations. Either axis may be
 * logarithmic ({@link AxisScale#LOG}); points that a log axis cannot show (≤ 0) and points with a
 * NaN coordinate are left out, and a lower error-bar end that would not be positive on a log axis
 * is drawn at the point. Series with errors are drawn with vertical error bars.
 *
 * <p>Immutable; defaults: no title, axes "x" and "y", both linear, legend shown.
 */
public final class LineChart {

    private static final LineChart DEFAULT = new LineChart("", "x", "y", AxisScale.LINEAR, AxisScale.LINEAR);

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final AxisScale xScale;
    private final AxisScale yScale;

    private LineChart(String title, String xLabel, String yLabel, AxisScale xScale, AxisScale yScale) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.xScale = xScale;
        this.yScale = yScale;
    }

    public static LineChart withDefaults() {
        return DEFAULT;
    }

    public LineChart withTitle(String newTitle) {
        return new LineChart(Objects.requireNonNull(newTitle, "title"), xLabel, yLabel, xScale, yScale);
    }

    public LineChart withAxisLabels(String newXLabel, String newYLabel) {
        return new LineChart(title, Objects.requireNonNull(newXLabel, "xLabel"), Objects.requireNonNull(newYLabel,
                "yLabel"), xScale, yScale);
    }

    public LineChart withXScale(AxisScale scale) {
        return new LineChart(title, xLabel, yLabel, Objects.requireNonNull(scale, "scale"), yScale);
    }

    public LineChart withYScale(AxisScale scale) {
        return new LineChart(title, xLabel, yLabel, xScale, Objects.requireNonNull(scale, "scale"));
    }

    /**
     * The chart of the given series, in order.
     *
     * @throws IllegalArgumentException if there is no series or no drawable point
     */
    public JFreeChart build(List<Series> series) {
        Objects.requireNonNull(series, "series");
        if (series.isEmpty()) {
            throw new IllegalArgumentException("a line chart needs at least one series");
        }
        boolean withErrors = series.stream().anyMatch(s -> s.yError() != null);
        XYDataset dataset = withErrors ? intervalDataset(series) : plainDataset(series);
        boolean anyPoint = false;
        for (int s = 0; s < dataset.getSeriesCount(); s++) {
            anyPoint |= dataset.getItemCount(s) > 0;
        }
        if (!anyPoint) {
            throw new IllegalArgumentException("no series has a point that can be drawn on these axes");
        }
        XYLineAndShapeRenderer renderer;
        if (withErrors) {
            XYErrorRenderer errors = new XYErrorRenderer();
            errors.setDrawXError(false);
            errors.setDrawYError(true);
            errors.setDefaultLinesVisible(true);
            errors.setDefaultShapesVisible(true);
            renderer = errors;
        } else {
            renderer = new XYLineAndShapeRenderer(true, false);
        }
        XYPlot plot = new XYPlot(dataset, axis(xLabel, xScale), axis(yLabel, yScale), renderer);
        JFreeChart chart = new JFreeChart(title.isEmpty() ? null : title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        Charts.applyTheme(chart);
        return chart;
    }

    private static ValueAxis axis(String label, AxisScale scale) {
        if (scale == AxisScale.LOG) {
            return Charts.logAxis(label);
        }
        NumberAxis linear = new NumberAxis(label);
        linear.setAutoRangeIncludesZero(false);
        return linear;
    }

    private boolean drawable(double x, double y) {
        return !Double.isNaN(x) && !Double.isNaN(y) && Double.isFinite(x) && Double.isFinite(y)
                && (xScale != AxisScale.LOG || x > 0) && (yScale != AxisScale.LOG || y > 0);
    }

    private XYDataset plainDataset(List<Series> series) {
        XYSeriesCollection collection = new XYSeriesCollection();
        for (Series s : series) {
            XYSeries xy = new XYSeries(s.name(), false, true);
            for (int i = 0; i < s.x().length; i++) {
                if (drawable(s.x()[i], s.y()[i])) {
                    xy.add(s.x()[i], s.y()[i]);
                }
            }
            collection.addSeries(xy);
        }
        return collection;
    }

    private XYDataset intervalDataset(List<Series> series) {
        YIntervalSeriesCollection collection = new YIntervalSeriesCollection();
        for (Series s : series) {
            YIntervalSeries xy = new YIntervalSeries(s.name(), false, true);
            for (int i = 0; i < s.x().length; i++) {
                double x = s.x()[i];
                double y = s.y()[i];
                if (!drawable(x, y)) {
                    continue;
                }
                double e = s.yError() == null || !Double.isFinite(s.yError()[i]) ? 0 : Math.abs(s.yError()[i]);
                double low = y - e;
                if (yScale == AxisScale.LOG && !(low > 0)) {
                    low = y;
                }
                xy.add(x, y, low, y + e);
            }
            collection.addSeries(xy);
        }
        return collection;
    }
}
