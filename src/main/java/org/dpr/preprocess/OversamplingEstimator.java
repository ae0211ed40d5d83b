package org.dpr.preprocess;

import java.util.Arrays;
import org.dpr.io.DiffractionFrame;

/**
 * Estimates the linear oversampling of a centred pattern from the extent of its autocorrelation
 * (DESIGN.md, "Measured data"): F⁻¹(I) is the autocorrelation of the object, which spans twice the
 * object's extent L, so the object spans L = ½·(autocorrelation extent) pixels of the window and
 * σ = window / L.
 *
 * <p>Measured patterns lack their brightest part (beamstop, saturated core) and have gaps; a plain
 * F⁻¹(I·M) is then dominated by the missing energy's ringing and has no edge to find. Three
 * measures make the edge robust:
 * <ol>
 *   <li>Missing pixels are first filled from their Friedel partner where it is measured (on a copy).</li>
 *   <li>The pattern is weighted by the symbol of the discrete Laplacian,
 *       w(q) = sin²(π q_y/H) + sin²(π q_x/W): F⁻¹(I·w) = −¼∇²A, a <em>local</em> operator on the
 *       autocorrelation A, so its support is A's (plus one pixel) — but the weight is ≈ 0 at low q,
 *       so the missing centre hardly contributes, and the edge of A (where it falls to zero with a
 *       kink) is emphasised.</li>
 *   <li>The remaining missing regions are tapered: the mask is replaced by sin²(π/2·min(1, d/ℓ)),
 *       d the distance to the nearest missing pixel, whose transform is compact; the taper width ℓ
 *       is set to the speckle size σ itself (starting from min(H, W)/64 and iterating until it
 *       settles), so that the mask's blur in real space stays below the object's extent.</li>
 * </ol>
 * The extent is then the bounding box of |F⁻¹(I·w·taper)| above max(median + 6·1.4826·MAD of the
 * corner pixels beyond the inscribed ellipse — pure noise when σ &gt; 2 —, 2 % of the maximum),
 * ignoring the two most distant pixels on each axis. Its errors are conservative: a large beamstop
 * blurs the autocorrelation, which makes the object look larger and σ smaller (tested within 15 %
 * for σ = 4, 8, 16 with a beamstop and panel gaps; the team's optical ring gives 46.8 against the
 * 49 of its finest fringes).
 *
 * <p>Defaults: relative threshold 0.02, noise factor 6, taper factor 1, at most 4 passes. Immutable.
 */
public final class OversamplingEstimator {

    private static final OversamplingEstimator DEFAULT = new OversamplingEstimator(0.02, 6, 1.0, 4);
    private static final int TRIMMED = 2;

    private final double relativeThreshold;
    private final double noiseFactor;
    private final double taperFactor;
    private final int passes;

    private OversamplingEstimator(double relativeThreshold, double noiseFactor, double taperFactor, int passes) {
        this.relativeThreshold = relativeThreshold;
        this.noiseFactor = noiseFactor;
        this.taperFactor = taperFactor;
        this.passes = passes;
    }

    public static OversamplingEstimator withDefaults() {
        return DEFAULT;
    }

