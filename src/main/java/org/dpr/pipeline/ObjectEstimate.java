package org.dpr.pipeline;

import java.util.Objects;

/**
 * One method's image of one frame, whatever the method: the object in the centred n×n box in
 * amplitude units (|F(pad object)| ≈ √I), its R_F against the measured pattern (eq. 6, measured
 * pixels), and the time it took.
 *
 * @param frameIndex  index of the frame in its source
 * @param method      the method's name (e.g. "hio", "dpr")
 * @param objectBoxPx n
 * @param object      n×n, row-major
 * @param rf          R_F on measured pixels
 * @param seconds     processing time of this frame (a batch's time shared among its frames)
 * @param recipe      what ran, for provenance (e.g. {@code ER**100 * (ShrinkWrap * HIO**50)**18})
 */
public record ObjectEstimate(long frameIndex, String method, int objectBoxPx, float[] object, double rf,
                             double seconds, String recipe) {
    public ObjectEstimate {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(recipe, "recipe");
        if (objectBoxPx <= 0 || object.length != objectBoxPx * objectBoxPx) {
            throw new IllegalArgumentException("object must hold n² = " + objectBoxPx * objectBoxPx + " values, got " + object.length);
        }
    }
}
