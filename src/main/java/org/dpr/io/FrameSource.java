package org.dpr.io;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A sequence of diffraction frames read lazily, one at a time: a 10^5-frame file is never loaded
 * whole. Implementations hold an open file; close them.
 */
public interface FrameSource extends AutoCloseable, Iterable<DiffractionFrame> {

    /** Number of frames available. */
    int frameCount();

    /** Rows of every frame. */
    int height();

    /** Columns of every frame. */
    int width();

    /** Reads frame {@code index} (0-based) from the source. */
    DiffractionFrame read(int index);

    /** Where the frames come from, for messages and provenance (file and dataset path). */
    String description();

    @Override
    void close();

    @Override
    default Iterator<DiffractionFrame> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < frameCount();
            }

            @Override
            public DiffractionFrame next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return read(next++);
            }
        };
    }
}
