package org.dpr.metrics;

import java.util.Objects;

/**
 * Structural similarity of a reconstruction X to a reference Y,
 * <pre>
 *   SSIM = (2μ_Xμ_Y + c1)(2σ_XY + c2) / ((μ_X² + μ_Y² + c1)(σ_X² + σ_Y² + c2)),
 *   c1 = (K1·L)², c2 = (K2·L)², K1 = 0.01, K2 = 0.03,
 * </pre>
 * in one of two forms ({@link SsimForm}), which every report must name:
 * <ul>
 * <li>{@link SsimForm#GLOBAL_EQ6} (default) — the paper's eq. 6: the statistics are taken over the
 *   whole image (population moments, 1/N) and L = max Y.</li>
 * <li>{@link SsimForm#WINDOWED} — the standard SSIM of Wang, Bovik, Sheikh &amp; Simoncelli,
 *   IEEE TIP 13, 600 (2004): local statistics under an 11×11 Gaussian window of σ = 1.5 px
 *   (normalised to sum 1, moments weighted without a sample-size correction, as in the authors'
 *   reference code), evaluated at every position where the window lies fully inside the image
 *   ("valid" filtering, no padding), and averaged (mean SSIM). Images must be at least as large as
 *   the window.</li>
 * </ul>
 * The dynamic range L is {@link DataRange#MAX_OF_REFERENCE} by default (the paper's choice for
 * c1, c2); Wang's L is the range of the pixel values, {@link DataRange#MAX_MINUS_MIN_OF_REFERENCE}.
 * For the non-negative objects on a zero background that phase retrieval reconstructs the two are
 * equal. SSIM(X, X) = 1 in both forms. Immutable.
 */
public final class Ssim {

    /** How L, the dynamic range in c1 and c2, is taken from the reference Y. */
    public enum DataRange {
        /** L = max Y (paper, eq. 6). */
        MAX_OF_REFERENCE,
        /** L = max Y − min Y (the range of the values, Wang 2004 for images of unknown range). */
        MAX_MINUS_MIN_OF_REFERENCE
    }

    private static final Ssim DEFAULT = new Ssim(SsimForm.GLOBAL_EQ6, 11, 1.5, 0.01, 0.03, DataRange.MAX_OF_REFERENCE);

    private final SsimForm form;
    private final int windowPx;
    private final double sigmaPx;
    private final double k1;
    private final double k2;
    private final DataRange dataRange;

    private Ssim(SsimForm form, int windowPx, double sigmaPx, double k1, double k2, DataRange dataRange) {
        this.form = form;
        this.windowPx = windowPx;
        this.sigmaPx = sigmaPx;
        this.k1 = k1;
        this.k2 = k2;
        this.dataRange = dataRange;
    }

    /** The paper's global SSIM (eq. 6): K1 0.01, K2 0.03, L = max Y; window 11 px, σ 1.5 px if windowed. */
    public static Ssim withDefaults() {
        return DEFAULT;
    }

    /** The standard windowed SSIM (Wang 2004) with the other defaults. */
    public static Ssim windowed() {
        return DEFAULT.with(SsimForm.WINDOWED);
    }

    public Ssim with(SsimForm newForm) {
        return new Ssim(Objects.requireNonNull(newForm, "form"), windowPx, sigmaPx, k1, k2, dataRange);
    }

    public Ssim with(DataRange newRange) {
        return new Ssim(form, windowPx, sigmaPx, k1, k2, Objects.requireNonNull(newRange, "dataRange"));
    }

    /** Side of the Gaussian window (odd, ≥ 1) for {@link SsimForm#WINDOWED}; default 11. */
    public Ssim withWindowPx(int px) {
        if (px < 1 || px % 2 == 0) {
            throw new IllegalArgumentException("SSIM window must be an odd number of pixels ≥ 1, got " + px);
        }
        return new Ssim(form, px, sigmaPx, k1, k2, dataRange);
    }

    /** Standard deviation of the Gaussian window in pixels; default 1.5. */
    public Ssim withSigmaPx(double px) {
        if (!(px > 0) || Double.isInfinite(px)) {
            throw new IllegalArgumentException("SSIM window σ must be a positive number of pixels, got " + px);
        }
        return new Ssim(form, windowPx, px, k1, k2, dataRange);
    }

    /** The constants K1, K2 of c1 = (K1·L)², c2 = (K2·L)²; defaults 0.01 and 0.03. */
    public Ssim withConstants(double newK1, double newK2) {
        if (!(newK1 > 0) || !(newK2 > 0) || Double.isInfinite(newK1) || Double.isInfinite(newK2)) {
            throw new IllegalArgumentException("SSIM constants must be positive, got " + newK1 + ", " + newK2);
        }
        return new Ssim(form, windowPx, sigmaPx, newK1, newK2, dataRange);
    }

    public SsimForm form() {
        return form;
    }

