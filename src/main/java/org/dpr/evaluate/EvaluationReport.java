package org.dpr.evaluate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.dpr.io.DiffractionFrame;
import org.dpr.io.image.ObjectPicture;
import org.dpr.io.image.PatternPicture;
import org.dpr.metrics.Alignment;
import org.dpr.metrics.Metric;
import org.dpr.metrics.MetricRow;
import org.dpr.metrics.MetricRows;
import org.dpr.metrics.Significance;
import org.dpr.metrics.SsimForm;
import org.dpr.report.BoxChart;
import org.dpr.report.ChartFiles;
import org.dpr.report.HtmlPage;
import org.dpr.report.MetricTables;
import org.dpr.report.Table;
import org.dpr.report.TimingChart;

/**
 * Writes the report folder of an {@link EvaluationResult} (paper Figs. 1–2 for any test set):
 *
 * <pre>
 * index.html               everything below, opens from the folder (relative links only)
 * summary.md               mean ± SE with significance marks, medians, methods, settings
 * summary.csv              one row per method: n, mean, SE, median, p, mark per metric ({@link SummaryTables#numeric})
 * summary-long.csv         one row per method and metric ({@link MetricTables#summaryLong})
 * metrics-per-frame.csv    one row per frame and method, with the frame's content digest ({@link MetricTables#perFrame(List, Map)})
 * figures/box-METRIC.png|svg  box plots per metric (paper style: mean ± SE)
 * figures/time.png|svg     processing time per pattern, log axis
 * images/frame-K-*.png     pattern, ground truth and each method's image of the shown frames
 * </pre>
 *
 * <p>Images of a frame share one grey scale (black = min(0, smallest value), white = the largest
 * value of the ground truth and all aligned reconstructions), so brightness compares across
 * methods; reconstructions are drawn after alignment to the ground truth (translation and twin, as
 * the metrics are computed). The folder is written whole or not at all ({@link ReportFolder}).
 * Immutable.
 */
public final class EvaluationReport {

    private static final EvaluationReport DEFAULT = new EvaluationReport(4, BoxChart.BoxStyle.MEAN_STANDARD_ERROR);
    private static final int CHART_WIDTH_PX = 640;
    private static final int CHART_HEIGHT_PX = 420;
    private static final int PICTURE_PX = 256;

    private final int digits;
    private final BoxChart.BoxStyle boxStyle;

    private EvaluationReport(int digits, BoxChart.BoxStyle boxStyle) {
        this.digits = digits;
        this.boxStyle = boxStyle;
    }

    /** Four decimals in tables; the paper's box style (mean ± standard error). */
    public static EvaluationReport withDefaults() {
        return DEFAULT;
    }

    /** Decimals of the metric cells in the Markdown and HTML tables (0–8). */
    public EvaluationReport withDigits(int newDigits) {
        if (newDigits < 0 || newDigits > 8) {
            throw new IllegalArgumentException("digits must be 0–8, got " + newDigits);
        }
        return new EvaluationReport(newDigits, boxStyle);
    }

    /** What the boxes show: the paper's mean ± SE, or Tukey's quartiles. */
    public EvaluationReport with(BoxChart.BoxStyle style) {
        return new EvaluationReport(digits, Objects.requireNonNull(style, "style"));
    }

    /**
     * Writes the report into {@code folder} (replacing a previous report there).
     *
     * @return the written {@code index.html}
     * @throws org.dpr.DprException if the folder may not or cannot be written
     */
    public Path write(EvaluationResult result, Path folder) {
        Objects.requireNonNull(result, "result");
        ReportFolder.write(folder, temporary -> writeInto(result, temporary));
        return folder.resolve(ReportFolder.INDEX);
    }

