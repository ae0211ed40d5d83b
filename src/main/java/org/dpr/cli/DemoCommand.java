package org.dpr.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.dpr.DprException;
import org.dpr.Geometry;
import org.dpr.evaluate.Evaluation;
import org.dpr.evaluate.EvaluationReport;
import org.dpr.evaluate.EvaluationResult;
import org.dpr.evaluate.ReportFolder;
import org.dpr.evaluate.ShownFrame;
import org.dpr.io.FrameSource;
import org.dpr.io.FrameSources;
import org.dpr.metrics.Significance;
import org.dpr.nn.DprModel;
import org.dpr.pipeline.DprMethod;
import org.dpr.report.HtmlPage;
import org.dpr.simulate.MaskKind;
import org.dpr.simulate.MaskRecipe;
import org.dpr.simulate.SimulationConfig;
import org.dpr.simulate.SimulationWriter;
import org.dpr.simulate.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code dpr demo}: the project's main job on built-in defaults. Simulates two small test sets at
 * N = 128 — the paper's irregular masks with a beamstop, and a constant 4×4 centre square —
 * reconstructs them with DPR, DPR+R (the shipped model), HIO and GPS, and writes
 * {@code demo-report/index.html} with both evaluations. The iterative methods run a reduced
 * protocol (default 12 starts × 250 iterations instead of the paper's 100 × 1000) so that the whole
 * demo takes about two minutes on two cores (measured: 80 s for 2 × 16 frames on a busy 2-core
 * machine, HIO ≈ 0.7 s and GPS ≈ 1.6 s per frame); the report says so.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the whole system on built-in defaults: simulate two small N = 128 test",
                "sets (irregular masks + beamstop; a constant 4×4 centre square), reconstruct",
                "them with DPR, DPR+R, HIO and GPS (HIO and GPS with fewer starts and iterations",
                "than the paper), and write an HTML report with tables, plots and pictures.",
                "Takes about two minutes on two cores."})
public final class DemoCommand implements Callable<Integer> {

