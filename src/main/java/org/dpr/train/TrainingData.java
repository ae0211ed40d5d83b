package org.dpr.train;

import org.dpr.Geometry;
import org.dpr.io.DiffractionFrame;

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

    /** Releases files; the default does nothing. */
    @Override
    default void close() {
    }
}
