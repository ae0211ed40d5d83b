package org.dpr.metrics;

/**
 * Real-space figures of merit of a reconstruction X against a reference Y (the ground truth), as
 * defined in the paper's §4.4. Both images must already be aligned (see {@link Alignment}) and have
 * the same number of pixels; the layout (row-major, any shape) does not matter for these
 * pixel-wise statistics. Sums are accumulated in double precision. For SSIM see {@link Ssim}.
 */
public final class ImageMetrics {

    private ImageMetrics() {
    }

    /** Root-mean-square difference √(Σ(X − Y)²/N). */
    public static double rmse(float[] x, float[] y) {
        Images.checkSameLength(x, y);
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double d = (double) x[i] - y[i];
            sum += d * d;
        }
        return Math.sqrt(sum / x.length);
    }

    /**
     * Peak signal-to-noise ratio of eq. 6: PSNR = 20·log10(max Y / RMSE(X, Y)) in dB, with the
     * peak taken from the reference Y. Identical images give +∞.
     *
     * @param x the reconstruction
     * @param y the reference (its maximum is the peak)
     * @throws IllegalArgumentException if max Y ≤ 0 (the peak must be positive)
     */
    public static double psnrDb(float[] x, float[] y) {
        Images.checkSameLength(x, y);
        double peak = Images.max(y);
        if (!(peak > 0)) {
            throw new IllegalArgumentException("PSNR needs a reference with a positive maximum, got " + peak);
        }
        return 20 * Math.log10(peak / rmse(x, y));
    }

    /**
     * Pearson correlation coefficient PCC = σ_XY / (σ_X·σ_Y) (§4.4), in [−1, 1]. It is invariant
     * to affine rescaling a·X + b with a &gt; 0, so it compares shapes regardless of the
     * reconstructions' scale. NaN when either image is constant.
     */
    public static double pcc(float[] x, float[] y) {
        Images.checkSameLength(x, y);
        Moments m = Moments.of(x, y);
        double denominator = Math.sqrt(m.varianceX() * m.varianceY());
        return denominator > 0 ? clamp(m.covariance() / denominator) : Double.NaN;
    }

    private static double clamp(double r) {
        return Math.max(-1, Math.min(1, r));
    }

    /**
     * Population (1/N) means, variances and covariance of two equally long images, by two passes
     * (the mean first) for accuracy.
     */
    record Moments(double meanX, double meanY, double varianceX, double varianceY, double covariance) {

        static Moments of(float[] x, float[] y) {
            int n = x.length;
            double sx = 0;
            double sy = 0;
            for (int i = 0; i < n; i++) {
                sx += x[i];
                sy += y[i];
            }
            double mx = sx / n;
            double my = sy / n;
            double vx = 0;
            double vy = 0;
            double cxy = 0;
            for (int i = 0; i < n; i++) {
                double dx = x[i] - mx;
                double dy = y[i] - my;
                vx += dx * dx;
                vy += dy * dy;
                cxy += dx * dy;
            }
            return new Moments(mx, my, vx / n, vy / n, cxy / n);
        }
    }
}