    /** The demo's window: the CPU-sized geometry of the shipped model. */
    static final Geometry GEOMETRY = Geometry.SMALL;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "demo-report",
            description = "Report folder (default: ${DEFAULT-VALUE}); a previous demo report there is replaced.")
    Path outDir;

    @Option(names = "--frames", paramLabel = "N", defaultValue = "16", description = "Frames per mask set (default: ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--starts", paramLabel = "N", defaultValue = "12",
            description = "Random starts of HIO and GPS (default: ${DEFAULT-VALUE}; the paper: 100).")
    int starts;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "250",
            description = "Iterations per start of HIO and GPS (default: ${DEFAULT-VALUE}; the paper: 1000).")
    int iterations;

    @Option(names = "--model", paramLabel = "MODEL.json",
            description = "DPR model for N = 128 (default: the shipped model, models/dpr-small).")
    Path model;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "20261124", description = "Seed of the simulation and the starts (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    /** One simulated test set: a folder name, a description and its masks. */
    private record MaskSet(String name, String description, MaskRecipe masks) {
    }

    private static final List<MaskSet> SETS = List.of(
            new MaskSet("irregular-beamstop", "irregular masks (free-form strokes, ≤ 50 % occlusion) and a centre beamstop "
                    + "of random size and offset — the paper's test masks (§4.2)", MaskRecipe.paper()),
            new MaskSet("centre-square", "a constant 4×4 px centre square (16×16 px at N 512) and nothing else",
                    MaskRecipe.of(MaskKind.CENTRE_SQUARE)));

    @Override
    public Integer call() {
        if (frames < 2 || frames > 1000) {
            throw new IllegalArgumentException("--frames must be 2–1000 (the tests need two per method), got " + frames);
        }
        if (starts < 1 || iterations < 1) {
            throw new IllegalArgumentException("--starts and --iterations must be ≥ 1, got " + starts + " and " + iterations);
        }
        ReportFolder.checkWritable(outDir);
        PrintWriter stdout = spec.commandLine().getOut();
        long started = System.nanoTime();
        Path descriptor = findModel(stdout);
        DprModel loaded = descriptor == null ? null : DprModel.load(descriptor);
        List<EvaluationResult> results = new ArrayList<>();
        try {
            if (loaded != null && loaded.config().geometry().windowPx() != GEOMETRY.windowPx()) {
                throw new DprException("the model " + descriptor + " is for N = " + loaded.config().geometry().windowPx()
                        + "; the demo needs one for N = " + GEOMETRY.windowPx());
            }
            ReportFolder.write(outDir, folder -> {
                for (MaskSet set : SETS) {
                    results.add(evaluate(set, folder, loaded, descriptor));
                }
                overview(results, descriptor, folder).writeTo(folder);
            });
        } finally {
            if (loaded != null) {
                loaded.close();
            }
        }
        double seconds = (System.nanoTime() - started) * 1e-9;
        for (int k = 0; k < SETS.size(); k++) {
            stdout.printf(Locale.ROOT, "%n%s (%d frames, N %d): %s%n%n", SETS.get(k).name(), frames, GEOMETRY.windowPx(),
                    SETS.get(k).description());
            stdout.println(results.get(k).summaryTable(4).toMarkdown().stripTrailing());
        }
        stdout.printf(Locale.ROOT, "%nmean ± standard error; %s — each method against %s.%n", Significance.LEGEND,
                results.get(0).reference());
        stdout.printf(Locale.ROOT, "HIO and GPS ran %d starts × %d iterations (the paper: 100 × 1000) to keep the demo short.%n",
                starts, iterations);
        stdout.printf(Locale.ROOT, "demo report: %s (%.0f s)%n",
                outDir.resolve(ReportFolder.INDEX).toAbsolutePath().normalize(), seconds);
        stdout.flush();
        return 0;
    }

    /** The model to use, or null (with a clear message) when no --model is given and none is shipped. */
    private Path findModel(PrintWriter stdout) {
        if (model != null) {
            if (!Files.isRegularFile(model)) {
                throw new DprException("model file not found: " + model);
            }
            return model;
        }
        try {
            return Models.defaultModel();
        } catch (DprException e) {
            stdout.println("dpr demo: " + e.getMessage().replaceFirst("; give one with --model MODEL.json$", "")
                    + " — running the iterative methods (HIO, GPS) only; give a model with --model MODEL.json");
            stdout.flush();
            return null;
        }
    }

    private EvaluationResult evaluate(MaskSet set, Path folder, DprModel loaded, Path descriptor) {
        Simulator simulator = Simulator.of(SimulationConfig.withDefaults().withGeometry(GEOMETRY).withSeed(seed)
                .withMasks(set.masks()));
        Path data = folder.resolve("data").resolve(set.name() + ".cxi");
        try {
            Files.createDirectories(data.getParent());
        } catch (java.io.IOException e) {
            throw new DprException("cannot create " + data.getParent() + ": " + e.getMessage(), e);
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("command_line", Provenance.commandLine(spec));
        attributes.put("dpr_version", Provenance.version());
        try (ProgressBar bar = Progress.bar("simulate " + set.name(), frames, "frames")) {
            SimulationWriter.write(simulator, data, 0, frames, Runtime.getRuntime().availableProcessors(), attributes, bar::stepTo);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("command line", Provenance.commandLine(spec));
        settings.put("test set", frames + " simulated frames, N " + GEOMETRY.windowPx() + ", seed " + seed + "; masks: "
                + set.description());
        settings.put("--starts (iterative methods)", starts + " (the paper: 100)");
        settings.put("--iterations (iterative methods)", iterations + " (the paper: 1000)");
        settings.put("--model", descriptor == null ? "none found: DPR and DPR+R not run" : descriptor.toString());
        settings.put("dpr version", Provenance.version());
        Evaluation evaluation = Evaluation.withDefaults()
                .withTitle("dpr demo — " + set.name() + " (N " + GEOMETRY.windowPx() + ")")
                .withSettings(settings)
                .withChunkFrames(4) // a progress step every 4 frames; batches of 4 × starts still fill the cores
                .withShownFrames(List.of(0L, 1L, 2L).subList(0, Math.min(3, frames)));
        if (loaded != null) {
            String name = descriptor.getFileName().toString();
            evaluation = evaluation.withMethod(DprMethod.of(loaded, name, DprMethod.Mode.DPR))
                    .withMethod(DprMethod.of(loaded, name, DprMethod.Mode.DPR_REFINED));
        }
        evaluation = evaluation.withMethod(EvaluateCommand.iterativeMethod("hio", starts, iterations, seed))
                .withMethod(EvaluateCommand.iterativeMethod("gps", starts, iterations, seed));
        EvaluationResult result;
        try (FrameSource source = FrameSources.open(data)) {
            result = evaluation.run(source, new EvaluateCommand.ProgressBars());
        }
        EvaluationReport.withDefaults().write(result, folder.resolve(set.name()));
        return result;
    }

    /** The top page: what ran, then per set its summary, a frame's pictures, two plots and a link to its report. */
    private HtmlPage overview(List<EvaluationResult> results, Path descriptor, Path folder) {
        HtmlPage page = HtmlPage.titled("dpr demo — phase retrieval of simulated diffraction patterns")
                .withParagraph(String.format(Locale.ROOT, "Two test sets of %d frames each were simulated at N = %d "
                                + "(object box %d×%d) with the paper's diffraction model (§4.2: procedural shapes × textures, "
                                + "partial coherence, flux scaled to the window, Poisson and Gaussian noise) and reconstructed "
                                + "with %s. Every image is compared with the ground truth after alignment (translation and twin).",
                        frames, GEOMETRY.windowPx(), GEOMETRY.objectBoxPx(), GEOMETRY.objectBoxPx(),
                        String.join(", ", results.get(0).labels())))
                .withParagraph(String.format(Locale.ROOT, "Reduced protocol: to finish in about two minutes on two cores, "
                                + "HIO and GPS ran %d random starts × %d iterations instead of the paper's 100 × 1000 (§4.5); "
                                + "they are faster and may be less accurate here than under the full protocol. DPR+R refines "
                                + "with the paper's 50 GPS-R iterations. For the full protocol run: dpr evaluate --test %s "
                                + "--starts 100 --iterations 1000 --out full-report", starts, iterations,
                        outDir.resolve("data").resolve(SETS.get(0).name() + ".cxi")))
                .withParagraph(descriptor == null
                        ? "No DPR model was found (models/dpr-small is missing and no --model was given): DPR and DPR+R were not run."
                        : "DPR model: " + descriptor);
        for (int k = 0; k < results.size(); k++) {
            MaskSet set = SETS.get(k);
            EvaluationResult result = results.get(k);
            page = page.withHeading(set.name() + ": " + set.description())
                    .withTable(result.summaryTable(4), "mean ± standard error over " + result.frames() + " frames; "
                            + Significance.LEGEND + " — each method against " + result.reference() + ".");
            if (!result.shown().isEmpty()) {
                ShownFrame first = result.shown().get(0);
                List<HtmlPage.Figure> figures = EvaluationReport.figures(result, first).stream()
                        .map(f -> new HtmlPage.Figure(set.name() + "/" + f.path(), f.caption())).toList();
                page = page.withImageGrid(figures, Math.min(figures.size(), 6));
            }
            List<HtmlPage.Figure> plots = new ArrayList<>();
            for (String[] plot : new String[][] {{"figures/box-PSNR.png", "PSNR (dB)"},
                    {"figures/box-SSIM_global.png", "SSIM (global, eq. 6)"}, {"figures/time.png", "time per pattern, log axis"}}) {
                if (Files.exists(folder.resolve(set.name()).resolve(plot[0]))) {
                    plots.add(new HtmlPage.Figure(set.name() + "/" + plot[0], plot[1]));
                }
            }
            page = page.withImageGrid(plots, 3)
                    .withLink("full report of " + set.name() + " (all metrics, every shown frame, CSV files)",
                            set.name() + "/" + ReportFolder.INDEX)
                    .withLink("test set: data/" + set.name() + ".cxi", "data/" + set.name() + ".cxi");
        }
        return page;
    }
}
