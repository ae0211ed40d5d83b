package org.dpr.report;

import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;

/** The shared look of dpr's charts: white background, light grid, antialiasing. Package-private. */
final class Charts {

    private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);

    private Charts() {
    }

    /** The colour of single-series charts (boxes, timing points). */
    static final Color PRIMARY = new Color(0x4C, 0x72, 0xB0);

    /**
     * A base-10 logarithmic value axis labelled in plain numbers at 1-2-5 steps (0.01, 0.1, 1, 10…)
     * rather than fractional powers of ten, its range widened to whole decades. Callers must leave
     * out values ≤ 0.
     */
    static ValueAxis logAxis(String label) {
        LogarithmicAxis axis = new LogarithmicAxis(label);
        axis.setStrictValuesFlag(false);
        axis.setAutoRangeNextLogFlag(true); // whole decades, so at least two labelled ticks
        return axis;
    }

    static void applyTheme(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.GRAY);
        if (plot instanceof CategoryPlot category) {
            category.setRangeGridlinePaint(GRID);
            category.setRangeGridlinesVisible(true);
        } else if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(GRID);
            xy.setRangeGridlinePaint(GRID);
        }
    }
}
