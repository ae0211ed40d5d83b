package org.dpr.retrieve;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.dpr.DprException;
import org.dpr.io.DiffractionFrame;

/**
 * The measured data of a batch on the device, laid out for the iterative engine: B = frames × rows per
 * frame (row = frame · rowsPerFrame + start), each row carrying its frame's data.
 *
 * <p>The measured amplitudes √max(I, 0) and the mask (1 = measured) are moved from dpr's centred
 * layout to FFT order (zero frequency at index (0, 0)) once here, so that no iteration shifts
 * anything. Unmeasured pixels carry amplitude 0 and float freely in every projection (paper §4.5).
 *
 * <p>Besides the full-grid arrays used by the complex-valued GPS iterations, it holds the same data on
 * the half spectrum (H × (W/2 + 1), the non-redundant part of the transform of a real object) used by
 * ER, HIO and RAAR, which keep a real iterate:
 * <ul>
 * <li>the symmetrised projection gains: for a real object u with spectrum U (|U(k)| = |U(−k)|),
 *     Re F⁻¹[P_M(U)] = F⁻¹[U · ḡ] with ḡ(k) = (g(k) + g(−k))/2 and g = m·a/|U| + (1 − m), so
 *     ḡ = A_s/|U| + O_s with A_s = (m a + m' a')/2 and O_s = 1 − (m + m')/2 (primes: at −k). This is
 *     exact for any mask, centrosymmetric or not;</li>
 * <li>the amplitudes and mask at k and at −k (the latter zero on the self-conjugate columns 0 and
 *     W/2) so that sums over the full grid, as in R_F (eq. 6), are sums over the half spectrum.</li>
 * </ul>
 *
 * <p>Owns its arrays; close it (or let the {@link PhasingState} that holds it close it).
 */
public final class Measurement implements AutoCloseable {
    private final int frames;
    private final int rowsPerFrame;
    private final int height;
    private final int width;
    private final NDArray amplitudes;
    private final NDArray mask;
    private final NDArray halfSymmetricAmplitudes;
    private final NDArray halfSymmetricUnmeasured;
    private final NDArray halfAmplitudes;
    private final NDArray halfMask;
    private final NDArray halfMirrorAmplitudes;
    private final NDArray halfMirrorMask;
    private final NDArray measuredAmplitudeSums;
    private final NDArray frequencySquaredPx;
    private final NDArray halfFrequencySquared;
    private final NDArray radiusSquaredPx;

    private Measurement(NDManager manager, int frames, int rowsPerFrame, int height, int width, float[][] intensity,
                        float[][] maskValues) {
        this.frames = frames;
        this.rowsPerFrame = rowsPerFrame;
        this.height = height;
        this.width = width;
        int halfWidth = width / 2 + 1;
        int full = height * width;
        int half = height * halfWidth;
        float[] amp = new float[frames * full];
        float[] msk = new float[frames * full];
        float[] symA = new float[frames * half];
        float[] symO = new float[frames * half];
        float[] hA = new float[frames * half];
        float[] hM = new float[frames * half];
        float[] mA = new float[frames * half];
        float[] mM = new float[frames * half];
        for (int f = 0; f < frames; f++) {
            int fo = f * full;
            int ho = f * half;
            for (int y = 0; y < height; y++) {
                int cy = (y + height / 2) % height; // FFT index y ← centred index cy (ifftshift)
                for (int x = 0; x < width; x++) {
                    int cx = (x + width / 2) % width;
                    int c = cy * width + cx;
                    boolean measured = maskValues[f][c] != 0f;
                    amp[fo + y * width + x] = measured ? (float) Math.sqrt(Math.max(intensity[f][c], 0f)) : 0f;
                    msk[fo + y * width + x] = measured ? 1f : 0f;
                }
            }
            for (int y = 0; y < height; y++) {
                int my = (height - y) % height;
                for (int x = 0; x < halfWidth; x++) {
                    int mx = (width - x) % width;
                    int k = fo + y * width + x;
                    int mk = fo + my * width + mx;
                    int h = ho + y * halfWidth + x;
                    symA[h] = 0.5f * (amp[k] + amp[mk]);
                    symO[h] = 1f - 0.5f * (msk[k] + msk[mk]);
                    hA[h] = amp[k];
                    hM[h] = msk[k];
                    boolean selfConjugateColumn = x == 0 || x == width / 2;
                    mA[h] = selfConjugateColumn ? 0f : amp[mk];
                    mM[h] = selfConjugateColumn ? 0f : msk[mk];
                }
            }
        }
        this.amplitudes = rows(manager, amp, frames, height, width);
        this.mask = rows(manager, msk, frames, height, width);
        this.halfSymmetricAmplitudes = rows(manager, symA, frames, height, halfWidth);
        this.halfSymmetricUnmeasured = rows(manager, symO, frames, height, halfWidth);
        this.halfAmplitudes = rows(manager, hA, frames, height, halfWidth);
        this.halfMask = rows(manager, hM, frames, height, halfWidth);
        this.halfMirrorAmplitudes = rows(manager, mA, frames, height, halfWidth);
        this.halfMirrorMask = rows(manager, mM, frames, height, halfWidth);
        this.measuredAmplitudeSums = amplitudes.sum(new int[] {1, 2});
        this.frequencySquaredPx = manager.create(frequencySquaredPx(height, width), new Shape(height, width));
        this.halfFrequencySquared = manager.create(halfFrequencySquared(height, width), new Shape(height, halfWidth));
        this.radiusSquaredPx = manager.create(radiusSquaredPx(height, width), new Shape(height, width));
    }

