package org.dpr.pipeline;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.dpr.DprException;
import org.dpr.io.DiffractionFrame;
import org.dpr.io.image.ObjectPicture;
import org.dpr.metrics.Alignment;
import org.dpr.metrics.ImageMetrics;
import org.dpr.metrics.LocalRFactor;
import org.dpr.metrics.PearsonInterval;
import org.dpr.metrics.RadialProfile;
import org.dpr.metrics.Summary;
import org.dpr.report.ChartFiles;
import org.dpr.report.HtmlPage;
import org.dpr.report.LineChart;
import org.dpr.report.Series;
import org.dpr.report.Table;
import org.dpr.report.TimingChart;
import org.dpr.retrieve.Algorithm;
import org.dpr.retrieve.InitialSupport;
import org.dpr.retrieve.IterativeReconstructor;
import org.dpr.retrieve.Selection;

/**
 * The report on reconstructions of measured data, which have no ground truth (paper §2.3, Fig. 3–4
 * and Supplementary Fig. 2): for each frame and method the object, the measured beside the
 * reconstructed diffraction (log scales), the local R_F as a radial profile over |q| (one line per
 * method), the pairwise Pearson correlations of the aligned reconstructions with 95 % confidence
 * intervals (Fisher z; for each pair the later method's object is first aligned to the earlier one's
 * by translation and twin), each object shown centred by its centre of mass,
 * and the processing times. Writes {@code index.html} with its figures and CSV tables into a folder.
 *
 * <pre>{@code
 * MeasuredReport.Result r = MeasuredReport.withDefaults()
 *         .withNotes("Preprocessing", log.lines())
 *         .run(frames, List.of(dpr, dprRefined,
 *                 MeasuredReport.experimentalProtocol(Algorithm.HIO, 100, 1000, 0),
 *                 MeasuredReport.experimentalProtocol(Algorithm.GPS_R, 100, 1000, 0)), Path.of("report"));
 * }</pre>
 *
 * <p>Defaults: the first 4 frames shown in full (summary and times cover all), 95 % intervals.
 * Immutable.
 */
public final class MeasuredReport {

    private static final MeasuredReport DEFAULT = new MeasuredReport("dpr — reconstructions of measured data", 4, 0.95,
            "", List.of());
    private static final int OBJECT_PICTURE_PX = 256;

    private final String title;
    private final int maxFramesShown;
    private final double confidence;
    private final String notesHeading;
    private final List<String> notes;

    private MeasuredReport(String title, int maxFramesShown, double confidence, String notesHeading, List<String> notes) {
        this.title = title;
        this.maxFramesShown = maxFramesShown;
        this.confidence = confidence;
        this.notesHeading = notesHeading;
        this.notes = List.copyOf(notes);
    }

    public static MeasuredReport withDefaults() {
        return DEFAULT;
    }

    public MeasuredReport withTitle(String newTitle) {
        return new MeasuredReport(Objects.requireNonNull(newTitle, "title"), maxFramesShown, confidence, notesHeading, notes);
    }

    /** Frames shown with pictures, profiles and correlation tables (≥ 1); the summary covers all. */
    public MeasuredReport withMaxFramesShown(int frames) {
        if (frames < 1) {
            throw new IllegalArgumentException("at least one frame must be shown, got " + frames);
        }
        return new MeasuredReport(title, frames, confidence, notesHeading, notes);
    }

