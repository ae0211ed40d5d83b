package org.dpr.metrics;

import java.util.Objects;

/**
 * Model Fourier amplitudes of a real-space object, in dpr's centred convention: the object (an
 * h×w box, amplitude units) is zero-padded into the centre of an H×W window at offset
 * ((H − h)/2, (W − w)/2) (as {@link org.dpr.tensor.Tensors#padCentre} does), Fourier transformed
 * without normalisation, and the modulus is stored with zero frequency at (H/2, W/2). This is
 * A = |FT[X]| of the paper's eq. 6 on the same grid as the measured intensities I, so that a
 * noise-free simulated pattern is exactly A².
 *
 * <p>Only moduli are returned, so the position of the object in the window (and the centring of
 * the input) does not matter: a translation changes only the Fourier phase. Pure Java, double
 * precision internally; any sizes.
 */
public final class FourierAmplitudes {

    private FourierAmplitudes() {
    }

    /**
     * Centred Fourier amplitudes of an object padded into a window.
     *
     * @param object       the object, row-major objectHeight × objectWidth
     * @param objectHeight rows of the object box
     * @param objectWidth  columns of the object box
     * @param windowHeight H (≥ objectHeight)
     * @param windowWidth  W (≥ objectWidth)
     * @return |FT[pad(object)]|, H×W row-major, zero frequency at (H/2, W/2)
     */
    public static float[] ofObject(float[] object, int objectHeight, int objectWidth,
                                   int windowHeight, int windowWidth) {
        Objects.requireNonNull(object, "object");
        Images.checkShape(object, objectHeight, objectWidth);
        if (windowHeight < objectHeight || windowWidth < objectWidth) {
            throw new IllegalArgumentException("window " + windowHeight + "×" + windowWidth
                    + " is smaller than the object box " + objectHeight + "×" + objectWidth);
        }
        int top = (windowHeight - objectHeight) / 2;
        int left = (windowWidth - objectWidth) / 2;
        double[] re = new double[windowHeight * windowWidth];
        double[] im = new double[re.length];
        for (int y = 0; y < objectHeight; y++) {
            for (int x = 0; x < objectWidth; x++) {
                re[(y + top) * windowWidth + x + left] = object[y * objectWidth + x];
            }
        }
        Fft.forward2d(re, im, windowHeight, windowWidth);
        float[] amplitudes = new float[re.length];
        for (int ky = 0; ky < windowHeight; ky++) {
            int oy = (ky + windowHeight / 2) % windowHeight;
            for (int kx = 0; kx < windowWidth; kx++) {
                int ox = (kx + windowWidth / 2) % windowWidth;
                int i = ky * windowWidth + kx;
                amplitudes[oy * windowWidth + ox] = (float) Math.hypot(re[i], im[i]);
            }
        }
        return amplitudes;
    }

    /** {@link #ofObject(float[], int, int, int, int)} for an n×n object in an N×N window. */
    public static float[] ofObject(float[] object, int objectSize, int windowSize) {
        return ofObject(object, objectSize, objectSize, windowSize, windowSize);
    }
}
