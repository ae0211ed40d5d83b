package org.dpr.metrics;

/** The per-frame figures of a {@link MetricRow}, with their labels and which direction is better. */
public enum Metric {
    /** Fourier R-factor, eq. 6 (lower is better). */
    R_F("R_F", "R_F", false),
    /** PSNR in dB, eq. 6 (higher is better). */
    PSNR_DB("PSNR", "PSNR (dB)", true),
    /** SSIM in the paper's global form, eq. 6 (higher is better). */
    SSIM_GLOBAL("SSIM_global", SsimForm.GLOBAL_EQ6.label(), true),
    /** Windowed SSIM, Wang 2004 (higher is better). */
    SSIM_WINDOWED("SSIM_windowed", SsimForm.WINDOWED.label(), true),
    /** Pearson correlation with the reference (higher is better). */
    PCC("PCC", "PCC", true),
    /** Processing time per pattern in seconds (lower is better). */
    SECONDS("seconds", "time per pattern (s)", false);

    private final String column;
    private final String label;
    private final boolean higherIsBetter;

    Metric(String column, String label, boolean higherIsBetter) {
        this.column = column;
        this.label = label;
        this.higherIsBetter = higherIsBetter;
    }

    /** A short column name for CSV files (no spaces). */
    public String column() {
        return column;
    }

    /** A label for axes and table headers, naming the SSIM form where relevant. */
    public String label() {
        return label;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }
}