    private NDArray rows(NDManager manager, float[] values, int f, int h, int w) {
        try (NDArray perFrame = manager.create(values, new Shape(f, h, w))) {
            return rowsPerFrame == 1 ? perFrame.duplicate() : perFrame.repeat(0, rowsPerFrame);
        }
    }

    /**
     * The data of {@code frames} on {@code manager}'s device, each repeated for {@code rowsPerFrame}
     * rows (random starts).
     *
     * @throws IllegalArgumentException if the list is empty, sizes differ or are odd, or rowsPerFrame < 1
     * @throws DprException if a frame has no measured pixel, no measured photons or a non-finite
     *                      measured intensity
     */
    public static Measurement fromFrames(NDManager manager, List<DiffractionFrame> frames, int rowsPerFrame) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("no frames given");
        }
        int h = frames.get(0).height();
        int w = frames.get(0).width();
        float[][] intensity = new float[frames.size()][];
        float[][] masks = new float[frames.size()][];
        for (int f = 0; f < frames.size(); f++) {
            DiffractionFrame frame = frames.get(f);
            if (frame.height() != h || frame.width() != w) {
                throw new IllegalArgumentException("frames of one batch must share a size: " + h + "×" + w
                        + " and " + frame.height() + "×" + frame.width());
            }
            intensity[f] = frame.intensity();
            float[] m = new float[h * w];
            for (int i = 0; i < m.length; i++) {
                m[i] = frame.mask()[i] != 0 ? 1f : 0f;
            }
            masks[f] = m;
        }
        return of(manager, intensity, masks, h, w, rowsPerFrame);
    }

    /**
     * The data of intensities (F, H, W) (or (H, W) for one frame) and masks of the same shape, both
     * centred, on the intensities' device, each frame repeated for {@code rowsPerFrame} rows.
     */
    public static Measurement fromArrays(NDArray intensity, NDArray mask, int rowsPerFrame) {
        Shape s = intensity.getShape();
        if (!s.equals(mask.getShape()) || s.dimension() < 2 || s.dimension() > 3) {
            throw new IllegalArgumentException("intensity and mask must both be (F, H, W) or (H, W), got "
                    + s + " and " + mask.getShape());
        }
        int h = (int) s.get(s.dimension() - 2);
        int w = (int) s.get(s.dimension() - 1);
        int f = s.dimension() == 3 ? (int) s.get(0) : 1;
        float[] all = intensity.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
        float[] allMask = mask.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
        float[][] intensities = new float[f][];
        float[][] masks = new float[f][];
        for (int i = 0; i < f; i++) {
            intensities[i] = java.util.Arrays.copyOfRange(all, i * h * w, (i + 1) * h * w);
            masks[i] = java.util.Arrays.copyOfRange(allMask, i * h * w, (i + 1) * h * w);
        }
        return of(intensity.getManager(), intensities, masks, h, w, rowsPerFrame);
    }

    private static Measurement of(NDManager manager, float[][] intensity, float[][] masks, int h, int w,
                                  int rowsPerFrame) {
        if (h <= 0 || w <= 0 || h % 2 != 0 || w % 2 != 0) {
            throw new IllegalArgumentException("the window must have even, positive sides, got " + h + "×" + w);
        }
        if (rowsPerFrame < 1) {
            throw new IllegalArgumentException("rows per frame must be at least 1, got " + rowsPerFrame);
        }
        for (int f = 0; f < intensity.length; f++) {
            validate(f, intensity[f], masks[f]);
        }
        return new Measurement(manager, intensity.length, rowsPerFrame, h, w, intensity, masks);
    }

    private static void validate(int frame, float[] intensity, float[] mask) {
        int measured = 0;
        double photons = 0;
        for (int i = 0; i < intensity.length; i++) {
            if (mask[i] == 0f) {
                continue;
            }
            measured++;
            float v = intensity[i];
            if (!Float.isFinite(v)) {
                throw new DprException("frame " + frame + ": measured pixel " + i + " has a non-finite intensity ("
                        + v + "); mask it or clean the data");
            }
            photons += Math.max(v, 0f);
        }
        if (measured == 0) {
            throw new DprException("frame " + frame + ": every pixel is masked, nothing to phase");
        }
        if (photons <= 0) {
            throw new DprException("frame " + frame + ": the measured intensity is zero everywhere, nothing to phase");
        }
    }

    /** q² = qy² + qx² in pixels² of the discrete frequency index, FFT order (H, W). */
    static float[] frequencySquaredPx(int h, int w) {
        float[] q = new float[h * w];
        for (int y = 0; y < h; y++) {
            int qy = y <= h / 2 ? y : y - h;
            for (int x = 0; x < w; x++) {
                int qx = x <= w / 2 ? x : x - w;
                q[y * w + x] = qy * qy + qx * qx;
            }
        }
        return q;
    }

    /** f² = (qy/H)² + (qx/W)² in cycles² per pixel², on the half spectrum (H, W/2 + 1). */
    static float[] halfFrequencySquared(int h, int w) {
        int hw = w / 2 + 1;
        float[] q = new float[h * hw];
        for (int y = 0; y < h; y++) {
            double fy = (y <= h / 2 ? y : y - h) / (double) h;
            for (int x = 0; x < hw; x++) {
                double fx = x / (double) w;
                q[y * hw + x] = (float) (fy * fy + fx * fx);
            }
        }
        return q;
    }

    /** r² from the window centre (H/2, W/2) in pixels², centred layout (H, W). */
    static float[] radiusSquaredPx(int h, int w) {
        float[] r = new float[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int dy = y - h / 2;
                int dx = x - w / 2;
                r[y * w + x] = dy * dy + dx * dx;
            }
        }
        return r;
    }

    /** Rows B = frames × rowsPerFrame. */
    public int batch() {
        return frames * rowsPerFrame;
    }

    public int frames() {
        return frames;
    }

    public int rowsPerFrame() {
        return rowsPerFrame;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** √max(I, 0) on measured pixels, 0 elsewhere; (B, H, W) float32, FFT order. */
    public NDArray amplitudes() {
        return amplitudes;
    }

    /** 1 = measured, 0 = missing; (B, H, W) float32, FFT order. */
    public NDArray mask() {
        return mask;
    }

    /** Σ of the measured amplitudes per row, (B): the denominator of R_F (eq. 6). */
    public NDArray measuredAmplitudeSums() {
        return measuredAmplitudeSums;
    }

    NDArray halfSymmetricAmplitudes() {
        return halfSymmetricAmplitudes;
    }

    NDArray halfSymmetricUnmeasured() {
        return halfSymmetricUnmeasured;
    }

    NDArray halfAmplitudes() {
        return halfAmplitudes;
    }

    NDArray halfMask() {
        return halfMask;
    }

    NDArray halfMirrorAmplitudes() {
        return halfMirrorAmplitudes;
    }

    NDArray halfMirrorMask() {
        return halfMirrorMask;
    }

    /** q² in index units, FFT order, (H, W). */
    NDArray frequencySquaredPx() {
        return frequencySquaredPx;
    }

    /** f² in cycles²/px² on the half spectrum, (H, W/2 + 1). */
    NDArray halfFrequencySquared() {
        return halfFrequencySquared;
    }

    /** r² from the window centre, centred layout, (H, W). */
    NDArray radiusSquaredPx() {
        return radiusSquaredPx;
    }

    @Override
    public void close() {
        for (NDArray a : new NDArray[] {amplitudes, mask, halfSymmetricAmplitudes, halfSymmetricUnmeasured,
                halfAmplitudes, halfMask, halfMirrorAmplitudes, halfMirrorMask, measuredAmplitudeSums,
                frequencySquaredPx, halfFrequencySquared, radiusSquaredPx}) {
            a.close();
        }
    }

    @Override
    public String toString() {
        return "Measurement[" + frames + " frames × " + rowsPerFrame + " rows, " + height + "×" + width + "]";
    }
}
