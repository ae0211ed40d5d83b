package org.dpr.metrics;

/** Which SSIM a number is; every table and figure that shows SSIM says which (DESIGN.md, "Metrics"). */
public enum SsimForm {
    /** The paper's eq. 6: one set of global statistics over the whole image. */
    GLOBAL_EQ6("SSIM (global, eq. 6)"),
    /** Wang et al. 2004: mean of local SSIM under an 11×11 Gaussian window, σ 1.5 px. */
    WINDOWED("SSIM (windowed, Wang 2004)");

    private final String label;

    SsimForm(String label) {
        this.label = label;
    }

    /** A human-readable label for tables and axes. */
    public String label() {
        return label;
    }
}
