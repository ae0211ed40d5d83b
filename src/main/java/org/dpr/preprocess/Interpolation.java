package org.dpr.preprocess;

import org.dpr.io.DiffractionFrame;
import org.dpr.io.FrameMetadata;

/**
 * Band-limited interpolation of a centred pattern onto a finer grid (DESIGN.md, "Measured data"):
 * a measured intensity sampled above Nyquist (σ ≥ 2) is determined between its samples, so it is
 * resampled by zero-padding its autocorrelation F⁻¹(I) from H×W to H'×W' and transforming back.
 * The oversampling grows by H'/H; the pixels are smaller, so the photons per pixel are scaled by
 * (H·W)/(H'·W') and the total is conserved.
 *
 * <p>Missing pixels have no value, and a badly guessed one (a beamstop over the bright central
 * speckle) would spread through every interpolated pixel with the sinc kernel's slow 1/r tails. So
 * the interpolation is normalised (Knutsson &amp; Westin's normalised convolution, with the sinc
 * kernel): missing pixels are first filled from their Friedel partner where it is measured, then
 * the pattern times a smooth taper t (0 on the remaining missing pixels, rising as
 * sin²(π/2·d/ℓ) to 1 at ℓ pixels from them, ℓ ≈ the speckle size) and the taper itself are both
 * interpolated, and I' = interp(I·t) / interp(t) where interp(t) ≥ ½ — exactly interp(I) wherever
 * the taper is 1, and missing where the interpolated taper is below ½. A fine pixel is measured only
 * when, in addition, the four coarse pixels around it are. Negative values from the ringing are
 * clipped at 0. {@link FrameMetadata#PIXEL_SIZE_M} shrinks by H/H'.
 */
final class Interpolation {
    private Interpolation() {
    }

    /**
     * The frame (even sizes) resampled to outHeight×outWidth (even).
     *
     * @param taperPx ℓ, the width of the taper about missing pixels (≥ 1; the speckle size)
     */
    static DiffractionFrame resample(DiffractionFrame frame, int outHeight, int outWidth, double taperPx) {
        int h = frame.height();
        int w = frame.width();
        float[] values = frame.intensity().clone();
        byte[] known = frame.mask().clone();
        OversamplingEstimator.friedelFill(values, known, h, w);
        double[] distance = DistanceTransform.toMissing(known, h, w);
        float[] taper = new float[h * w];
        float[] tapered = new float[h * w];
        for (int i = 0; i < taper.length; i++) {
            double d = distance[i];
            double t = known[i] == 0 ? 0 : d >= taperPx ? 1 : Math.pow(Math.sin(Math.PI / 2 * d / taperPx), 2);
            taper[i] = (float) t;
            tapered[i] = (float) (t * Math.max(values[i], 0));
        }
        float[] numerator = Spectra.resample(tapered, h, w, outHeight, outWidth);
        float[] denominator = Spectra.resample(taper, h, w, outHeight, outWidth);
        double scale = (double) h * w / ((double) outHeight * outWidth);
        float[] fine = new float[outHeight * outWidth];
        byte[] mask = new byte[outHeight * outWidth];
        for (int y = 0; y < outHeight; y++) {
            double sy = (y - outHeight / 2) * (double) h / outHeight + h / 2;
            int y0 = (int) Math.floor(sy);
            int y1 = (int) Math.ceil(sy);
            for (int x = 0; x < outWidth; x++) {
                double sx = (x - outWidth / 2) * (double) w / outWidth + w / 2;
                int x0 = (int) Math.floor(sx);
                int x1 = (int) Math.ceil(sx);
                int i = y * outWidth + x;
                boolean measured = y0 >= 0 && y1 < h && x0 >= 0 && x1 < w && denominator[i] >= 0.5f
                        && known[y0 * w + x0] != 0 && known[y0 * w + x1] != 0
                        && known[y1 * w + x0] != 0 && known[y1 * w + x1] != 0;
                mask[i] = (byte) (measured ? 1 : 0);
                fine[i] = measured ? (float) Math.max(0, numerator[i] / denominator[i] * scale) : 0f;
            }
        }
        FrameMetadata metadata = frame.metadata();
        if (metadata.number(FrameMetadata.PIXEL_SIZE_M).isPresent()) {
            metadata = metadata.with(FrameMetadata.PIXEL_SIZE_M,
                    metadata.number(FrameMetadata.PIXEL_SIZE_M).getAsDouble() * h / outHeight);
        }
        return Frames.resized(frame, outHeight, outWidth, fine, mask, metadata);
    }
}
