package org.dpr.evaluate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.dpr.io.DiffractionFrame;
import org.dpr.metrics.MetricRow;

/**
 * A frame whose images the report shows: the frame (pattern, mask and ground truth) and each
 * method's reconstruction (n×n, amplitude units, as the method returned it — not aligned) with its
 * metrics.
 *
 * @param frameIndex the frame's index in its source
 * @param frame      the frame as read
 * @param objects    method label → reconstruction, in method order
 * @param metrics    method label → metrics of that reconstruction
 */
public record ShownFrame(long frameIndex, DiffractionFrame frame, Map<String, float[]> objects,
                         Map<String, MetricRow> metrics) {
    public ShownFrame {
        Objects.requireNonNull(frame, "frame");
        objects = Collections.unmodifiableMap(new LinkedHashMap<>(objects));
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        if (!objects.keySet().equals(metrics.keySet())) {
            throw new IllegalArgumentException("objects and metrics must name the same methods, got "
                    + objects.keySet() + " and " + metrics.keySet());
        }
    }
}
