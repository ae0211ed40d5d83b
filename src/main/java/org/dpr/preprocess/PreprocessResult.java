package org.dpr.preprocess;

import java.util.Objects;
import org.dpr.io.DiffractionFrame;

/**
 * A preprocessed frame and the log of what each step did to it.
 *
 * @param frame the result
 * @param log   one record per step, in order
 */
public record PreprocessResult(DiffractionFrame frame, PreprocessLog log) {
    public PreprocessResult {
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(log, "log");
    }
}
