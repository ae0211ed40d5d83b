package org.dpr.evaluate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dpr.metrics.MetricRow;

/**
 * A method of an evaluation that is not run: its per-frame metrics from an earlier evaluation, with
 * the content digests of the frames they were measured on (empty for reports that predate them).
 */
record ReusedMethod(String label, List<MetricRow> rows, Map<Long, String> frameDigests, String origin) {
    ReusedMethod {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(origin, "origin");
        rows = List.copyOf(rows);
        frameDigests = Map.copyOf(frameDigests);
    }

    /** How many of the evaluated frames have no earlier digest to check their rows against. */
    long unverified(Map<Long, String> evaluated) {
        return evaluated.keySet().stream().filter(k -> frameDigests.getOrDefault(k, "").isEmpty()).count();
    }

    /**
     * The rows of the evaluated frames (index → digest, in source order), under this label.
     *
     * @throws IllegalArgumentException if a frame has no row or more than one, or its row was measured
     *                                  on a frame with other content
     */
    List<MetricRow> rowsFor(Map<Long, String> evaluated) {
        Map<Long, MetricRow> byIndex = new HashMap<>();
        for (MetricRow row : rows) {
            if (byIndex.put((long) row.index(), row) != null) {
                throw new IllegalArgumentException("the reused metrics of '" + label + "' hold frame " + row.index()
                        + " twice (" + origin + ")");
            }
        }
        List<MetricRow> selected = new ArrayList<>(evaluated.size());
        for (Map.Entry<Long, String> frame : evaluated.entrySet()) {
            long index = frame.getKey();
            MetricRow row = byIndex.get(index);
            if (row == null) {
                throw new IllegalArgumentException("the reused metrics of '" + label + "' have no row for frame " + index
                        + " (" + origin + "); reuse an evaluation of the same frames");
            }
            String earlier = frameDigests.get(index);
            if (earlier != null && !earlier.isEmpty() && !earlier.equals(frame.getValue())) {
                throw new IllegalArgumentException("frame " + index + " is not the frame the reused metrics of '" + label
                        + "' were measured on (content digest " + earlier + " there, " + frame.getValue() + " here; "
                        + origin + ")");
            }
            selected.add(new MetricRow(row.index(), label, row.rF(), row.psnrDb(), row.ssimGlobal(), row.ssimWindowed(),
                    row.pcc(), row.seconds()));
        }
        return selected;
    }
}
