package org.dpr.preprocess;

import org.dpr.io.DiffractionFrame;
import org.dpr.io.FrameMetadata;

/**
 * Band-limited interpolation of a centred pattern onto a finer grid (DESIGN.md, "Measured data"):
 * a measured intensity sampled above Nyquist (σ ≥ 2) is determined between its samples, so it is
 * resampled exactly by zero-padding its autocorrelation F⁻¹(I) from H×W to H'×W' and transforming
 * back. The oversampling grows by H'/H; the pixels are smaller, so the photons per pixel are scaled
 * by (H·W)/(H'·W') and the total is conserved.
 *
 * <p>Missing pixels have no value to interpolate: before the transform they are filled (on a copy)
 * from their Friedel partner where it is measured, else with the mean of the measured pixels at the
 * same |q| (the nearest ring that has one), which keeps the ringing of a zero-filled hole away; a
 * fine pixel is measured only when the four coarse pixels around it are. Negative values from the
 * ringing are clipped at 0. {@link FrameMetadata#PIXEL_SIZE_M} shrinks by H/H'.
 */
final class Interpolation {
    private Interpolation() {
    }

    /** The frame (even sizes) resampled to outHeight×outWidth (even). */
    static DiffractionFrame resample(DiffractionFrame frame, int outHeight, int outWidth) {
        int h = frame.height();
        int w = frame.width();
        float[] values = frame.intensity().clone();
        byte[] filled = frame.mask().clone();
        OversamplingEstimator.friedelFill(values, filled, h, w);
        radialFill(values, filled, h, w);
        float[] fine = Spectra.resample(values, h, w, outHeight, outWidth);
        double scale = (double) h * w / ((double) outHeight * outWidth);
        byte[] mask = new byte[outHeight * outWidth];
        byte[] coarse = frame.mask();
        for (int y = 0; y < outHeight; y++) {
            double sy = (y - outHeight / 2) * (double) h / outHeight + h / 2;
            int y0 = (int) Math.floor(sy);
            int y1 = (int) Math.ceil(sy);
            for (int x = 0; x < outWidth; x++) {
                double sx = (x - outWidth / 2) * (double) w / outWidth + w / 2;
                int x0 = (int) Math.floor(sx);
                int x1 = (int) Math.ceil(sx);
                int i = y * outWidth + x;
                boolean measured = y0 >= 0 && y1 < h && x0 >= 0 && x1 < w
                        && coarse[y0 * w + x0] != 0 && coarse[y0 * w + x1] != 0
                        && coarse[y1 * w + x0] != 0 && coarse[y1 * w + x1] != 0;
                mask[i] = (byte) (measured ? 1 : 0);
                fine[i] = measured ? (float) Math.max(0, fine[i] * scale) : 0f;
            }
        }
        FrameMetadata metadata = frame.metadata();
        if (metadata.number(FrameMetadata.PIXEL_SIZE_M).isPresent()) {
            metadata = metadata.with(FrameMetadata.PIXEL_SIZE_M,
                    metadata.number(FrameMetadata.PIXEL_SIZE_M).getAsDouble() * h / outHeight);
        }
        return Frames.resized(frame, outHeight, outWidth, fine, mask, metadata);
    }

    /** Missing pixels ← mean of the measured pixels on the same ring round(|q|), or the nearest ring that has one. */
    static void radialFill(float[] values, byte[] mask, int h, int w) {
        int cy = h / 2;
        int cx = w / 2;
        int rings = (int) Math.ceil(Math.hypot(Math.max(cy, h - cy), Math.max(cx, w - cx))) + 1;
        double[] sum = new double[rings];
        int[] count = new int[rings];
        int[] ring = new int[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                ring[i] = (int) Math.round(Math.hypot(y - cy, x - cx));
                if (mask[i] != 0) {
                    sum[ring[i]] += Math.max(values[i], 0);
                    count[ring[i]]++;
                }
            }
        }
        double[] mean = new double[rings];
        int previous = -1;
        for (int r = 0; r < rings; r++) {
            if (count[r] > 0) {
                mean[r] = sum[r] / count[r];
                for (int gap = previous + 1; gap < r; gap++) {
                    mean[gap] = previous < 0 || gap - previous > r - gap ? mean[r] : mean[previous];
                }
                previous = r;
            }
        }
        for (int r = previous + 1; r < rings && previous >= 0; r++) {
            mean[r] = mean[previous];
        }
        for (int i = 0; i < values.length; i++) {
            if (mask[i] == 0) {
                values[i] = (float) mean[ring[i]];
            }
        }
    }
}
