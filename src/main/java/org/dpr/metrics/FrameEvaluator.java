package org.dpr.metrics;

import java.util.Objects;
import org.dpr.io.DiffractionFrame;

/**
 * Computes a {@link MetricRow} for one reconstruction of one frame, as the paper evaluates
 * (§4.4): R_F of the reconstruction against the frame's measured pixels (R_F is unaffected by
 * translation and twin, so the raw output is used), then — if the frame carries a ground truth —
 * the reconstruction is aligned to it ({@link Alignment}: translations within ±n/2 and the twin)
 * and PSNR, both SSIM forms and PCC are taken on the aligned image. Without a ground truth those
 * four are NaN; the windowed SSIM is NaN too when n is smaller than its window.
 *
 * <p>Defaults: {@link RFactor#withDefaults()}, {@link Alignment#withDefaults()},
 * {@link Ssim#withDefaults()} (global, eq. 6) and {@link Ssim#windowed()}. Immutable.
 */
public final class FrameEvaluator {

    private static final FrameEvaluator DEFAULT = new FrameEvaluator(RFactor.withDefaults(), Alignment.withDefaults(),
            Ssim.windowed());

    private final RFactor rFactor;
    private final Alignment alignment;
    private final Ssim windowedSsim;

    private FrameEvaluator(RFactor rFactor, Alignment alignment, Ssim windowedSsim) {
        this.rFactor = rFactor;
        this.alignment = alignment;
        this.windowedSsim = windowedSsim;
    }

    public static FrameEvaluator withDefaults() {
        return DEFAULT;
    }

    public FrameEvaluator with(RFactor newRFactor) {
        return new FrameEvaluator(Objects.requireNonNull(newRFactor, "rFactor"), alignment, windowedSsim);
    }

    public FrameEvaluator with(Alignment newAlignment) {
        return new FrameEvaluator(rFactor, Objects.requireNonNull(newAlignment, "alignment"), windowedSsim);
    }

    /** The windowed SSIM's settings (window, σ, data range); its form is forced to WINDOWED. */
    public FrameEvaluator withWindowedSsim(Ssim ssim) {
        return new FrameEvaluator(rFactor, alignment, Objects.requireNonNull(ssim, "ssim").with(SsimForm.WINDOWED));
    }

    /**
     * Evaluates one reconstruction.
     *
     * @param index          frame index
     * @param method         method name
     * @param reconstruction the object in its n×n box (amplitude units), row-major
     * @param frame          the frame it was reconstructed from
     * @param seconds        processing time for the frame (NaN if unknown)
     * @throws IllegalArgumentException if the reconstruction is not square or its size differs
     *                                  from the ground truth's
     */
    public MetricRow evaluate(int index, String method, float[] reconstruction, DiffractionFrame frame,
                              double seconds) {
        Objects.requireNonNull(reconstruction, "reconstruction");
        Objects.requireNonNull(frame, "frame");
        int n = Images.squareSide(reconstruction.length);
        double rF = rFactor.compute(reconstruction, frame);
        if (!frame.hasGroundTruth()) {
            return new MetricRow(index, method, rF, Double.NaN, Double.NaN, Double.NaN, Double.NaN, seconds);
        }
        float[] truth = frame.groundTruth();
        if (truth.length != reconstruction.length) {
            throw new IllegalArgumentException("reconstruction is " + n + "×" + n + " but the ground truth is "
                    + frame.groundTruthSize() + "×" + frame.groundTruthSize());
        }
        float[] aligned = alignment.align(reconstruction, truth, n, n).aligned();
        double psnr = ImageMetrics.psnrDb(aligned, truth);
        double ssimGlobal = Ssim.withDefaults().compute(aligned, truth, n, n);
        double ssimWindowed = n >= windowedSsim.windowPx() ? windowedSsim.compute(aligned, truth, n, n) : Double.NaN;
        double pcc = ImageMetrics.pcc(aligned, truth);
        return new MetricRow(index, method, rF, psnr, ssimGlobal, ssimWindowed, pcc, seconds);
    }
}
