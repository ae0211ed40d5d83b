package org.dpr.metrics;

import java.util.Arrays;
import java.util.Objects;
import org.dpr.io.DiffractionFrame;

/**
 * The local R-factor of the paper's §4.4 and Fig. 3 / Supplementary Fig. 2: eq. 6 evaluated pixel
 * by pixel,
 * <pre>
 *   R_F,local(i) = |A_i − √I_i| / √I_i     for measured pixels with I_i &gt; 0.5 photons,
 * </pre>
 * shown as a map and as a radial profile over the momentum transfer |q| (pixels from the pattern's
 * centre (H/2, W/2)). It tells whether a reconstruction honours the weak high-q signal, which the
 * global R_F (dominated by the bright centre) hides.
 *
 * <p>Defaults: threshold 0.5 photons (paper), rings 1 px wide, amplitudes as given. A ring b
 * holds the pixels with round(|q| / width) = b, so its centre is b·width and ring 0 is the
 * central pixel's neighbourhood |q| &lt; width/2. Immutable.
 */
public final class LocalRFactor {

    private static final LocalRFactor DEFAULT = new LocalRFactor(0.5, 1.0, RFactor.AmplitudeScale.AS_GIVEN);

    private final double thresholdPhotons;
    private final double binWidthPx;
    private final RFactor.AmplitudeScale scale;

    private LocalRFactor(double thresholdPhotons, double binWidthPx, RFactor.AmplitudeScale scale) {
        this.thresholdPhotons = thresholdPhotons;
        this.binWidthPx = binWidthPx;
        this.scale = scale;
    }

    /** Threshold 0.5 photons (paper §4.4), rings 1 px wide, amplitudes as given. */
    public static LocalRFactor withDefaults() {
        return DEFAULT;
    }

    /** Pixels count only where I exceeds this many photons (strictly); must be ≥ 0. */
    public LocalRFactor withThresholdPhotons(double photons) {
        if (!(photons >= 0) || Double.isInfinite(photons)) {
            throw new IllegalArgumentException("threshold must be a finite number of photons ≥ 0, got " + photons);
        }
        return new LocalRFactor(photons, binWidthPx, scale);
    }

    /** Width of the |q| rings of the radial profile in pixels; must be positive. */
    public LocalRFactor withBinWidthPx(double widthPx) {
        if (!(widthPx > 0) || Double.isInfinite(widthPx)) {
            throw new IllegalArgumentException("ring width must be a positive number of pixels, got " + widthPx);
        }
        return new LocalRFactor(thresholdPhotons, widthPx, scale);
    }

    public LocalRFactor with(RFactor.AmplitudeScale newScale) {
        return new LocalRFactor(thresholdPhotons, binWidthPx, Objects.requireNonNull(newScale, "scale"));
    }

    public double thresholdPhotons() {
        return thresholdPhotons;
    }

    public double binWidthPx() {
        return binWidthPx;
    }

    /**
     * Per-pixel local R_F: |A − √I| / √I on measured pixels with I above the threshold, NaN
     * elsewhere.
     *
     * @param amplitudes model Fourier amplitudes (same grid as {@code intensity})
     * @param intensity  measured intensities in photons
     * @param mask       1 = measured
     */
    public float[] map(float[] amplitudes, float[] intensity, byte[] mask) {
        Images.checkSameLength(amplitudes, intensity);
        Objects.requireNonNull(mask, "mask");
        if (mask.length != intensity.length) {
            throw new IllegalArgumentException("mask has " + mask.length + " values, intensity " + intensity.length);
        }
        double factor = scale == RFactor.AmplitudeScale.AS_GIVEN
                ? 1.0 : RFactor.photonMatchingFactor(amplitudes, intensity, mask);
        float[] local = new float[intensity.length];
        Arrays.fill(local, Float.NaN);
        for (int i = 0; i < intensity.length; i++) {
            if (mask[i] != 0 && intensity[i] > thresholdPhotons && intensity[i] > 0) {
                double measured = Math.sqrt(intensity[i]);
                local[i] = (float) (Math.abs(factor * amplitudes[i] - measured) / measured);
            }
        }
        return local;
    }

    /** The local R_F map of an object (n×n box, amplitude units) against a frame. */
    public float[] map(float[] object, DiffractionFrame frame) {
        int n = Images.squareSide(object.length);
        float[] amplitudes = FourierAmplitudes.ofObject(object, n, n, frame.height(), frame.width());
        return map(amplitudes, frame.intensity(), frame.mask());
    }

    /**
     * Radial profile of the local R_F of model amplitudes against measured intensities.
     *
     * @param height rows of the pattern (the centre is at row height/2)
     * @param width  columns (centre at column width/2)
     */
    public RadialProfile radialProfile(float[] amplitudes, float[] intensity, byte[] mask, int height, int width) {
        Images.checkShape(intensity, height, width);
        return profileOf(map(amplitudes, intensity, mask), height, width);
    }

    /** Radial profile of the local R_F of an object (n×n box) against a frame. */
    public RadialProfile radialProfile(float[] object, DiffractionFrame frame) {
        return profileOf(map(object, frame), frame.height(), frame.width());
    }

    /**
     * Radial profile of any per-pixel map (NaN = no value) about (height/2, width/2), with this
     * configuration's ring width.
     */
    public RadialProfile profileOf(float[] values, int height, int width) {
        Images.checkShape(values, height, width);
        int cy = height / 2;
        int cx = width / 2;
        double maxRadius = Math.hypot(Math.max(cy, height - 1 - cy), Math.max(cx, width - 1 - cx));
        int bins = (int) Math.round(maxRadius / binWidthPx) + 1;
        double[] sum = new double[bins];
        double[] sumSquares = new double[bins];
        long[] counts = new long[bins];
        int last = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float v = values[y * width + x];
                if (Float.isNaN(v)) {
                    continue;
                }
                int b = (int) Math.round(Math.hypot(y - cy, x - cx) / binWidthPx);
                sum[b] += v;
                sumSquares[b] += (double) v * v;
                counts[b]++;
                last = Math.max(last, b);
            }
        }
        int kept = last + 1;
        double[] centres = new double[kept];
        double[] mean = new double[kept];
        double[] error = new double[kept];
        for (int b = 0; b < kept; b++) {
            centres[b] = b * binWidthPx;
            long c = counts[b];
            mean[b] = c > 0 ? sum[b] / c : Double.NaN;
            if (c > 1) {
                double variance = Math.max(0, (sumSquares[b] - sum[b] * sum[b] / c) / (c - 1));
                error[b] = Math.sqrt(variance / c);
            } else {
                error[b] = Double.NaN;
            }
        }
        return new RadialProfile(centres, mean, error, Arrays.copyOf(counts, kept));
    }

    @Override
    public String toString() {
        return "LocalRFactor[threshold " + thresholdPhotons + " photons, rings " + binWidthPx + " px, " + scale + "]";
    }
}
