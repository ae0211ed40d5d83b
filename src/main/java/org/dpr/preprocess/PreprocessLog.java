package org.dpr.preprocess;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The provenance of one preprocessed frame: one {@link StepRecord} per step, in the order they ran.
 * {@link #toJson()} and {@link #fromJson(String)} round-trip it (numbers come back as doubles);
 * {@link #lines()} are the lines {@code dpr preprocess} prints on stderr.
 *
 * @param steps the records, in order (copied)
 */
public record PreprocessLog(List<StepRecord> steps) {

    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().disableHtmlEscaping().create();

    public PreprocessLog {
        steps = List.copyOf(steps);
    }

    public static PreprocessLog empty() {
        return new PreprocessLog(List.of());
    }

    /** This log with one more record. */
    public PreprocessLog then(StepRecord record) {
        List<StepRecord> more = new ArrayList<>(steps);
        more.add(record);
        return new PreprocessLog(more);
    }

    /** The first record of {@code step}, if that step ran. */
    public java.util.Optional<StepRecord> find(String step) {
        return steps.stream().filter(r -> r.step().equals(step)).findFirst();
    }

    /** Every warning of every step, prefixed with the step's name. */
    public List<String> warnings() {
        List<String> all = new ArrayList<>();
        for (StepRecord r : steps) {
            r.warnings().forEach(w -> all.add(r.step() + ": " + w));
        }
        return all;
    }

    /** One line per step ({@link StepRecord#line()}). */
    public List<String> lines() {
        return steps.stream().map(StepRecord::line).toList();
    }

    /** The log as a JSON array of {@code {"step", "summary", "values", "warnings"}} objects. */
    public JsonArray toJsonTree() {
        JsonArray array = new JsonArray();
        for (StepRecord r : steps) {
            JsonObject o = new JsonObject();
            o.addProperty("step", r.step());
            o.addProperty("summary", r.summary());
            JsonObject values = new JsonObject();
            r.values().forEach((k, v) -> {
                if (v instanceof Number n) {
                    values.addProperty(k, n);
                } else if (v instanceof Boolean b) {
                    values.addProperty(k, b);
                } else {
                    values.addProperty(k, v.toString());
                }
            });
            o.add("values", values);
            JsonArray warnings = new JsonArray();
            r.warnings().forEach(warnings::add);
            o.add("warnings", warnings);
            array.add(o);
        }
        return array;
    }

    public String toJson() {
        return GSON.toJson(toJsonTree());
    }

    /**
     * Reads a log written by {@link #toJson()}.
     *
     * @throws IllegalArgumentException if the text is not such a log
     */
    public static PreprocessLog fromJson(String json) {
        try {
            JsonArray array = GSON.fromJson(json, JsonArray.class);
            List<StepRecord> records = new ArrayList<>();
            for (JsonElement e : array) {
                JsonObject o = e.getAsJsonObject();
                Map<String, Object> values = new LinkedHashMap<>();
                for (Map.Entry<String, JsonElement> v : o.getAsJsonObject("values").entrySet()) {
                    JsonPrimitive p = v.getValue().getAsJsonPrimitive();
                    values.put(v.getKey(), p.isNumber() ? (Object) p.getAsDouble() : p.isBoolean() ? (Object) p.getAsBoolean()
                            : p.getAsString());
                }
                List<String> warnings = new ArrayList<>();
                o.getAsJsonArray("warnings").forEach(w -> warnings.add(w.getAsString()));
                records.add(new StepRecord(o.get("step").getAsString(), o.get("summary").getAsString(), values, warnings));
            }
            return new PreprocessLog(records);
        } catch (JsonParseException | IllegalStateException | NullPointerException | ClassCastException e) {
            throw new IllegalArgumentException("not a preprocessing log: " + e.getMessage(), e);
        }
    }
}