    /** Fraction of the maximum below which the autocorrelation counts as zero, in (0, 1). */
    public OversamplingEstimator withRelativeThreshold(double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("relative threshold must be in (0, 1), got " + fraction);
        }
        return new OversamplingEstimator(fraction, noiseFactor, taperFactor, passes);
    }

    /** Robust standard deviations of the noise floor below which the autocorrelation counts as zero (> 0). */
    public OversamplingEstimator withNoiseFactor(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("noise factor must be positive, got " + factor);
        }
        return new OversamplingEstimator(relativeThreshold, factor, taperFactor, passes);
    }

    /** Width of the mask taper in units of the estimated speckle size (> 0). */
    public OversamplingEstimator withTaperFactor(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("taper factor must be positive, got " + factor);
        }
        return new OversamplingEstimator(relativeThreshold, noiseFactor, factor, passes);
    }

    /**
     * The oversampling of a centred frame (zero frequency at (H/2, W/2)).
     *
     * @throws PreprocessException if the frame has no measured pixel
     */
    public OversamplingEstimate estimate(DiffractionFrame frame) {
        DiffractionFrame even = Frames.even(frame);
        int h = even.height();
        int w = even.width();
        float[] intensity = even.intensity().clone();
        byte[] mask = even.mask().clone();
        friedelFill(intensity, mask, h, w);
        if (Frames.missing(mask) == mask.length) {
            throw new PreprocessException("cannot estimate the oversampling: the frame has no measured pixel");
        }
        float[] laplacian = new float[h * w];
        for (int y = 0; y < h; y++) {
            double sy = Math.sin(Math.PI * (y - h / 2) / h);
            for (int x = 0; x < w; x++) {
                double sx = Math.sin(Math.PI * (x - w / 2) / w);
                laplacian[y * w + x] = (float) (sy * sy + sx * sx);
            }
        }
        double[] distance = DistanceTransform.toMissing(mask, h, w);
        double taper = Math.min(h, w) / 64.0;
        OversamplingEstimate last = null;
        for (int pass = 0; pass < passes; pass++) {
            last = once(intensity, mask, laplacian, distance, taper, h, w);
            double next = Math.max(1, taperFactor * last.sigma());
            if (Math.abs(next - taper) < 0.5) {
                break;
            }
            taper = next;
        }
        // σ is the speckle size in detector pixels: padding an odd frame by one pixel does not change it
        return last;
    }

    private OversamplingEstimate once(float[] intensity, byte[] mask, float[] laplacian, double[] distance, double taper,
                                      int h, int w) {
        float[] weighted = new float[h * w];
        for (int i = 0; i < weighted.length; i++) {
            if (mask[i] == 0) {
                continue;
            }
            double t = distance[i] >= taper ? 1 : Math.pow(Math.sin(Math.PI / 2 * distance[i] / taper), 2);
            weighted[i] = (float) (Math.max(intensity[i], 0) * laplacian[i] * t);
        }
        float[] a = Spectra.autocorrelationMagnitude(weighted, h, w);
        int cy = h / 2;
        int cx = w / 2;
        int corners = 0;
        float[] corner = new float[a.length];
        float max = 0;
        for (int y = 0; y < h; y++) {
            double ry = (y - cy) / (h / 2.0);
            for (int x = 0; x < w; x++) {
                double rx = (x - cx) / (w / 2.0);
                float v = a[y * w + x];
                max = Math.max(max, v);
                if (ry * ry + rx * rx > 1) {
                    corner[corners++] = v;
                }
            }
        }
        double floor = robustFloor(Arrays.copyOf(corner, corners));
        double threshold = Math.max(floor, relativeThreshold * max);
        int[] rowCounts = new int[cy + h];
        int[] colCounts = new int[cx + w];
        float beyond = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float v = a[y * w + x];
                if (Math.abs(y - cy) > 1 || Math.abs(x - cx) > 1) {
                    beyond = Math.max(beyond, v);
                }
                if (v > threshold) {
                    rowCounts[Math.abs(y - cy)]++;
                    colCounts[Math.abs(x - cx)]++;
                }
            }
        }
        int ey = Math.max(1, trimmedMax(rowCounts));
        int ex = Math.max(1, trimmedMax(colCounts));
        return new OversamplingEstimate(h / (double) ey, w / (double) ex, ey, ex, beyond / Math.max(floor, 1e-30), taper);
    }

    /** The largest offset with counts, after leaving out the {@value #TRIMMED} most distant pixels. */
    private static int trimmedMax(int[] counts) {
        int skipped = 0;
        for (int d = counts.length - 1; d >= 0; d--) {
            skipped += counts[d];
            if (skipped > TRIMMED) {
                return d;
            }
        }
        return 0;
    }

    /** median + noiseFactor · 1.4826 · MAD of the values (the noise level of the corners). */
    private double robustFloor(float[] values) {
        if (values.length == 0) {
            return 0;
        }
        Arrays.sort(values);
        double median = values[values.length / 2];
        float[] dev = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            dev[i] = (float) Math.abs(values[i] - median);
        }
        Arrays.sort(dev);
        return median + noiseFactor * 1.4826 * dev[dev.length / 2];
    }

    /** Fills missing pixels whose centrosymmetric partner is measured, in place. */
    static void friedelFill(float[] intensity, byte[] mask, int h, int w) {
        byte[] original = mask.clone();
        for (int y = 1; y < h; y++) {
            for (int x = 1; x < w; x++) {
                int i = y * w + x;
                int p = (h - y) * w + (w - x);
                if (original[i] == 0 && original[p] != 0) {
                    intensity[i] = intensity[p];
                    mask[i] = 1;
                }
            }
        }
    }

    @Override
    public String toString() {
        return "OversamplingEstimator[threshold " + relativeThreshold + " of max, noise ×" + noiseFactor + ", taper ×"
                + taperFactor + "]";
    }
}
