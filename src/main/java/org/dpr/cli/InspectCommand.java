package org.dpr.cli;

import org.dpr.io.DiffractionFrame;
import org.dpr.io.FileFormat;
import org.dpr.io.FrameMetadata;
import org.dpr.io.FrameSource;
import org.dpr.io.FrameSources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code dpr inspect FILE}: says how dpr reads a file — format, where the frames and mask come
 * from, the frame count and size, and for the first frames the measured fraction, total and
 * largest intensity and the metadata. The quick answer to "does dpr read my data?".
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show how dpr reads a data file: format, frames, size, mask and metadata.")
public final class InspectCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "CXI/HDF5, libspimage HDF5, TIFF, PNG or .npy file.")
    private Path file;

    @Mixin
    private InputOptions input;

    @Option(names = "--show", paramLabel = "K", defaultValue = "1",
            description = "Number of frames to summarise (default: ${DEFAULT-VALUE}).")
    private int show;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        FileFormat format = FrameSources.detect(file);
        try (FrameSource source = FrameSources.open(file, input.toReadOptions())) {
            out.printf(Locale.ROOT, "format: %s%n", format.name().toLowerCase(Locale.ROOT));
            out.printf(Locale.ROOT, "frames: %s%n", source.description());
            out.printf(Locale.ROOT, "count:  %d frame%s of %d×%d pixels%n", source.frameCount(),
                    source.frameCount() == 1 ? "" : "s", source.height(), source.width());
            for (int k = 0; k < Math.min(Math.max(0, show), source.frameCount()); k++) {
                DiffractionFrame f = source.read(k);
                double total = 0;
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < f.intensity().length; i++) {
                    if (f.mask()[i] != 0) {
                        total += f.intensity()[i];
                        max = Math.max(max, f.intensity()[i]);
                    }
                }
                int pixels = f.height() * f.width();
                out.printf(Locale.ROOT, "frame %d: %d of %d pixels measured (%.1f %%), %.4g photons in total, max %.4g%s%n",
                        (long) f.metadata().number(FrameMetadata.FRAME_INDEX).orElse(k), f.measuredPixels(), pixels, 100.0 * f.measuredPixels() / pixels, total, max,
                        f.hasGroundTruth() ? ", ground truth " + f.groundTruthSize() + "×" + f.groundTruthSize() : "");
                StringBuilder meta = new StringBuilder();
                for (Map.Entry<String, Double> e : f.metadata().numbers().entrySet()) {
                    if (!e.getKey().equals(FrameMetadata.FRAME_INDEX)) {
                        meta.append(meta.length() == 0 ? "" : ", ").append(e.getKey()).append('=').append(number(e.getValue()));
                    }
                }
                if (meta.length() > 0) {
                    out.printf(Locale.ROOT, "  %s%n", meta);
                }
            }
        }
        out.flush();
        return 0;
    }

    /** Integers as integers, other values with six significant digits. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        double a = Math.abs(v);
        if (Double.isFinite(v) && a >= 1e-4 && a < 1e9) {
            return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%.5e", v);
    }
}