    private void writeInto(EvaluationResult result, Path dir) {
        Table summary = result.summaryTable(digits);
        Table medians = SummaryTables.medians(result, digits);
        Table methods = methodsTable(result);
        Table settings = settingsTable(result);
        String summaryCaption = summaryCaption(result);
        SummaryTables.numeric(result).writeCsv(dir.resolve("summary.csv"));
        MetricTables.summaryLong(result.rows(), result.reference()).writeCsv(dir.resolve("summary-long.csv"));
        MetricTables.perFrame(result.rows(), result.frameDigests()).writeCsv(dir.resolve("metrics-per-frame.csv"));
        writeMarkdown(result, dir.resolve("summary.md"), summary, summaryCaption, medians, methods, settings);

        HtmlPage page = HtmlPage.titled(result.title())
                .withParagraph(String.format(Locale.ROOT, "%d frame%s from %s; methods %s. Significance: each method "
                                + "against %s.", result.frames(), result.frames() == 1 ? "" : "s", result.source(),
                        String.join(", ", result.labels()), result.reference()));
        if (result.rows().stream().allMatch(r -> Double.isNaN(r.psnrDb()))) {
            page = page.withParagraph("The frames carry no ground truth: only R_F (against the measured pixels) and the "
                    + "processing time are measured.");
        }
        page = page.withHeading("Summary")
                .withTable(summary, summaryCaption)
                .withTable(medians, "Median over frames.")
                .withParagraph(ssimNote())
                .withLink("summary.md (these tables as Markdown)", "summary.md")
                .withLink("summary.csv (one row per method: n, mean, SE, median, p, mark per metric)", "summary.csv")
                .withLink("summary-long.csv (one row per method and metric)", "summary-long.csv")
                .withLink("metrics-per-frame.csv (every frame and method)", "metrics-per-frame.csv");
        page = withCharts(page, result, dir);
        page = withImages(page, result, dir);
        page = page.withHeading("Methods").withTable(methods, "parameters as recorded in result files; recipe of the first frame")
                .withHeading("Settings").withTable(settings, "");
        page.writeTo(dir);
    }

    private String summaryCaption(EvaluationResult result) {
        return "mean ± standard error over frames; marks: " + Significance.LEGEND + " — each method against "
                + result.reference() + ". PSNR, SSIM and PCC are taken after aligning each image to the ground truth "
                + "(translation and twin); R_F on the measured pixels (eq. 6).";
    }

    private static String ssimNote() {
        return SsimForm.GLOBAL_EQ6.label() + ": the paper's eq. 6, one set of statistics over the whole n×n image, "
                + "c1 = (0.01·max Y)², c2 = (0.03·max Y)². " + SsimForm.WINDOWED.label()
                + ": mean of local SSIM under an 11×11 Gaussian window (σ 1.5 px); undefined (–) when n < 11.";
    }

