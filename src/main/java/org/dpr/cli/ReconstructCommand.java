package org.dpr.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.dpr.io.DiffractionFrame;
import org.dpr.io.FrameSource;
import org.dpr.io.FrameSources;
import org.dpr.metrics.MetricRow;
import org.dpr.metrics.Summary;
import org.dpr.pipeline.MeasuredReport;
import org.dpr.pipeline.ReconstructionMethod;
import org.dpr.preprocess.PreprocessedSource;
import org.dpr.preprocess.Preprocessor;
import org.dpr.retrieve.Algorithm;
import org.dpr.pipeline.ReconstructionRun;
import org.dpr.pipeline.ReconstructionRun.FrameResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dpr reconstruct}: patterns in, real-space images out, with any method. */
@Command(name = "reconstruct", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Reconstruct real-space images from diffraction patterns.",
                "Iterative algorithms follow the paper's protocol (§4.5) by default: 100 random starts × 1000 iterations,",
                "shrink-wrap every 50, the lowest-R_F start kept. With a ground truth in the file (as 'dpr simulate'",
                "writes) the aligned PSNR and SSIM are reported too."})
public final class ReconstructCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN", description = "Input file: CXI/HDF5, libspimage HDF5, TIFF, PNG or .npy.")
    Path input;

    @Mixin
    InputOptions inputOptions;

    @Mixin
    PreprocessOptions preprocessOptions;

    @Mixin
    MethodOptions methodOptions;

    @Option(names = "--report", paramLabel = "DIR",
            description = {"Measured-data report instead of a single method: DPR, DPR+R (when a model fits), HIO and GPS with the",
                    "paper's experimental protocol (30/64 initial support, average of the best 5; --starts/--iterations apply),",
                    "objects, measured vs reconstructed diffraction, local R_F over q, pairwise PCCs, times: DIR/index.html."})
    Path reportDir;

    @Option(names = {"-o", "--out"}, paramLabel = "OUT.h5",
            description = "Result file: /entry_1/image_1/data [frames, n, n] with per-frame R_F, timing and provenance.")
    Path out;

    @Option(names = "--png", paramLabel = "DIR", description = "Write pictures: object; measured vs reconstructed diffraction (log scale).")
    Path pngDir;

    @Option(names = "--json", description = "Print a machine-readable summary (per frame: index, R_F, seconds) instead of the table.")
    boolean json;

    @Option(names = "--chunk", defaultValue = "16", description = "Frames read and reconstructed together (default: ${DEFAULT-VALUE}).")
    int chunk;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (reportDir != null && (out != null || pngDir != null || json)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--report writes its own folder (pictures, tables, "
                    + "index.html) for every method; -o, --png and --json belong to a single method (-a): drop them, or run "
                    + "without --report");
        }
        if (out != null) {
            OutputFiles.requireHdf5Target(spec, out);
        }
        Preprocessor preprocessor = preprocessOptions.toPreprocessor(methodOptions.model);
        if (reportDir != null) {
            return writeMeasuredReport(preprocessor);
        }
        ReconstructionMethod method = methodOptions.create();
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("command_line", Provenance.commandLine(spec));
        provenance.put("dpr_version", Provenance.version());
        if (!preprocessor.isEmpty()) {
            provenance.put("preprocessing", preprocessor.toString());
        }
        ReconstructionRun run = ReconstructionRun.of(method).withChunkFrames(chunk).withAttributes(provenance);
        if (out != null) {
            run = run.withOutput(out);
        }
        if (pngDir != null) {
            run = run.withPictures(pngDir);
        }
        List<FrameResult> results;
        try (FrameSource source = open(preprocessor);
             ProgressBar bar = Progress.bar(method.name(), source.frameCount(), "frames")) {
            results = run.run(source, bar::stepTo);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            stdout.println(toJson(method, results));
        } else {
            printTable(stdout, method, results);
        }
        return 0;
    }

    private FrameSource open(Preprocessor preprocessor) {
        FrameSource raw = FrameSources.open(input, inputOptions.toReadOptions());
        if (preprocessor.isEmpty()) {
            return raw;
        }
        PrintWriter err = spec.commandLine().getErr();
        return PreprocessedSource.of(raw, preprocessor).withListener((index, log) -> {
            if (index < 3) {
                log.lines().forEach(line -> err.println("frame " + index + ": " + line));
                err.flush();
            }
        });
    }

    private int writeMeasuredReport(Preprocessor preprocessor) {
        List<DiffractionFrame> frames = new ArrayList<>();
        try (FrameSource source = open(preprocessor)) {
            if (source.frameCount() > 16) {
                throw new IllegalArgumentException("--report draws every frame; choose at most 16 with --frames (the file has "
                        + source.frameCount() + ")");
            }
            for (int k = 0; k < source.frameCount(); k++) {
                frames.add(source.read(k));
            }
        }
        List<ReconstructionMethod> methods = new ArrayList<>();
        int window = frames.get(0).height();
        if (frames.get(0).width() == window) {
            methods.addAll(methodOptions.dprMethodsFor(window, spec.commandLine().getErr()));
        }
        methods.add(MeasuredReport.experimentalProtocol(Algorithm.HIO, methodOptions.starts, methodOptions.iterations, methodOptions.seed));
        methods.add(MeasuredReport.experimentalProtocol(Algorithm.GPS_R, methodOptions.starts, methodOptions.iterations, methodOptions.seed));
        List<String> notes = new ArrayList<>();
        notes.add("command: " + Provenance.commandLine(spec));
        notes.add("preprocessing: " + (preprocessor.isEmpty() ? "none" : preprocessor.toString()));
        notes.add("iterative protocol: " + methodOptions.starts + " starts × " + methodOptions.iterations
                + " iterations, initial support 30/64 of the object box, aligned average of the best 5 (paper §4.5)");
        MeasuredReport.Result result = MeasuredReport.withDefaults().withNotes("Settings", notes).run(frames, methods, reportDir);
        spec.commandLine().getOut().println("report: " + reportDir.resolve("index.html").toAbsolutePath());
        return 0;
    }

    private static String toJson(ReconstructionMethod method, List<FrameResult> results) {
        JsonObject root = new JsonObject();
        root.addProperty("method", method.name());
        JsonArray frames = new JsonArray();
        for (FrameResult r : results) {
            JsonObject f = new JsonObject();
            f.addProperty("index", r.estimate().frameIndex());
            f.addProperty("r_factor", r.estimate().rf());
            f.addProperty("seconds", r.estimate().seconds());
            if (!Double.isNaN(r.metrics().psnrDb())) {
                f.addProperty("psnr_db", r.metrics().psnrDb());
                f.addProperty("ssim_global", r.metrics().ssimGlobal());
            }
            frames.add(f);
        }
        root.add("frames", frames);
        return new GsonBuilder().serializeSpecialFloatingPointValues().create().toJson(root);
    }

    private static void printTable(PrintWriter out, ReconstructionMethod method, List<FrameResult> results) {
        boolean truth = results.stream().anyMatch(r -> !Double.isNaN(r.metrics().psnrDb()));
        out.printf(Locale.ROOT, "%-7s %9s %10s%s%n", "frame", "R_F", "seconds", truth ? String.format(Locale.ROOT, " %9s %11s", "PSNR/dB", "SSIM(eq.6)") : "");
        for (FrameResult r : results) {
            MetricRow m = r.metrics();
            out.printf(Locale.ROOT, "%-7d %9.4f %10.3f%s%n", r.estimate().frameIndex(), r.estimate().rf(), r.estimate().seconds(),
                    truth ? String.format(Locale.ROOT, " %9.2f %11.4f", m.psnrDb(), m.ssimGlobal()) : "");
        }
        double[] rf = results.stream().mapToDouble(r -> r.estimate().rf()).toArray();
        double[] sec = results.stream().mapToDouble(r -> r.estimate().seconds()).toArray();
        out.printf(Locale.ROOT, "%-7s %9.4f %10.3f", "mean", Summary.of(rf).mean(), Summary.of(sec).mean());
        if (truth) {
            out.printf(Locale.ROOT, " %9.2f %11.4f",
                    Summary.of(results.stream().mapToDouble(r -> r.metrics().psnrDb()).toArray()).mean(),
                    Summary.of(results.stream().mapToDouble(r -> r.metrics().ssimGlobal()).toArray()).mean());
        }
        out.printf(Locale.ROOT, "%n%s: %d frame%s%n", method.name(), results.size(), results.size() == 1 ? "" : "s");
    }
}
