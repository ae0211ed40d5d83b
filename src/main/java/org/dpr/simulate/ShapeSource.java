package org.dpr.simulate;

import java.util.SplittableRandom;

/**
 * Where the shapes of simulated objects come from (paper §4.2: binarised, dilated, rotated and
 * scaled EMNIST letters). The object is shape × density; implementations must be thread-safe and
 * draw only from the generator they are given, so that a frame is reproducible from its seed.
 *
 * @see StrokeShapes procedural handwriting-like strokes (the default)
 * @see EmnistShapes EMNIST letters read from the data set's IDX files
 */
@FunctionalInterface
public interface ShapeSource {

    /**
     * A binary shape — values 0 and 1 — in an n×n box, row-major.
     *
     * @param boxPx  n, the object box of the geometry
     * @param random the frame's shape stream
     */
    float[] shape(int boxPx, SplittableRandom random);

    /** A short description for provenance. */
    default String description() {
        return getClass().getSimpleName();
    }
}
