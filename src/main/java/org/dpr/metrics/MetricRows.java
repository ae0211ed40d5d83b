package org.dpr.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Grouping of {@link MetricRow}s by method for summaries, tests and charts. */
public final class MetricRows {

    private MetricRows() {
    }

    /**
     * The values of one metric per method, methods in order of first appearance, NaN values kept.
     */
    public static Map<String, double[]> valuesByMethod(List<MetricRow> rows, Metric metric) {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(metric, "metric");
        Map<String, List<Double>> grouped = new LinkedHashMap<>();
        for (MetricRow row : rows) {
            grouped.computeIfAbsent(row.method(), k -> new ArrayList<>()).add(row.value(metric));
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        grouped.forEach((method, values) -> out.put(method, values.stream().mapToDouble(Double::doubleValue).toArray()));
        return out;
    }

    /** {@link Summary} of one metric per method (NaN excluded and counted). */
    public static Map<String, Summary> summaries(List<MetricRow> rows, Metric metric) {
        Map<String, Summary> out = new LinkedHashMap<>();
        valuesByMethod(rows, metric).forEach((method, values) -> out.put(method, Summary.of(values)));
        return out;
    }

    /**
     * Two-sided Mann–Whitney tests of every other method against {@code referenceMethod} on one
     * metric (NaN values dropped first), as the paper marks differences "with WPC+D" or "with DPR".
     * A method with no non-NaN values is left out.
     *
     * @throws IllegalArgumentException if the reference method has no rows or no non-NaN values
     */
    public static Map<String, MannWhitneyResult> compareWith(List<MetricRow> rows, Metric metric,
                                                             String referenceMethod, MannWhitney test) {
        Map<String, double[]> byMethod = valuesByMethod(rows, metric);
        double[] reference = byMethod.get(referenceMethod);
        if (reference == null) {
            throw new IllegalArgumentException("no rows for reference method '" + referenceMethod + "'; methods: "
                    + byMethod.keySet());
        }
        double[] ref = withoutNaN(reference);
        if (ref.length == 0) {
            throw new IllegalArgumentException("reference method '" + referenceMethod + "' has no " + metric + " values");
        }
        Map<String, MannWhitneyResult> out = new LinkedHashMap<>();
        byMethod.forEach((method, values) -> {
            double[] v = withoutNaN(values);
            if (!method.equals(referenceMethod) && v.length > 0) {
                out.put(method, test.test(v, ref));
            }
        });
        return out;
    }

    private static double[] withoutNaN(double[] values) {
        return java.util.Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
    }
}
