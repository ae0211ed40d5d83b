package org.dpr.metrics;

import java.util.Objects;

/**
 * The figures of merit of one method on one frame (paper §4.4), the unit every report is made
 * from. A figure that could not be computed (no ground truth, image smaller than the SSIM window)
 * is NaN.
 *
 * @param index        frame index in its source
 * @param method       method name, e.g. "HIO", "GPS-R", "DPR", "DPR+R"
 * @param rF           Fourier R-factor (eq. 6) on the measured pixels
 * @param psnrDb       PSNR against the aligned ground truth, dB
 * @param ssimGlobal   SSIM, global form of eq. 6
 * @param ssimWindowed SSIM, windowed form (Wang 2004)
 * @param pcc          Pearson correlation with the aligned ground truth
 * @param seconds      processing time for this pattern, seconds
 */
public record MetricRow(int index, String method, double rF, double psnrDb, double ssimGlobal, double ssimWindowed,
                        double pcc, double seconds) {

    public MetricRow {
        Objects.requireNonNull(method, "method");
        if (method.isBlank()) {
            throw new IllegalArgumentException("method name must not be blank");
        }
        if (index < 0) {
            throw new IllegalArgumentException("frame index must be ≥ 0, got " + index);
        }
        if (seconds < 0) {
            throw new IllegalArgumentException("seconds must be ≥ 0 (or NaN when unknown), got " + seconds);
        }
    }

    /** The value of one metric. */
    public double value(Metric metric) {
        return switch (metric) {
            case R_F -> rF;
            case PSNR_DB -> psnrDb;
            case SSIM_GLOBAL -> ssimGlobal;
            case SSIM_WINDOWED -> ssimWindowed;
            case PCC -> pcc;
            case SECONDS -> seconds;
        };
    }
}