    /** Confidence level of the correlation intervals, in (0, 1). */
    public MeasuredReport withConfidence(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + level);
        }
        return new MeasuredReport(title, maxFramesShown, level, notesHeading, notes);
    }

    /** A section of plain lines before the results, e.g. the preprocessing log. */
    public MeasuredReport withNotes(String heading, List<String> lines) {
        return new MeasuredReport(title, maxFramesShown, confidence, Objects.requireNonNull(heading, "heading"),
                Objects.requireNonNull(lines, "lines"));
    }

    /**
     * An iterative method with the paper's protocol for experimental data (§4.5): the initial support
     * a centred square of 30/64 of the object box (30×30 at N 512), the aligned average of the best 5
     * runs by R_F (of all runs when there are fewer).
     */
    public static IterativeMethod experimentalProtocol(Algorithm algorithm, int starts, int iterations, long seed) {
        IterativeReconstructor r = IterativeReconstructor.withDefaults().withAlgorithm(algorithm).withStarts(starts)
                .withIterations(iterations).withSeed(seed).withInitialSupport(InitialSupport.experiment())
                .withSelection(starts > 1 ? Selection.averageOfBest(Math.min(5, starts)) : Selection.lowestRf());
        return new IterativeMethod(algorithm == Algorithm.GPS_R ? "gps" : algorithm.cliName(), r);
    }

    /** One frame's comparison of the methods (in method order). */
    public record FrameReport(long frameIndex, List<String> methods, double[] rf, double[] seconds,
                              PearsonInterval[][] correlations, List<RadialProfile> localRf) {
    }

    /** The written page and the numbers on it. */
    public record Result(Path index, List<FrameReport> frames) {
    }

    /**
     * Runs every method on {@code frames} (in the list's order, each on all frames) and writes the
     * report into {@code folder}.
     */
    public Result run(List<DiffractionFrame> frames, List<ReconstructionMethod> methods, Path folder) {
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("the report needs at least one method");
        }
        Map<String, List<ObjectEstimate>> estimates = new LinkedHashMap<>();
        for (ReconstructionMethod m : methods) {
            List<ObjectEstimate> out = new ArrayList<>(frames.size());
            m.reconstruct(frames, out::add);
            if (estimates.put(m.name(), out) != null) {
                throw new IllegalArgumentException("two methods are named " + m.name());
            }
        }
        return write(frames, estimates, folder);
    }

    /**
     * Writes the report of reconstructions already made: for each method (map order; the first is
     * the alignment reference) one estimate per frame, in frame order.
     */
    public Result write(List<DiffractionFrame> frames, Map<String, List<ObjectEstimate>> estimates, Path folder) {
        if (frames.isEmpty() || estimates.isEmpty()) {
            throw new IllegalArgumentException("the report needs at least one frame and one method");
        }
        List<String> methods = List.copyOf(estimates.keySet());
        estimates.forEach((m, list) -> {
            if (list.size() != frames.size()) {
                throw new IllegalArgumentException(m + " has " + list.size() + " estimates for " + frames.size() + " frames");
            }
        });
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new DprException("cannot create the report folder " + folder + ": " + e.getMessage(), e);
        }
        HtmlPage page = HtmlPage.titled(title).withParagraph(String.format(Locale.ROOT,
                "%d frame%s of %d×%d, methods: %s. Measured data have no ground truth: the methods are compared by their"
                        + " agreement with the measured diffraction (R_F, local R_F over |q|) and with each other (Pearson"
                        + " correlation of the aligned images, %.0f %% intervals by Fisher's z).",
                frames.size(), frames.size() == 1 ? "" : "s", frames.get(0).height(), frames.get(0).width(),
                String.join(", ", methods), 100 * confidence));
        if (!notes.isEmpty()) {
            page = page.withHeading(notesHeading);
            for (String line : notes) {
                page = page.withParagraph(line);
            }
        }
        page = summary(page, methods, estimates, folder);
        List<FrameReport> reports = new ArrayList<>();
        for (int k = 0; k < frames.size(); k++) {
            int position = k;
            Map<String, ObjectEstimate> row = new LinkedHashMap<>();
            methods.forEach(m -> row.put(m, estimates.get(m).get(position)));
            Comparison c = compare(frames.get(k), row);
            reports.add(c.report());
            if (k < maxFramesShown) {
                page = frameSection(page, frames.get(k), row, c, folder);
            }
        }
        if (frames.size() > maxFramesShown) {
            page = page.withParagraph((frames.size() - maxFramesShown) + " more frames are in the summary but not shown.");
        }
        return new Result(page.writeTo(folder), List.copyOf(reports));
    }

    /** A frame's report and each method's object centred by its centre of mass, as shown. */
    private record Comparison(FrameReport report, List<float[]> centred) {
    }

    private Comparison compare(DiffractionFrame frame, Map<String, ObjectEstimate> row) {
        List<String> methods = List.copyOf(row.keySet());
        ObjectEstimate reference = row.get(methods.get(0));
        int n = reference.objectBoxPx();
        List<float[]> centred = new ArrayList<>();
        double[] rf = new double[methods.size()];
        double[] seconds = new double[methods.size()];
        List<RadialProfile> profiles = new ArrayList<>();
        for (int i = 0; i < methods.size(); i++) {
            ObjectEstimate e = row.get(methods.get(i));
            if (e.objectBoxPx() != n) {
                throw new IllegalArgumentException("the methods return objects of different sizes: " + methods.get(0) + " "
                        + n + " px, " + methods.get(i) + " " + e.objectBoxPx() + " px");
            }
            // shown centred by the centre of mass: no method is a trustworthy reference on measured data
            centred.add(Alignment.centredByMass(e.object(), n, n));
            rf[i] = e.rf();
            seconds[i] = e.seconds();
            profiles.add(LocalRFactor.withDefaults().radialProfile(e.object(), frame));
        }
        PearsonInterval[][] pcc = new PearsonInterval[methods.size()][methods.size()];
        for (int i = 0; i < methods.size(); i++) {
            for (int j = i; j < methods.size(); j++) {
                double r = i == j ? 1 : ImageMetrics.pcc(centred.get(i),
                        Alignment.withDefaults().align(centred.get(j), centred.get(i), n, n).aligned());
                pcc[i][j] = Double.isNaN(r) ? null : PearsonInterval.of(r, (long) n * n, confidence);
                pcc[j][i] = pcc[i][j];
            }
        }
        return new Comparison(new FrameReport(reference.frameIndex(), methods, rf, seconds, pcc, List.copyOf(profiles)),
                List.copyOf(centred));
    }

    private PageFragment summaryTable(List<String> methods, Map<String, List<ObjectEstimate>> estimates) {
        Table table = Table.withHeader("method", "R_F (mean ± SE)", "time per frame (mean ± SE)", "frames");
        Map<String, double[]> times = new LinkedHashMap<>();
        for (String m : methods) {
            double[] rf = estimates.get(m).stream().mapToDouble(ObjectEstimate::rf).toArray();
            double[] s = estimates.get(m).stream().mapToDouble(ObjectEstimate::seconds).toArray();
            Summary rfs = Summary.of(rf);
            Summary ts = Summary.of(s);
            table = table.withRow(m, rfs.meanPlusMinus(4), TimingChart.formatSeconds(ts.mean(), ts.standardError()),
                    Integer.toString(rf.length));
            times.put(m, s);
        }
        return new PageFragment(table, times);
    }

    private record PageFragment(Table table, Map<String, double[]> times) {
    }

    private HtmlPage summary(HtmlPage page, List<String> methods, Map<String, List<ObjectEstimate>> estimates, Path folder) {
        PageFragment f = summaryTable(methods, estimates);
        f.table().writeCsv(folder.resolve("summary.csv"));
        page = page.withHeading("Summary").withTable(f.table(), "R_F (eq. 6) on measured pixels; processing time per pattern")
                .withLink("summary.csv", "summary.csv");
        boolean anyTime = f.times().values().stream().flatMapToDouble(java.util.Arrays::stream).anyMatch(t -> t > 0);
        if (anyTime) {
            ChartFiles.writePng(TimingChart.withDefaults().withTitle("processing time per pattern").build(f.times()),
                    folder.resolve("timing.png"), 640, 360);
            page = page.withImageGrid(List.of(new HtmlPage.Figure("timing.png", "processing time per pattern (log scale)")), 1);
        }
        return page;
    }

    private HtmlPage frameSection(HtmlPage page, DiffractionFrame frame, Map<String, ObjectEstimate> row, Comparison comparison,
                                  Path folder) {
        FrameReport report = comparison.report();
        String stem = String.format(Locale.ROOT, "frame-%05d", report.frameIndex());
        List<String> methods = report.methods();
        ObjectEstimate reference = row.get(methods.get(0));
        int n = reference.objectBoxPx();
        List<HtmlPage.Figure> objects = new ArrayList<>();
        List<HtmlPage.Figure> diffraction = new ArrayList<>();
        for (int i = 0; i < methods.size(); i++) {
            String m = methods.get(i);
            ObjectEstimate e = row.get(m);
            float[] shown = comparison.centred().get(i);
            String objectFile = stem + "-" + safe(m) + "-object.png";
            String diffractionFile = stem + "-" + safe(m) + "-diffraction.png";
            ObjectPicture.withDefaults().withMagnification(Math.max(1, Math.min(64, OBJECT_PICTURE_PX / n)))
                    .write(folder.resolve(objectFile), n, n, shown);
            writePng(Pictures.diffractionPair(e, frame), folder.resolve(diffractionFile));
            objects.add(new HtmlPage.Figure(objectFile, String.format(Locale.ROOT, "%s (R_F %.3f, %s), centred by its centre of mass",
                    m, e.rf(), TimingChart.formatSeconds(e.seconds()))));
            diffraction.add(new HtmlPage.Figure(diffractionFile, m + ": measured | reconstructed diffraction (log scale)"));
        }
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < methods.size(); i++) {
            if (report.localRf().get(i).totalCount() > 0) {
                series.add(Series.ofProfile(methods.get(i), report.localRf().get(i)));
            }
        }
        page = page.withHeading("Frame " + report.frameIndex())
                .withImageGrid(objects, Math.min(4, objects.size()))
                .withImageGrid(diffraction, Math.min(2, diffraction.size()));
        if (!series.isEmpty()) {
            String chartFile = stem + "-local-rf.png";
            ChartFiles.writePng(LineChart.withDefaults().withTitle("local R_F, frame " + report.frameIndex())
                    .withAxisLabels("|q| (pixels from the centre)", "local R_F").build(series), folder.resolve(chartFile), 720, 420);
            page = page.withImageGrid(List.of(new HtmlPage.Figure(chartFile,
                    "local R_F = |A − √I|/√I on measured pixels with I > 0.5 photons, mean ± SE per 1-px ring of |q|")), 1);
        }
        Table pcc = correlationTable(report);
        String csv = stem + "-pcc.csv";
        pcc.writeCsv(folder.resolve(csv));
        return page.withTable(pcc, String.format(Locale.ROOT, "Pearson correlation of the reconstructions [%.0f %% interval, Fisher z,"
                                + " n = %d pixels]; for each pair the later method's image is aligned to the earlier one's by translation and twin first",
                        100 * confidence, n * n))
                .withLink(csv, csv);
    }

    private static Table correlationTable(FrameReport report) {
        List<String> header = new ArrayList<>();
        header.add("PCC");
        header.addAll(report.methods());
        Table t = new Table(header, List.of());
        for (int i = 0; i < report.methods().size(); i++) {
            List<String> cells = new ArrayList<>();
            cells.add(report.methods().get(i));
            for (int j = 0; j < report.methods().size(); j++) {
                PearsonInterval p = report.correlations()[i][j];
                cells.add(p == null ? "–" : i == j ? "1"
                        : String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", p.r(), p.lower(), p.upper()));
            }
            t = t.withRow(cells);
        }
        return t;
    }

    private static void writePng(BufferedImage image, Path file) {
        try {
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new DprException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
