package org.dpr.evaluate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dpr.metrics.MetricRow;

/** A method of an evaluation that is not run: its per-frame metrics from an earlier evaluation of the same frames. */
record ReusedMethod(String label, List<MetricRow> rows, String origin) {
    ReusedMethod {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(origin, "origin");
        rows = List.copyOf(rows);
    }

    /**
     * The rows of the evaluated frames, in their order, under this label.
     *
     * @throws IllegalArgumentException if a frame has no row or more than one
     */
    List<MetricRow> rowsFor(List<Long> frameIndices) {
        Map<Long, MetricRow> byIndex = new HashMap<>();
        for (MetricRow row : rows) {
            if (byIndex.put((long) row.index(), row) != null) {
                throw new IllegalArgumentException("the reused metrics of '" + label + "' hold frame " + row.index()
                        + " twice (" + origin + ")");
            }
        }
        List<MetricRow> selected = new ArrayList<>(frameIndices.size());
        for (long index : frameIndices) {
            MetricRow row = byIndex.get(index);
            if (row == null) {
                throw new IllegalArgumentException("the reused metrics of '" + label + "' have no row for frame " + index
                        + " (" + origin + "); reuse an evaluation of the same frames");
            }
            selected.add(new MetricRow(row.index(), label, row.rF(), row.psnrDb(), row.ssimGlobal(), row.ssimWindowed(),
                    row.pcc(), row.seconds()));
        }
        return selected;
    }
}
