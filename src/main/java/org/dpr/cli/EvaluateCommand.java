package org.dpr.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import me.tongfei.progressbar.ProgressBar;
import org.dpr.DprException;
import org.dpr.evaluate.Evaluation;
import org.dpr.evaluate.EvaluationListener;
import org.dpr.evaluate.EvaluationReport;
import org.dpr.evaluate.EvaluationResult;
import org.dpr.metrics.MetricRow;
import org.dpr.report.MetricTables;
import org.dpr.report.Table;
import org.dpr.evaluate.ReportFolder;
import org.dpr.io.FrameSource;
import org.dpr.io.FrameSources;
import org.dpr.metrics.Significance;
import org.dpr.nn.DprModel;
import org.dpr.pipeline.DprMethod;
import org.dpr.pipeline.ReconstructionMethod;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dpr evaluate}: every method on a test set with ground truth, as the paper's Figs. 1–2. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare reconstruction methods on frames with a ground truth (as 'dpr simulate'",
                "writes): per-frame aligned R_F, PSNR, SSIM (global eq. 6 and windowed), PCC and",
                "time; summary tables (mean ± SE, median; Markdown, CSV) with two-sided",
                "Mann–Whitney tests against DPR; box plots; time on a log axis; image grids;",
                "all in DIR/index.html. Iterative methods follow the paper's protocol by default",
                "(100 starts × 1000 iterations); lower --starts/--iterations to trade accuracy",
                "for time (recorded in the report)."})