    private HtmlPage withCharts(HtmlPage page, EvaluationResult result, Path dir) {
        List<HtmlPage.Figure> boxes = new ArrayList<>();
        List<String> vectors = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            if (metric == Metric.SECONDS) {
                continue;
            }
            Map<String, double[]> values = MetricRows.valuesByMethod(result.rows(), metric);
            if (values.values().stream().flatMapToDouble(java.util.Arrays::stream).noneMatch(Double::isFinite)) {
                skipped.add(metric.label());
                continue;
            }
            Map<String, String> marks = new LinkedHashMap<>();
            SummaryTables.tests(result.rows(), metric, result.reference())
                    .forEach((method, test) -> marks.put(method, test.stars()));
            var chart = BoxChart.withDefaults().with(boxStyle).withTitle(metric.label()).withValueLabel(metric.label())
                    .withMarks(marks).build(values);
            String stem = "figures/box-" + metric.column();
            ChartFiles.writePng(chart, dir.resolve(stem + ".png"), CHART_WIDTH_PX, CHART_HEIGHT_PX);
            ChartFiles.writeSvg(chart, dir.resolve(stem + ".svg"), CHART_WIDTH_PX, CHART_HEIGHT_PX);
            boxes.add(new HtmlPage.Figure(stem + ".png", metric.label()));
            vectors.add(stem + ".svg");
        }
        page = page.withHeading("Distributions over frames");
        if (boxes.isEmpty()) {
            page = page.withParagraph("No metric has a finite value to plot.");
        } else {
            page = page.withParagraph(boxStyle == BoxChart.BoxStyle.MEAN_STANDARD_ERROR
                            ? "Boxes span mean ± standard error with a line at the mean (the paper's Figs. 1–2); marks after "
                            + "the method names as in the summary table."
                            : "Boxes span the quartiles with a line at the median, whiskers to 1.5·IQR; marks after the "
                            + "method names as in the summary table.")
                    .withImageGrid(boxes, 2);
        }
        if (!skipped.isEmpty()) {
            page = page.withParagraph("Not plotted (no finite value): " + String.join(", ", skipped) + ".");
        }
        for (String svg : vectors) {
            page = page.withLink("vector version: " + svg, svg);
        }
        Map<String, double[]> seconds = MetricRows.valuesByMethod(result.rows(), Metric.SECONDS);
        page = page.withHeading("Processing time per pattern");
        if (seconds.values().stream().flatMapToDouble(java.util.Arrays::stream).anyMatch(v -> v > 0 && Double.isFinite(v))) {
            var chart = TimingChart.withDefaults().withTitle("Processing time per pattern").build(seconds);
            ChartFiles.writePng(chart, dir.resolve("figures/time.png"), CHART_WIDTH_PX, CHART_HEIGHT_PX);
            ChartFiles.writeSvg(chart, dir.resolve("figures/time.svg"), CHART_WIDTH_PX, CHART_HEIGHT_PX);
            page = page.withParagraph("Mean ± standard error on a logarithmic axis; a batch's time is shared among its frames.")
                    .withImageGrid(List.of(new HtmlPage.Figure("figures/time.png", "time per pattern (s), log axis")), 2)
                    .withLink("vector version: figures/time.svg", "figures/time.svg");
        } else {
            page = page.withParagraph("No method recorded a processing time.");
        }
        return page;
    }

    private HtmlPage withImages(HtmlPage page, EvaluationResult result, Path dir) {
        if (result.shown().isEmpty()) {
            return page;
        }
        page = page.withHeading("Images").withParagraph("Each row: the measured pattern (log scale, missing pixels grey), "
                + "the ground truth, then each method's image aligned to it (translation and twin). The images of a frame "
                + "share one linear grey scale from min(0, smallest value) to the largest value.");
        for (ShownFrame shown : result.shown()) {
            List<Picture> pictures = pictures(result, shown);
            pictures.forEach(p -> p.writer().accept(dir.resolve(p.figure().path())));
            page = page.withHeading("Frame " + shown.frameIndex())
                    .withImageGrid(pictures.stream().map(Picture::figure).toList(), Math.min(pictures.size(), 6));
        }
        return page;
    }

    /**
     * The pictures of one shown frame as the report names them (paths relative to the report
     * folder, captions): pattern, ground truth (if any), then each method. Pages that embed a
     * report's pictures (e.g. {@code dpr demo}'s overview) use this.
     */
    public static List<HtmlPage.Figure> figures(EvaluationResult result, ShownFrame shown) {
        return pictures(result, shown).stream().map(Picture::figure).toList();
    }

    /** A picture of the report: where it goes and how to draw it there. */
    private record Picture(HtmlPage.Figure figure, Consumer<Path> writer) {
    }

    private static List<Picture> pictures(EvaluationResult result, ShownFrame shown) {
        String prefix = String.format(Locale.ROOT, "images/frame-%05d-", shown.frameIndex());
        DiffractionFrame frame = shown.frame();
        List<Picture> pictures = new ArrayList<>();
        pictures.add(new Picture(new HtmlPage.Figure(prefix + "pattern.png", String.format(Locale.ROOT,
                "frame %d: measured pattern, %.1f %% of pixels measured", shown.frameIndex(),
                100.0 * frame.measuredPixels() / ((double) frame.height() * frame.width()))),
                file -> PatternPicture.withDefaults().withColourBar(PatternPicture.ColourBar.HIDDEN).write(file, frame)));
        Map<String, float[]> drawn = new LinkedHashMap<>();
        float[] truth = frame.hasGroundTruth() ? frame.groundTruth() : null;
        for (Map.Entry<String, float[]> e : shown.objects().entrySet()) {
            float[] object = e.getValue();
            drawn.put(e.getKey(), truth != null && truth.length == object.length
                    ? Alignment.withDefaults().align(object, truth, side(object), side(object)).aligned() : object);
        }
        ObjectPicture scale = commonScale(truth, drawn.values());
        if (truth != null) {
            pictures.add(new Picture(new HtmlPage.Figure(prefix + "truth.png", "ground truth"), file -> draw(scale, file, truth)));
        }
        Map<String, String> stems = fileStems(result.labels());
        for (Map.Entry<String, float[]> e : drawn.entrySet()) {
            float[] image = e.getValue();
            pictures.add(new Picture(new HtmlPage.Figure(prefix + stems.get(e.getKey()) + ".png",
                    caption(e.getKey(), shown.metrics().get(e.getKey()))), file -> draw(scale, file, image)));
        }
        return pictures;
    }

    private static void draw(ObjectPicture scale, Path file, float[] image) {
        int n = side(image);
        scale.withMagnification(Math.max(1, PICTURE_PX / n)).write(file, n, n, image);
    }

    /** One grey scale for a frame's images: [min(0, smallest), largest] over all of them. */
    private static ObjectPicture commonScale(float[] truth, Iterable<float[]> images) {
        double low = 0;
        double high = Double.NEGATIVE_INFINITY;
        List<float[]> all = new ArrayList<>();
        images.forEach(all::add);
        if (truth != null) {
            all.add(truth);
        }
        for (float[] image : all) {
            for (float v : image) {
                if (Float.isFinite(v)) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
        }
        return high > low ? ObjectPicture.withDefaults().withRange(low, high) : ObjectPicture.withDefaults();
    }

    private static String caption(String method, MetricRow m) {
        if (Double.isNaN(m.psnrDb())) {
            return String.format(Locale.ROOT, "%s: R_F %.3f", method, m.rF());
        }
        return String.format(Locale.ROOT, "%s: PSNR %.2f dB, SSIM %.3f (global), R_F %.3f", method, m.psnrDb(),
                m.ssimGlobal(), m.rF());
    }

    private static int side(float[] image) {
        int n = (int) Math.round(Math.sqrt(image.length));
        if (n * n != image.length) {
            throw new IllegalArgumentException("image of " + image.length + " values is not square");
        }
        return n;
    }

    /** File-name stems for method labels: safe characters, unique. */
    static Map<String, String> fileStems(List<String> labels) {
        Map<String, String> stems = new LinkedHashMap<>();
        Set<String> used = new HashSet<>(Set.of("pattern", "truth"));
        for (String label : labels) {
            String base = label.toLowerCase(Locale.ROOT).replace("+", "-plus-").replaceAll("[^a-z0-9._-]+", "_")
                    .replaceAll("^[-_.]+|[-_.]+$", "");
            String stem = base.isEmpty() ? "method" : base;
            for (int k = 2; used.contains(stem); k++) {
                stem = base + "-" + k;
            }
            used.add(stem);
            stems.put(label, stem);
        }
        return stems;
    }

    private static Table methodsTable(EvaluationResult result) {
        Table table = Table.withHeader("method", "kind", "parameters", "recipe");
        for (MethodInfo m : result.methods()) {
            // a space after each JSON comma lets browsers wrap the long settings
            table = table.withRow(m.label(), m.kind(), m.parametersJson().replace(",\"", ", \""), m.recipe());
        }
        return table;
    }

    private static Table settingsTable(EvaluationResult result) {
        Table table = Table.withHeader("setting", "value");
        table = table.withRow("source", result.source());
        table = table.withRow("frames evaluated", Integer.toString(result.frames()));
        table = table.withRow("significance reference", result.reference());
        for (Map.Entry<String, String> e : result.settings().entrySet()) {
            table = table.withRow(e.getKey(), e.getValue());
        }
        return table;
    }

    private static void writeMarkdown(EvaluationResult result, Path file, Table summary, String summaryCaption,
                                      Table medians, Table methods, Table settings) {
        String text = "# " + result.title() + "\n\n"
                + "## Mean ± standard error\n\n" + summary.toMarkdown() + "\n" + summaryCaption + "\n\n"
                + "## Median\n\n" + medians.toMarkdown() + "\n" + ssimNote() + "\n\n"
                + "## Methods\n\n" + methods.toMarkdown() + "\n"
                + "## Settings\n\n" + settings.toMarkdown();
        writeString(file, text);
    }

    /** Plain write: the whole folder is temporary until {@link ReportFolder} moves it into place. */
    private static void writeString(Path file, String text) {
        try {
            java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
            java.nio.file.Files.writeString(file, text, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new org.dpr.DprException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
