package org.dpr.train;

import java.util.Locale;

/** The two optimisation recipes of the paper (§4.3, DESIGN.md "Training"). */
public enum OptimizerKind {
    /**
     * AdamW (β 0.9/0.999, weight decay 10⁻⁴) at a constant rate (10⁻³) that drops tenfold for the
     * last 1/6 of the epochs ({@link StepSchedule}); the paper's DPR₀.
     */
    ADAMW("adamw"),
    /**
     * AdamWR: AdamW driven by cosine annealing with warm restarts ({@link CosineWarmRestarts},
     * α_max 5·10⁻³, α_min 10⁻⁸, one warm-up epoch) with ASAM (ρ 0.2, η 0.01); the paper's DPR.
     */
    ADAMWR("adamwr");

    private final String label;

    OptimizerKind(String label) {
        this.label = label;
    }

    /** The name on the command line. */
    public String label() {
        return label;
    }

    /** The paper's (first or maximum) learning rate of this recipe: 10⁻³ for AdamW, 5·10⁻³ for AdamWR. */
    public double paperLearningRate() {
        return this == ADAMW ? 1e-3 : 5e-3;
    }

    /** The kind named {@code text} ({@code adamw} or {@code adamwr}, any case). */
    public static OptimizerKind parse(String text) {
        for (OptimizerKind k : values()) {
            if (k.label.equalsIgnoreCase(text.strip()) || k.name().equalsIgnoreCase(text.strip())) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown optimizer '" + text + "': use adamw or adamwr");
    }

    @Override
    public String toString() {
        return label.toUpperCase(Locale.ROOT).replace("ADAMWR", "AdamWR").replace("ADAMW", "AdamW");
    }
}
