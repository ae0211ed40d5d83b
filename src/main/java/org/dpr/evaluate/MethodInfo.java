package org.dpr.evaluate;

import java.util.Objects;

/**
 * What one method of an evaluation was, for the report's provenance.
 *
 * @param label          the name it has in tables and figures
 * @param kind           the method's own name (er, hio, raar, gps, dpr, dpr+r)
 * @param parametersJson its settings ({@link org.dpr.pipeline.ReconstructionMethod#parametersJson()})
 * @param recipe         what ran on the first frame (e.g. {@code ER**100 * (ShrinkWrap * HIO**50)**18})
 */
public record MethodInfo(String label, String kind, String parametersJson, String recipe) {
    public MethodInfo {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(parametersJson, "parametersJson");
        Objects.requireNonNull(recipe, "recipe");
    }
}
