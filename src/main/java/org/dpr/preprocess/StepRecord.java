package org.dpr.preprocess;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one preprocessing step did to one frame: the step's name, a one-line summary for people
 * ("masked 39 621 px ≥ 65000"), the numbers behind it for machines (pixels masked, centre shift,
 * binning factor, …; values are {@link Number}s, {@link String}s or {@link Boolean}s) and warnings
 * (a low centring confidence, a poor geometry match). Written as provenance by {@link PreprocessLog}.
 *
 * @param step     the step's name, e.g. {@code saturation}
 * @param summary  one line, no trailing period
 * @param values   named numbers and words, in insertion order (copied, unmodifiable)
 * @param warnings one line each (copied, unmodifiable)
 */
public record StepRecord(String step, String summary, Map<String, Object> values, List<String> warnings) {

    public StepRecord {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(summary, "summary");
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "key"), checkValue(k, v)));
        values = Collections.unmodifiableMap(copy);
        warnings = List.copyOf(warnings);
    }

    /** A record with a summary and no values or warnings yet. */
    public static StepRecord of(String step, String summary) {
        return new StepRecord(step, summary, Map.of(), List.of());
    }

    /** A copy with {@code key} set to {@code value} (a number, text or boolean). */
    public StepRecord with(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(values);
        more.put(key, value);
        return new StepRecord(step, summary, more, warnings);
    }

    /** A copy with one more warning. */
    public StepRecord withWarning(String warning) {
        List<String> more = new java.util.ArrayList<>(warnings);
        more.add(Objects.requireNonNull(warning, "warning"));
        return new StepRecord(step, summary, values, more);
    }

    /** The number stored under {@code key}, or NaN when absent or not a number. */
    public double number(String key) {
        return values.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** "step: summary", with " (warning: …)" for each warning: the line printed on stderr. */
    public String line() {
        StringBuilder sb = new StringBuilder(step).append(": ").append(summary);
        for (String w : warnings) {
            sb.append(" (warning: ").append(w).append(')');
        }
        return sb.toString();
    }

    private static Object checkValue(String key, Object value) {
        if (value instanceof Number || value instanceof String || value instanceof Boolean) {
            return value;
        }
        throw new IllegalArgumentException("value of '" + key + "' must be a number, text or boolean, got " + value);
    }
}