    public int windowPx() {
        return windowPx;
    }

    public double sigmaPx() {
        return sigmaPx;
    }

    public DataRange dataRange() {
        return dataRange;
    }

    /**
     * SSIM of X against the reference Y, both height×width row-major.
     *
     * @throws IllegalArgumentException if the shapes disagree, L ≤ 0, or (windowed) the image is
     *                                  smaller than the window
     */
    public double compute(float[] x, float[] y, int height, int width) {
        Images.checkShape(x, height, width);
        Images.checkShape(y, height, width);
        double range = dataRange == DataRange.MAX_OF_REFERENCE ? Images.max(y) : Images.max(y) - Images.min(y);
        if (!(range > 0)) {
            throw new IllegalArgumentException("SSIM needs a positive data range L of the reference, got " + range
                    + " (" + dataRange + ")");
        }
        double c1 = (k1 * range) * (k1 * range);
        double c2 = (k2 * range) * (k2 * range);
        return form == SsimForm.GLOBAL_EQ6 ? global(x, y, c1, c2) : windowedMean(x, y, height, width, c1, c2);
    }

    /** {@link #compute(float[], float[], int, int)} for square images. */
    public double compute(float[] x, float[] y) {
        Images.checkSameLength(x, y);
        int n = Images.squareSide(x.length);
        return compute(x, y, n, n);
    }

    private static double global(float[] x, float[] y, double c1, double c2) {
        ImageMetrics.Moments m = ImageMetrics.Moments.of(x, y);
        return index(m.meanX(), m.meanY(), m.varianceX(), m.varianceY(), m.covariance(), c1, c2);
    }

    private static double index(double mx, double my, double vx, double vy, double cxy, double c1, double c2) {
        return (2 * mx * my + c1) * (2 * cxy + c2) / ((mx * mx + my * my + c1) * (vx + vy + c2));
    }

    private double windowedMean(float[] x, float[] y, int height, int width, double c1, double c2) {
        if (height < windowPx || width < windowPx) {
            throw new IllegalArgumentException("windowed SSIM needs images of at least " + windowPx + "×" + windowPx
                    + " px, got " + height + "×" + width);
        }
        double[] kernel = gaussianKernel(windowPx, sigmaPx);
        int n = x.length;
        double[] xx = new double[n];
        double[] yy = new double[n];
        double[] xy = new double[n];
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = x[i];
            ys[i] = y[i];
            xx[i] = (double) x[i] * x[i];
            yy[i] = (double) y[i] * y[i];
            xy[i] = (double) x[i] * y[i];
        }
        double[] mx = filterValid(xs, height, width, kernel);
        double[] my = filterValid(ys, height, width, kernel);
        double[] exx = filterValid(xx, height, width, kernel);
        double[] eyy = filterValid(yy, height, width, kernel);
        double[] exy = filterValid(xy, height, width, kernel);
        double sum = 0;
        for (int i = 0; i < mx.length; i++) {
            double vx = exx[i] - mx[i] * mx[i];
            double vy = eyy[i] - my[i] * my[i];
            double cxy = exy[i] - mx[i] * my[i];
            sum += index(mx[i], my[i], vx, vy, cxy, c1, c2);
        }
        return sum / mx.length;
    }

    /** Normalised 1-D Gaussian of {@code size} taps; the 2-D window is its outer product. */
    static double[] gaussianKernel(int size, double sigma) {
        double[] k = new double[size];
        int half = size / 2;
        double total = 0;
        for (int i = 0; i < size; i++) {
            double d = i - half;
            k[i] = Math.exp(-d * d / (2 * sigma * sigma));
            total += k[i];
        }
        for (int i = 0; i < size; i++) {
            k[i] /= total;
        }
        return k;
    }

    /** Separable "valid" correlation with kernel ⊗ kernel: output (h − s + 1)×(w − s + 1). */
    private static double[] filterValid(double[] image, int height, int width, double[] kernel) {
        int s = kernel.length;
        int ow = width - s + 1;
        int oh = height - s + 1;
        double[] rows = new double[height * ow];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < ow; x++) {
                double acc = 0;
                for (int k = 0; k < s; k++) {
                    acc += kernel[k] * image[y * width + x + k];
                }
                rows[y * ow + x] = acc;
            }
        }
        double[] out = new double[oh * ow];
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                double acc = 0;
                for (int k = 0; k < s; k++) {
                    acc += kernel[k] * rows[(y + k) * ow + x];
                }
                out[y * ow + x] = acc;
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return form == SsimForm.GLOBAL_EQ6
                ? "SSIM[global eq. 6, K " + k1 + "/" + k2 + ", L " + dataRange + "]"
                : "SSIM[windowed " + windowPx + "×" + windowPx + " Gaussian σ " + sigmaPx + " px, K " + k1 + "/" + k2
                        + ", L " + dataRange + "]";
    }
}
