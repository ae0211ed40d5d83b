package org.dpr.preprocess;

/**
 * A pattern's linear oversampling as {@link OversamplingEstimator} measured it. The oversampling
 * along an axis is σ = (pixels of the window) / (object extent in real-space pixels of that window),
 * which equals the speckle size in detector pixels, 1/(L·Δq): it does not depend on the window, so
 * the two axes of a non-square frame compare directly, and binning by K divides it by K.
 *
 * @param sigmaRows        σ along the rows (window height / object height)
 * @param sigmaCols        σ along the columns
 * @param objectHeightPx   estimated object height in real-space pixels of this window
 * @param objectWidthPx    estimated object width
 * @param signalToNoise    the strongest autocorrelation signal away from the origin over the
 *                         threshold (≥ 2 for a usable estimate)
 * @param apodisationPx    the width of the smooth taper applied at the mask edges in the last pass
 */
public record OversamplingEstimate(double sigmaRows, double sigmaCols, int objectHeightPx, int objectWidthPx,
                                   double signalToNoise, double apodisationPx) {

    /** Estimates with less signal than this are unreliable. */
    public static final double MINIMUM_SIGNAL_TO_NOISE = 2;

    /** The binding (smaller) oversampling: the object's larger extent must fit the model's box. */
    public double sigma() {
        return Math.min(sigmaRows, sigmaCols);
    }

    /** Whether the autocorrelation's edge stood clearly above the noise. */
    public boolean reliable() {
        return signalToNoise >= MINIMUM_SIGNAL_TO_NOISE && objectHeightPx >= 2 && objectWidthPx >= 2;
    }
}
