package org.dpr.train;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.dpr.Geometry;
import org.dpr.io.DiffractionFrame;
import org.dpr.simulate.ObjectExtents;

/**
 * Where a training run's frames come from: a training set of {@link #trainingFrames()} frames
 * addressed by index, and a disjoint validation set. Every frame carries its ground truth in
 * amplitude units (√s·x, as {@code dpr simulate} writes it). Implementations are thread-safe: the
 * trainer reads training frames on a background thread while it validates on its own.
 */
public interface TrainingData extends AutoCloseable {

    /** The window N and object box n of every frame. */
    Geometry geometry();

    /** Size of the training set; indices 0 … trainingFrames − 1. */
    long trainingFrames();

    /** Size of the validation set; indices 0 … validationFrames − 1. */
    int validationFrames();

    /** Training frame {@code index} (the same frame every time). */
    DiffractionFrame trainingFrame(long index);

    /** Validation frame {@code index} (the same frame every time, never one of the training frames). */
    DiffractionFrame validationFrame(int index);

    /** The data recipe in one line, for provenance (simulation settings or file and split). */
    String description();

    /** How many training frames {@link #objectExtentPx()} measures at most. */
    int EXTENT_SAMPLE_FRAMES = 400;

    /**
     * The size of the objects a model trained on these frames knows, in pixels of the window: the
     * {@value ObjectExtents#TRAINED_QUANTILE} quantile of the larger side of the ground truths of up to
     * {@value #EXTENT_SAMPLE_FRAMES} training frames spread evenly over the set. Recorded with the model,
     * it is the size {@code --fit-geometry} brings a measured object to.
     */
    default OptionalDouble objectExtentPx() {
        long total = trainingFrames();
        int count = (int) Math.min(total, EXTENT_SAMPLE_FRAMES);
        List<float[]> objects = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            DiffractionFrame frame = trainingFrame(i * total / count);
            if (frame.hasGroundTruth()) {
                objects.add(frame.groundTruth());
            }
        }
        return ObjectExtents.trainedExtentPx(objects);
    }

    /** Releases files; the default does nothing. */
    @Override
    default void close() {
    }
}
