package org.dpr.preprocess;

import org.dpr.io.DiffractionFrame;

/**
 * One immutable preprocessing step: takes a frame, returns the new frame and a record of what
 * changed. Steps compose into a {@link Preprocessor}. A step never modifies its input's arrays.
 */
public interface PreprocessStep {

    /** Short name used in logs and provenance, e.g. {@code saturation}, {@code centre}, {@code bin}. */
    String name();

    /** The step's configuration in one line, e.g. {@code bin(K=8, partial bins missing)}: the recipe in provenance. */
    String describe();

    /**
     * The frame this step makes from a frame of {@code size}; the default keeps the size.
     *
     * @throws PreprocessException if the step cannot apply to frames of that size
     */
    default FrameSize outputSize(FrameSize size) {
        return size;
    }

    /**
     * Applies the step.
     *
     * @throws PreprocessException when the frame does not suit the step (wrong shape, centre outside, …)
     */
    StepResult apply(DiffractionFrame frame);

    /** The rows and columns of a frame. */
    record FrameSize(int height, int width) {
        public FrameSize {
            if (height <= 0 || width <= 0) {
                throw new IllegalArgumentException("frame size must be positive, got " + height + "×" + width);
            }
        }

        public static FrameSize of(DiffractionFrame frame) {
            return new FrameSize(frame.height(), frame.width());
        }

        @Override
        public String toString() {
            return height + "×" + width;
        }
    }

    /** A step's output frame and its record. */
    record StepResult(DiffractionFrame frame, StepRecord record) {
        public StepResult {
            java.util.Objects.requireNonNull(frame, "frame");
            java.util.Objects.requireNonNull(record, "record");
        }
    }
}
