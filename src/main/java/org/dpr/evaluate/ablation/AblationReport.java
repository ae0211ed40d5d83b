package org.dpr.evaluate.ablation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dpr.DprException;
import org.dpr.evaluate.EvaluationReport;
import org.dpr.evaluate.EvaluationResult;
import org.dpr.metrics.Metric;
import org.dpr.metrics.MetricRows;
import org.dpr.metrics.Significance;
import org.dpr.metrics.Summary;
import org.dpr.report.AxisScale;
import org.dpr.report.ChartFiles;
import org.dpr.report.HtmlPage;
import org.dpr.report.LineChart;
import org.dpr.report.Series;
import org.dpr.report.Table;

/**
 * Writes an {@link AblationStudy.Result}: {@code validation-loss.png/.svg} (one line per variant,
 * validation loss against training frames seen, log y), {@code ablation-summary.md/.csv} (one row
 * per variant: mean ± SE with Mann–Whitney marks against WPC+D), {@code reports/ablation/} (the full
 * evaluation report), with a size study {@code size-METRIC.png} (mean ± SE against training-set size,
 * log x) and {@code reports/sizes/}, and {@code index.html} linking all of it.
 */
public final class AblationReport {
    private static final int WIDTH_PX = 800;
    private static final int HEIGHT_PX = 500;
    private static final int DIGITS = 4;

    private AblationReport() {
    }

    /**
     * Writes the report into {@code out} (the study's folder).
     *
     * @return the written {@code index.html}
     * @throws DprException if a written page links to a missing file
     */
    public static Path write(AblationStudy.Result result, Path out) {
        EvaluationReport.withDefaults().write(result.evaluation(), out.resolve("reports").resolve("ablation"));
        List<Series> curves = result.runs().stream().map(r -> r.curve().series()).toList();
        var chart = LineChart.withDefaults().withTitle("Validation loss").withAxisLabels("training frames seen",
                "validation loss").withYScale(AxisScale.LOG).build(curves);
        ChartFiles.writePng(chart, out.resolve("validation-loss.png"), WIDTH_PX, HEIGHT_PX);
        ChartFiles.writeSvg(chart, out.resolve("validation-loss.svg"), WIDTH_PX, HEIGHT_PX);
        Table summary = result.evaluation().summaryTable(DIGITS);
        summary.writeMarkdown(out.resolve("ablation-summary.md"));
        summary.writeCsv(out.resolve("ablation-summary.csv"));
        HtmlPage page = HtmlPage.titled("dpr ablation (paper Fig. 1c–d, Fig. 2a)")
                .withParagraph("Each variant trained on the same simulated data with the same budget, then evaluated "
                        + "with the network alone on " + result.evaluation().frames() + " held-out frames. +D: the "
                        + "two-stage decoder; without it, the single decoder.")
                .withHeading("Validation loss")
                .withImageGrid(List.of(new HtmlPage.Figure("validation-loss.png",
                        "validation loss (log axis) against training frames seen")), 1)
                .withLink("vector version: validation-loss.svg", "validation-loss.svg")
                .withHeading("Test metrics")
                .withTable(summary, "mean ± standard error over frames; marks: " + Significance.LEGEND
                        + " — two-sided Mann–Whitney U of each variant against " + result.evaluation().reference())
                .withLink("ablation-summary.md", "ablation-summary.md")
                .withLink("ablation-summary.csv", "ablation-summary.csv")
                .withLink("full evaluation report (box plots, images)", "reports/ablation/index.html");
        for (AblationStudy.Run run : result.runs()) {
            page = page.withLink(run.label() + ": training log", out.relativize(run.folder().resolve(
                    ValidationCurve.LOG_FILE)).toString().replace('\\', '/'));
        }
        if (result.sizeStudy() != null) {
            page = withSizes(page, result, out);
        }
        Table settings = Table.withHeader("setting", "value");
        for (Map.Entry<String, String> e : result.settings().entrySet()) {
            settings = settings.withRow(e.getKey(), e.getValue());
        }
        Path index = page.withHeading("Settings").withTable(settings, "").writeTo(out);
        List<String> broken = HtmlPage.checkLinks(index);
        if (!broken.isEmpty()) {
            throw new DprException("the ablation report links to missing files: " + broken);
        }
        return index;
    }

    private static HtmlPage withSizes(HtmlPage page, AblationStudy.Result result, Path out) {
        EvaluationResult sizes = result.sizeStudy();
        EvaluationReport.withDefaults().write(sizes, out.resolve("reports").resolve("sizes"));
        List<Long> sizeList = List.copyOf(result.sizeRuns().keySet());
        List<String> labels = result.sizeRuns().values().stream().map(AblationStudy.Run::label).toList();
        List<HtmlPage.Figure> figures = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            if (metric == Metric.SECONDS) {
                continue;
            }
            Map<String, Summary> summaries = MetricRows.summaries(sizes.rows(), metric);
            double[] x = new double[sizeList.size()];
            double[] y = new double[sizeList.size()];
            double[] se = new double[sizeList.size()];
            for (int k = 0; k < x.length; k++) {
                Summary s = summaries.get(labels.get(k));
                x[k] = sizeList.get(k);
                y[k] = s == null ? Double.NaN : s.mean();
                se[k] = s == null ? Double.NaN : s.standardError();
            }
            if (java.util.Arrays.stream(y).noneMatch(Double::isFinite)) {
                continue;
            }
            var chart = LineChart.withDefaults().withTitle(metric.label() + " against training-set size")
                    .withAxisLabels("training-set size (frames)", metric.label()).withXScale(AxisScale.LOG)
                    .build(List.of(new Series(labels.get(0).replaceAll(" n=.*", ""), x, y, se)));
            String file = "size-" + metric.column().toLowerCase(Locale.ROOT) + ".png";
            ChartFiles.writePng(chart, out.resolve(file), WIDTH_PX, HEIGHT_PX);
            figures.add(new HtmlPage.Figure(file, metric.label() + " (mean ± SE) against size, log axis"));
        }
        Table table = sizes.summaryTable(DIGITS);
        table.writeCsv(out.resolve("size-summary.csv"));
        return page.withHeading("Training-set size")
                .withParagraph("The reference variant trained on sets of " + sizeList + " frames, each run seeing the "
                        + "same number of frames.")
                .withImageGrid(figures, 2)
                .withTable(table, "mean ± standard error; marks against the largest set")
                .withLink("size-summary.csv", "size-summary.csv")
                .withLink("full evaluation report of the size study", "reports/sizes/index.html");
    }
}
