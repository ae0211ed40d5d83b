package org.dpr.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;
import org.dpr.io.CxiPaths;
import org.dpr.io.DiffractionFrame;
import org.dpr.io.FrameSource;
import org.dpr.io.HdfStackWriter;
import org.dpr.io.WriteOptions;
import org.dpr.metrics.FrameEvaluator;
import org.dpr.metrics.MetricRow;

/**
 * Source → reconstruct → evaluate → sink for one method: reads frames lazily in chunks, runs the
 * method, evaluates each image (R_F always; aligned PSNR/SSIM/PCC when the frame carries a ground
 * truth), and optionally writes a result file and pictures. The Java API behind
 * {@code dpr reconstruct}.
 *
 * <p>Result file: {@code /entry_1/image_1/data} float32 [frames, n, n] (amplitude units), beside it
 * 1-D {@code frame_index}, {@code r_factor}, {@code seconds} and, with a ground truth,
 * {@code psnr_db}, {@code ssim_global}, {@code ssim_windowed}, {@code pcc}; attributes
 * {@code method}, {@code parameters} (JSON), {@code recipe} on the image group and the caller's
 * provenance attributes on {@code /entry_1}. Written atomically when the run completes.
 */
public final class ReconstructionRun {
    /** Path of the image group in result files. */
    public static final String IMAGE_GROUP = "/entry_1/image_1";

    private final ReconstructionMethod method;
    private final int chunkFrames;
    private final Path outFile;
    private final Path pictureDir;
    private final Map<String, String> attributes;

    private ReconstructionRun(ReconstructionMethod method, int chunkFrames, Path outFile, Path pictureDir,
                              Map<String, String> attributes) {
        this.method = Objects.requireNonNull(method, "method");
        this.chunkFrames = chunkFrames;
        this.outFile = outFile;
        this.pictureDir = pictureDir;
        this.attributes = Map.copyOf(attributes);
    }

    /** A run of {@code method} that writes nothing and reads 16 frames at a time. */
    public static ReconstructionRun of(ReconstructionMethod method) {
        return new ReconstructionRun(method, 16, null, null, Map.of());
    }

    public ReconstructionRun withChunkFrames(int frames) {
        if (frames < 1) {
            throw new IllegalArgumentException("chunk must hold at least one frame, got " + frames);
        }
        return new ReconstructionRun(method, frames, outFile, pictureDir, attributes);
    }

    /** Writes the result file to {@code file}. */
    public ReconstructionRun withOutput(Path file) {
        return new ReconstructionRun(method, chunkFrames, file, pictureDir, attributes);
    }

    /** Writes pictures (object; measured vs reconstructed diffraction) to {@code dir}. */
    public ReconstructionRun withPictures(Path dir) {
        return new ReconstructionRun(method, chunkFrames, outFile, dir, attributes);
    }

    /** Provenance attributes for {@code /entry_1} of the result file. */
    public ReconstructionRun withAttributes(Map<String, String> provenance) {
        return new ReconstructionRun(method, chunkFrames, outFile, pictureDir, provenance);
    }

    /** One frame's outcome. */
    public record FrameResult(ObjectEstimate estimate, MetricRow metrics) {
    }

    /**
     * Runs over every frame of {@code source}.
     *
     * @param progress called with the number of frames done so far
     */
    public List<FrameResult> run(FrameSource source, IntConsumer progress) {
        HdfStackWriter writer = outFile == null ? null
                : HdfStackWriter.create(outFile, WriteOptions.withDefaults().withExpectedFrames(source.frameCount()));
        boolean done = false;
        try {
            List<FrameResult> results = new ArrayList<>();
            ResultSink sink = writer == null ? null : new ResultSink(writer);
            FrameEvaluator evaluator = FrameEvaluator.withDefaults();
            for (int start = 0; start < source.frameCount(); start += chunkFrames) {
                int end = Math.min(source.frameCount(), start + chunkFrames);
                List<DiffractionFrame> frames = new ArrayList<>(end - start);
                for (int k = start; k < end; k++) {
                    frames.add(source.read(k));
                }
                int[] position = {0};
                method.reconstruct(frames, estimate -> {
                    DiffractionFrame frame = frames.get(position[0]++);
                    MetricRow row = evaluator.evaluate((int) estimate.frameIndex(), method.name(), estimate.object(),
                            frame, estimate.seconds());
                    FrameResult result = new FrameResult(estimate, row);
                    results.add(result);
                    if (sink != null) {
                        sink.append(result);
                    }
                    if (pictureDir != null) {
                        Pictures.write(pictureDir, method.name(), estimate, frame);
                    }
                    progress.accept(results.size());
                });
            }
            if (writer != null) {
                Map<String, String> provenance = new LinkedHashMap<>(attributes);
                provenance.put("source", source.description());
                provenance.forEach((k, v) -> writer.putAttribute(CxiPaths.ENTRY, k, v));
                writer.putAttribute(IMAGE_GROUP, "method", method.name());
                writer.putAttribute(IMAGE_GROUP, "parameters", method.parametersJson());
                if (!results.isEmpty()) {
                    writer.putAttribute(IMAGE_GROUP, "recipe", results.get(0).estimate().recipe());
                }
                writer.close();
            }
            done = true;
            return results;
        } finally {
            if (writer != null && !done) {
                writer.abort();
            }
        }
    }

    /** The datasets of a result file, made when the first frame arrives. */
    private static final class ResultSink {
        private final HdfStackWriter writer;
        private HdfStackWriter.FloatStack images;
        private HdfStackWriter.LongSeries index;
        private final Map<String, HdfStackWriter.Series> series = new LinkedHashMap<>();

        ResultSink(HdfStackWriter writer) {
            this.writer = writer;
        }

        void append(FrameResult result) {
            ObjectEstimate e = result.estimate();
            if (images == null) {
                images = writer.floatStack(CxiPaths.IMAGE_DATA, e.objectBoxPx(), e.objectBoxPx());
                writer.putAttribute(CxiPaths.IMAGE_DATA, "units", "sqrt(photons): |FFT(pad(object))| ~ sqrt(I)");
                index = writer.int64Series(IMAGE_GROUP + "/frame_index");
            }
            images.append(e.object());
            index.append(e.frameIndex());
            MetricRow m = result.metrics();
            put("r_factor", e.rf());
            put("seconds", e.seconds());
            if (!Double.isNaN(m.psnrDb())) {
                put("psnr_db", m.psnrDb());
                put("ssim_global", m.ssimGlobal());
                put("ssim_windowed", m.ssimWindowed());
                put("pcc", m.pcc());
            }
        }

        private void put(String name, double value) {
            series.computeIfAbsent(name, k -> writer.float64Series(IMAGE_GROUP + "/" + k)).append(value);
        }
    }
}
