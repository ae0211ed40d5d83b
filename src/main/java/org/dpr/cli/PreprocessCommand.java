package org.dpr.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dpr.DprException;
import org.dpr.io.CxiWriter;
import org.dpr.io.DiffractionFrame;
import org.dpr.io.FrameSource;
import org.dpr.io.FrameSources;
import org.dpr.io.WriteOptions;
import org.dpr.io.image.PatternPicture;
import org.dpr.preprocess.PreprocessResult;
import org.dpr.preprocess.PreprocessedSource;
import org.dpr.preprocess.Preprocessor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code dpr preprocess}: measured frames in, centred frames in a model's geometry out (CXI), each
 * step logged on stderr and stored as provenance under {@code /entry_1/process_1}.
 */
@Command(name = "preprocess", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Prepare measured diffraction frames for reconstruction (paper §2.3, §4.6): mask saturated and",
                "invalid pixels, subtract the background, centre, fill from Friedel partners, bin, fit the model's geometry.",
                "Each step prints one line on stderr; the output CXI file keeps the recipe and the per-frame logs.",
                "Example: dpr preprocess ring.h5 --saturation 65000 --centre auto --friedel-fill --fit-geometry -o ring.cxi"})
public final class PreprocessCommand implements Callable<Integer> {

    /** Per-frame logs kept in the output file (all frames keep their numbers as series). */
    static final int LOGGED_FRAMES = 1000;
    /** Frames whose steps are printed on stderr one line each. */
    static final int PRINTED_FRAMES = 10;
    /** Frames drawn with --png. */
    static final int PICTURED_FRAMES = 10;

    @Parameters(index = "0", paramLabel = "IN", description = "Input file: CXI/HDF5, libspimage HDF5, TIFF, PNG or .npy.")
    Path input;

    @Mixin
    InputOptions inputOptions;

    @Mixin
    PreprocessOptions preprocessOptions;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT.cxi", description = "Output CXI file.")
    Path out;

    @Option(names = "--model", paramLabel = "MODEL.json",
            description = "The model the frames are prepared for (default: the shipped model): --fit-geometry brings the"
                    + " object to the size of its training objects when its file records it.")
    Path model;

    @Option(names = "--png", paramLabel = "DIR",
            description = "Also draw each of the first " + PICTURED_FRAMES + " frames before and after (log scale).")
    Path pngDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        OutputFiles.requireHdf5Target(spec, out);
        Preprocessor preprocessor = preprocessOptions.toPreprocessor(model);
        PrintWriter err = spec.commandLine().getErr();
        if (preprocessor.isEmpty()) {
            err.println("preprocess: no preprocessing option given; the frames are copied");
        }
        JsonArray logs = new JsonArray();
        int frames;
        int height;
        int width;
        FrameSource raw = FrameSources.open(input, inputOptions.toReadOptions());
        try (PreprocessedSource source = PreprocessedSource.of(raw, preprocessor)) { // closes raw too
            frames = source.frameCount();
            height = source.height();
            width = source.width();
            CxiWriter writer = CxiWriter.create(out, WriteOptions.withDefaults().withExpectedFrames(frames));
            boolean done = false;
            try {
                for (int i = 0; i < frames; i++) {
                    DiffractionFrame before = pngDir != null && i < PICTURED_FRAMES ? raw.read(i) : null;
                    PreprocessResult r = source.readWithLog(i);
                    print(err, i, frames, r);
                    if (i < LOGGED_FRAMES) {
                        JsonObject entry = new JsonObject();
                        entry.addProperty("frame", i);
                        entry.add("steps", r.log().toJsonTree());
                        logs.add(entry);
                    }
                    if (before != null) {
                        Files.createDirectories(pngDir);
                        String stem = String.format(Locale.ROOT, "frame-%05d", i);
                        PatternPicture.withDefaults().write(pngDir.resolve(stem + "-before.png"), before);
                        PatternPicture.withDefaults().write(pngDir.resolve(stem + "-after.png"), r.frame());
                    }
                    writer.append(r.frame());
                }
                writeProvenance(writer, preprocessor, logs, frames);
                writer.close();
                done = true;
            } catch (java.io.IOException e) {
                throw new DprException("cannot write pictures to " + pngDir + ": " + e.getMessage(), e);
            } finally {
                if (!done) {
                    writer.abort();
                }
            }
        }
        if (frames > PRINTED_FRAMES) {
            err.println("preprocess: steps of frames " + PRINTED_FRAMES + "… not printed; the logs of the first "
                    + Math.min(frames, LOGGED_FRAMES) + " frames are in " + out + " (/entry_1/process_1/log)");
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s: %d frame%s of %d×%d%n", out, frames, frames == 1 ? "" : "s",
                height, width);
        return 0;
    }

    private static void print(PrintWriter err, int index, int frames, PreprocessResult r) {
        if (index >= PRINTED_FRAMES) {
            return;
        }
        String prefix = frames == 1 ? "" : "frame " + index + ": ";
        r.log().lines().forEach(line -> err.println(prefix + line));
        err.flush();
    }

    private void writeProvenance(CxiWriter writer, Preprocessor preprocessor, JsonArray logs, int frames) {
        String command = Provenance.commandLine(spec);
        writer.putAttribute("command_line", command);
        writer.putAttribute("dpr_version", Provenance.version());
        writer.putAttribute("preprocessing", preprocessor.toString());
        JsonObject log = new JsonObject();
        log.addProperty("recipe", preprocessor.toString());
        log.addProperty("frames", frames);
        log.add("logs", logs);
        String process = "/entry_1/process_1";
        writer.file().putScalar(process + "/program", "dpr preprocess");
        writer.file().putScalar(process + "/version", Provenance.version());
        writer.file().putScalar(process + "/command", command);
        writer.file().putScalar(process + "/recipe", preprocessor.toString());
        writer.file().putScalar(process + "/log", new GsonBuilder().serializeSpecialFloatingPointValues().disableHtmlEscaping()
                .create().toJson(log));
    }
}