public final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--test", required = true, paramLabel = "FILE",
            description = "Test frames with ground truth: CXI/HDF5 as 'dpr simulate' writes.")
    Path test;

    @Option(names = "--algorithms", defaultValue = "dpr,dpr+r,hio,gps", paramLabel = "LIST",
            description = "Comma-separated methods, in report order: dpr, dpr+r, er, hio, raar, gps, gps-f (default: ${DEFAULT-VALUE}).")
    String algorithms;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR",
            description = "Report folder; written whole at the end (a previous report there is replaced).")
    Path out;

    @Mixin
    InputOptions inputOptions;

    @Mixin
    PreprocessOptions preprocessOptions;

    @Option(names = "--model", paramLabel = "MODEL.json",
            description = "DPR model descriptor for dpr and dpr+r (default: the shipped model, models/dpr-small).")
    Path model;

    @Option(names = "--starts", paramLabel = "N", defaultValue = "100",
            description = "Random starts of the iterative methods (default: ${DEFAULT-VALUE}, the paper's).")
    int starts;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "1000",
            description = "Iterations per start of the iterative methods (default: ${DEFAULT-VALUE}, the paper's).")
    int iterations;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Seed of the random starts (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--show", paramLabel = "K,K,…",
            description = "Frames to draw, by index as in the per-frame table, or 'none' (default: the first "
                    + Evaluation.DEFAULT_SHOWN_FRAMES + ").")
    String show;

    @Option(names = "--reference", paramLabel = "NAME",
            description = "The method the others are tested against (default: dpr if listed, else the first).")
    String reference;

    @Option(names = "--chunk", paramLabel = "N", defaultValue = "16", description = "Frames reconstructed together (default: ${DEFAULT-VALUE}).")
    int chunk;

    @Option(names = "--reuse", paramLabel = "DIR[,DIR…]", split = ",",
            description = "Earlier 'dpr evaluate' reports of the same test frames: methods of --algorithms found in their "
                    + "metrics-per-frame.csv are not run again but taken from there (several folders add up, e.g. chunks "
                    + "of frames); the report records where they came from.")
    List<Path> reuse = List.of();

    @Option(names = "--title", paramLabel = "TEXT", description = "Title of the report (default: 'dpr evaluate — FILE').")
    String title;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<String> names = parseAlgorithms(algorithms);
        List<Long> shown = parseShow(show);
        if (starts < 1 || iterations < 1) {
            throw new IllegalArgumentException("--starts and --iterations must be ≥ 1, got " + starts + " and " + iterations);
        }
        if (chunk < 1) {
            throw new IllegalArgumentException("--chunk must be ≥ 1, got " + chunk);
        }
        if (!Files.isRegularFile(test)) {
            throw new DprException("test file not found: " + test);
        }
        Map<String, ReusedRows> reusedRows = readReused(reuse, names);
        boolean usesDpr = names.stream().filter(n -> !reusedRows.containsKey(n)).anyMatch(EvaluateCommand::isDpr);
        if (model != null && !usesDpr) {
            throw new IllegalArgumentException("--model applies to dpr and dpr+r, and --algorithms lists neither");
        }
        if (reference != null && !names.contains(reference)) {
            throw new IllegalArgumentException("--reference '" + reference + "' is not one of --algorithms " + names);
        }
        ReportFolder.checkWritable(out);

        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("command line", Provenance.commandLine(spec));
        settings.put("--frames", inputOptions.toReadOptions().frames().equals(org.dpr.io.FrameRange.ALL) ? "all" : inputOptions.toReadOptions().frames().toString());
        settings.put("--starts (iterative methods)", Integer.toString(starts));
        settings.put("--iterations (iterative methods)", Integer.toString(iterations));
        settings.put("--seed", Long.toString(seed));

        DprModel loaded = null;
        try (FrameSource source = org.dpr.preprocess.PreprocessedSource.wrap(
                FrameSources.open(test, inputOptions.toReadOptions()), preprocessOptions.toPreprocessor(model))) {
            Evaluation evaluation = Evaluation.withDefaults()
                    .withTitle(title != null ? title : "dpr evaluate — " + test.getFileName())
                    .withChunkFrames(chunk);
            if (usesDpr) {
                Path descriptor = model != null ? model : Models.defaultModel();
                loaded = loadModel(descriptor, source);
                settings.put("--model", descriptor.toString());
            }
            settings.put("dpr version", Provenance.version());
            if (!reuse.isEmpty()) {
                settings.put("--reuse", reuse.toString());
            }
            evaluation = evaluation.withSettings(settings);
            for (String name : names) {
                ReusedRows reused = reusedRows.get(name);
                evaluation = reused != null ? evaluation.withReusedRows(name, reused.rows(), reused.frameDigests(), reused.origin())
                        : evaluation.withMethod(createMethod(name, loaded));
            }
            if (reference != null) {
                evaluation = evaluation.withReference(reference);
            }
            if (shown != null) {
                evaluation = evaluation.withShownFrames(shown);
            }
            EvaluationResult result = evaluation.run(source, new ProgressBars());
            Path index = EvaluationReport.withDefaults().write(result, out);
            printSummary(spec.commandLine().getOut(), result, index);
        } finally {
            if (loaded != null) {
                loaded.close();
            }
        }
        return 0;
    }

    /** A method's rows gathered from the --reuse folders, and where they came from. */
    record ReusedRows(List<MetricRow> rows, Map<Long, String> frameDigests, String origin) {
    }

    /**
     * The rows of each method of {@code names} found in the reports' per-frame tables, with the
     * content digests of their frames (checked against the evaluated frames later) and each report's
     * iterative protocol and command line as its origin.
     */
    static Map<String, ReusedRows> readReused(List<Path> folders, List<String> names) {
        Map<String, List<MetricRow>> rows = new LinkedHashMap<>();
        Map<String, Map<Long, String>> digests = new LinkedHashMap<>();
        Map<String, List<String>> origins = new LinkedHashMap<>();
        for (Path folder : folders) {
            Path csv = folder.resolve("metrics-per-frame.csv");
            if (!Files.isRegularFile(csv)) {
                throw new DprException("--reuse " + folder + ": no metrics-per-frame.csv there (is it a 'dpr evaluate' report?)");
            }
            Table table;
            List<MetricRow> found;
            try {
                table = Table.readCsv(csv);
                found = MetricTables.rowsOf(table);
            } catch (IllegalArgumentException | UncheckedIOException e) {
                throw new DprException("--reuse " + folder + ": unreadable metrics-per-frame.csv: " + e.getMessage());
            }
            // reports older than the digests have no such column: their rows stay unverified
            int digestColumn = table.header().indexOf(MetricTables.FRAME_DIGEST_COLUMN);
            String origin = folder + describe(reportSettings(folder));
            boolean any = false;
            for (int k = 0; k < found.size(); k++) {
                MetricRow row = found.get(k);
                if (names.contains(row.method())) {
                    any = true;
                    rows.computeIfAbsent(row.method(), m -> new ArrayList<>()).add(row);
                    if (digestColumn >= 0) {
                        digests.computeIfAbsent(row.method(), m -> new LinkedHashMap<>())
                                .put((long) row.index(), table.rows().get(k).get(digestColumn).strip());
                    }
                    List<String> o = origins.computeIfAbsent(row.method(), m -> new ArrayList<>());
                    if (!o.contains(origin)) {
                        o.add(origin);
                    }
                }
            }
            if (!any) {
                throw new DprException("--reuse " + folder + " holds none of --algorithms " + names + " (it has "
                        + found.stream().map(MetricRow::method).distinct().toList() + ")");
            }
        }
        Map<String, ReusedRows> result = new LinkedHashMap<>();
        rows.forEach((name, list) -> result.put(name, new ReusedRows(list, digests.getOrDefault(name, Map.of()),
                String.join("; ", origins.get(name)))));
        return result;
    }

    /** The settings table of a report's summary.md (setting → value), empty when there is none. */
    static Map<String, String> reportSettings(Path folder) {
        Map<String, String> settings = new LinkedHashMap<>();
        Path summary = folder.resolve("summary.md");
        if (!Files.isRegularFile(summary)) {
            return settings;
        }
        try {
            boolean inSettings = false;
            for (String line : Files.readAllLines(summary)) {
                if (line.startsWith("## ")) {
                    inSettings = line.equals("## Settings");
                } else if (inSettings && line.startsWith("| ") && line.endsWith(" |")) {
                    String[] cells = line.substring(2, line.length() - 2).split(" \\| ", 2);
                    if (cells.length == 2) {
                        settings.put(cells[0].strip(), cells[1].strip().replace("\\|", "|").replace("\\\\", "\\"));
                    }
                }
            }
        } catch (IOException e) {
            throw new DprException("--reuse " + folder + ": cannot read summary.md: " + e.getMessage());
        }
        return settings;
    }

    /** " (100 starts × 1000 iterations; dpr evaluate …)" from a report's settings, or "". */
    private static String describe(Map<String, String> settings) {
        List<String> parts = new ArrayList<>();
        String starts = settings.get("--starts (iterative methods)");
        String iterations = settings.get("--iterations (iterative methods)");
        if (starts != null && iterations != null) {
            parts.add(starts + " starts × " + iterations + " iterations");
        }
        if (settings.containsKey("command line")) {
            parts.add(settings.get("command line"));
        }
        return parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")";
    }

    /** The DPR model, refused with a clear message when it was made for another window than the data's. */
    static DprModel loadModel(Path descriptor, FrameSource source) {
        DprModel loaded = DprModel.load(descriptor);
        int window = loaded.config().geometry().windowPx();
        if (source.height() != window || source.width() != window) {
            loaded.close();
            throw new DprException("the model " + descriptor.getFileName() + " expects " + window + "×" + window
                    + " patterns but " + source.description() + " holds " + source.height() + "×" + source.width()
                    + "; give a model for this window with --model, or bring the data to the model's window with 'dpr preprocess'");
        }
        return loaded;
    }

    private ReconstructionMethod createMethod(String name, DprModel loaded) {
        if (isDpr(name)) {
            Path descriptor = model != null ? model : Models.defaultModel();
            return DprMethod.of(loaded, descriptor.getFileName().toString(),
                    "dpr".equals(name) ? DprMethod.Mode.DPR : DprMethod.Mode.DPR_REFINED);
        }
        return iterativeMethod(name, starts, iterations, seed);
    }

    /** An iterative method exactly as {@code dpr reconstruct --algorithm NAME --starts … --iterations …} builds it. */
    static ReconstructionMethod iterativeMethod(String name, int starts, int iterations, long seed) {
        MethodOptions options = new MethodOptions();
        new CommandLine(options).parseArgs("--algorithm", name, "--starts", Integer.toString(starts),
                "--iterations", Integer.toString(iterations), "--seed", Long.toString(seed));
        return options.create();
    }

    static boolean isDpr(String name) {
        return "dpr".equals(name) || "dpr+r".equals(name);
    }

    /** The algorithm names: lower case, no blanks, no repeats; "gps-r" is "gps". */
    static List<String> parseAlgorithms(String text) {
        Set<String> names = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            String name = part.strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if ("gps-r".equals(name)) {
                name = "gps";
            }
            if (!List.of("dpr", "dpr+r", "er", "hio", "raar", "gps", "gps-f").contains(name)) {
                throw new IllegalArgumentException("unknown algorithm '" + part.strip()
                        + "' in --algorithms: use dpr, dpr+r, er, hio, raar, gps, gps-f");
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException("--algorithms lists '" + name + "' twice");
            }
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("--algorithms is empty");
        }
        return List.copyOf(names);
    }

    /** null (default: the first frames), an empty list ("none") or frame indices. */
    static List<Long> parseShow(String text) {
        if (text == null) {
            return null;
        }
        if ("none".equalsIgnoreCase(text.strip())) {
            return List.of();
        }
        List<Long> indices = new ArrayList<>();
        for (String part : text.split(",")) {
            try {
                indices.add(Long.parseLong(part.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--show takes frame indices like 0,1,2 or 'none', got '" + text + "'");
            }
        }
        return indices;
    }

    /** Prints the summary table (Markdown) and where the report is. */
    static void printSummary(PrintWriter stdout, EvaluationResult result, Path index) {
        stdout.println(result.summaryTable(4).toMarkdown().stripTrailing());
        stdout.printf(Locale.ROOT, "mean ± standard error over %d frame%s; %s — each method against %s%n", result.frames(),
                result.frames() == 1 ? "" : "s", Significance.LEGEND, result.reference());
        stdout.printf(Locale.ROOT, "report: %s%n", index.toAbsolutePath().normalize());
        stdout.flush();
    }

    /** One progress bar per method on standard error. */
    static final class ProgressBars implements EvaluationListener {
        private ProgressBar bar;

        @Override
        public IntConsumer methodStarted(String method, int frames) {
            bar = Progress.bar(method, frames, "frames");
            return bar::stepTo;
        }

        @Override
        public void methodFinished(String method) {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }
    }
}
