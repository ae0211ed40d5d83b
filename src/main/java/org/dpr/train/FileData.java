package org.dpr.train;

import java.nio.file.Path;
import org.dpr.DprException;
import org.dpr.Geometry;
import org.dpr.io.DiffractionFrame;
import org.dpr.io.FrameSource;
import org.dpr.io.FrameSources;
import org.dpr.simulate.SimulationWriter;

/**
 * Training data from a file with ground truth, e.g. a CXI file written by {@code dpr simulate}: the
 * last {@code validationFrames} frames are the validation set, the others the training set. Frames
 * are read lazily (a large file is never loaded whole); reads are serialised, so one instance may be
 * shared between the trainer's threads. Close it to close the file.
 */
public final class FileData implements TrainingData {
    private final Path file;
    private final FrameSource source;
    private final Geometry geometry;
    private final int validationFrames;
    private final String recipe;

    private FileData(Path file, FrameSource source, Geometry geometry, int validationFrames, String recipe) {
        this.file = file;
        this.source = source;
        this.geometry = geometry;
        this.validationFrames = validationFrames;
        this.recipe = recipe;
    }

    /**
     * Opens {@code file} and splits it: the last {@code validationFrames} frames validate.
     *
     * @throws DprException when the file cannot be read, has no ground truth, frames that are not
     *     square with an object box of N/8, or too few frames for the split
     */
    public static FileData open(Path file, int validationFrames) {
        if (validationFrames < 1) {
            throw new IllegalArgumentException("validation frames must be ≥ 1, got " + validationFrames);
        }
        FrameSource source = FrameSources.open(file);
        try {
            int count = source.frameCount();
            if (count <= validationFrames) {
                throw new DprException(file + " holds " + count + " frames: too few for " + validationFrames
                        + " validation frames and at least one training frame");
            }
            if (source.height() != source.width() || source.height() % 16 != 0) {
                throw new DprException(file + " has " + source.height() + "×" + source.width()
                        + " frames; training needs square frames with N a multiple of 16");
            }
            Geometry geometry = Geometry.ofWindow(source.height());
            DiffractionFrame first = source.read(0);
            if (!first.hasGroundTruth() || first.groundTruthSize() != geometry.objectBoxPx()) {
                throw new DprException(file + " has no " + geometry.objectBoxPx() + "×" + geometry.objectBoxPx()
                        + " ground truth (write training data with dpr simulate)");
            }
            String recipe = first.metadata().text(SimulationWriter.CONFIG_ATTRIBUTE).map(s -> ", simulated with " + s)
                    .orElse("");
            return new FileData(file, source, geometry, validationFrames, recipe);
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    @Override
    public Geometry geometry() {
        return geometry;
    }

    @Override
    public long trainingFrames() {
        return source.frameCount() - validationFrames;
    }

    @Override
    public int validationFrames() {
        return validationFrames;
    }

    @Override
    public DiffractionFrame trainingFrame(long index) {
        if (index < 0 || index >= trainingFrames()) {
            throw new IllegalArgumentException("training frame " + index + " is outside 0…" + (trainingFrames() - 1));
        }
        return read((int) index);
    }

    @Override
    public DiffractionFrame validationFrame(int index) {
        if (index < 0 || index >= validationFrames) {
            throw new IllegalArgumentException("validation frame " + index + " is outside 0…" + (validationFrames - 1));
        }
        return read((int) trainingFrames() + index);
    }

    private synchronized DiffractionFrame read(int index) {
        DiffractionFrame frame = source.read(index);
        if (!frame.hasGroundTruth()) {
            throw new DprException("frame " + index + " of " + file + " has no ground truth");
        }
        return frame;
    }

    @Override
    public String description() {
        return "file " + file + " (" + source.frameCount() + " frames: training 0…" + (trainingFrames() - 1)
                + ", validation " + trainingFrames() + "…" + (source.frameCount() - 1) + ")" + recipe;
    }

    @Override
    public synchronized void close() {
        source.close();
    }
}
