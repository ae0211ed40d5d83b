/**
 * Report building blocks: charts ({@link org.dpr.report.BoxChart} of a metric per method,
 * {@link org.dpr.report.LineChart} for loss curves and radial profiles,
 * {@link org.dpr.report.TimingChart} of processing times on a log axis) written headless as PNG
 * or SVG ({@link org.dpr.report.ChartFiles}); {@link org.dpr.report.Table}s written as Markdown or
 * CSV, with the standard evaluation tables in {@link org.dpr.report.MetricTables}; and a small
 * {@link org.dpr.report.HtmlPage} writer with a link checker. Every file is written atomically
 * (temporary file, then move), so a failed run never leaves half a report.
 */
package org.dpr.report;
