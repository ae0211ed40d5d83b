package org.dpr.train;

import java.util.Locale;

/**
 * In which units the loss compares the network's output with the ground truth.
 *
 * <p>The network gives x ∈ (0, 1) up to scale and ŝ = Σ I_m / Σ (|F(pad x)|²·M) (DESIGN.md "Output
 * scale"); the simulator stores the ground truth as √s·x_obj with s the frame's flux factor, so that
 * |F(pad gt)|² is the frame's coherent pattern in photons (amplitude units).
 *
 * <ul>
 *   <li>{@link #AMPLITUDE} (the default) compares the physical amplitude x·√ŝ with gt. It is the
 *       consistent choice: x·√ŝ does not change when x is multiplied by any c &gt; 0 (ŝ scales by
 *       1/c²), so the network is asked only for what the pattern determines, and a perfect output
 *       costs zero whatever the object's absolute density. Because Σ gt² = Φ_coherent/N² (Parseval),
 *       each pattern's loss scales with √(its total photons) — the paper's "weights based on the
 *       square root of the total diffraction intensity" (§4.3).</li>
 *   <li>{@link #FLUX_FACTOR} compares x·ŝ with gt·√s = s·x_obj, as the authors' code does
 *       ({@code false_scale}). If x = c·x_obj then x·ŝ = s·x_obj/c: the loss is zero only for
 *       c = 1, so the network must also guess the object's absolute density (which the pattern
 *       cannot tell), and each pattern weighs with s = Φ/Σ I_obj rather than √Φ. Kept for
 *       comparison with the authors' training; needs the flux factor of every frame.</li>
 * </ul>
 */
public enum LossScale {
    /** x·√ŝ against gt (amplitude units). */
    AMPLITUDE("amplitude"),
    /** x·ŝ against gt·√s (the authors' code). */
    FLUX_FACTOR("flux-factor");

    private final String label;

    LossScale(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The scale named {@code text} ({@code amplitude} or {@code flux-factor}, any case). */
    public static LossScale parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (LossScale s : values()) {
            if (s.label.equals(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown loss scale '" + text + "': use amplitude or flux-factor");
    }

    @Override
    public String toString() {
        return label;
    }
}
