package org.dpr.preprocess;

import org.dpr.io.DiffractionFrame;

/**
 * Finds the zero frequency of a diffraction pattern from its centrosymmetry (Friedel's law,
 * I(c + u) = I(c − u)): the masked normalised cross-correlation of the pattern with its 180°
 * rotation peaks at twice the centre (paper §4.6; DESIGN.md, "Measured data").
 *
 * <p>With a = √I on measured pixels (amplitudes: the square root stabilises Poisson noise, so that
 * the faint high-q rings weigh as much as the bright centre), the correlation of the pattern with
 * itself rotated about c is a self-<em>convolution</em> at t = 2c. Only pixel pairs where both are
 * measured count (Padfield, "Masked object registration in the Fourier domain", IEEE TIP 2012):
 * <pre>
 *   NCC(t) = (N·O − S1²) / (S2·O − S1²),   N = a∗a,  O = m∗m,  S1 = a∗m,  S2 = a²∗m,
 * </pre>
 * the Pearson correlation of the overlapping pixels, computed for all t at once with FFTs (zero-padded
 * to 2H×2W so that the convolutions are linear). Centres whose overlap holds fewer than
 * {@link #withMinimumOverlap minimum overlap} of the measured pixels are not considered (a handful of
 * pixels can correlate perfectly by chance). The peak is refined to sub-pixel by a parabola in each
 * axis; the centre is t/2, so a half-pixel centre is found exactly.
 *
 * <p>Large frames are searched coarse to fine: binned so that the longer side is at most
 * {@link #withWorkingSizePx working size} pixels, then the full-resolution search is repeated on a
 * working-size crop about the coarse centre within ±(binning + 2) pixels. Beamstops, panel gaps and a
 * saturated core are handled by the mask, an off-centre pattern by the overlap term.
 *
 * <p>Defaults: minimum overlap 0.2, working size 512 px. Immutable.
 */
public final class CentreFinder {

    private static final CentreFinder DEFAULT = new CentreFinder(0.2, 512);

    private final double minimumOverlap;
    private final int workingSizePx;

    private CentreFinder(double minimumOverlap, int workingSizePx) {
        this.minimumOverlap = minimumOverlap;
        this.workingSizePx = workingSizePx;
    }

    public static CentreFinder withDefaults() {
        return DEFAULT;
    }

    /** Smallest fraction of the measured pixels that must overlap their partners, in (0, 1). */
    public CentreFinder withMinimumOverlap(double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("minimum overlap must be in (0, 1), got " + fraction);
        }
        return new CentreFinder(fraction, workingSizePx);
    }

    /** Longest side searched at once (≥ 32); larger frames are searched coarse to fine. */
    public CentreFinder withWorkingSizePx(int px) {
        if (px < 32) {
            throw new IllegalArgumentException("working size must be ≥ 32 px, got " + px);
        }
        return new CentreFinder(minimumOverlap, px);
    }

    public double minimumOverlap() {
        return minimumOverlap;
    }

    /**
     * The centre of {@code frame}.
     *
     * @throws PreprocessException if the frame has too few measured pixels to correlate
     */
    public CentreEstimate find(DiffractionFrame frame) {
        int h = frame.height();
        int w = frame.width();
        float[] a = new float[h * w];
        float[] m = new float[h * w];
        for (int i = 0; i < a.length; i++) {
            float v = frame.intensity()[i];
            if (frame.mask()[i] != 0 && Float.isFinite(v)) {
                a[i] = (float) Math.sqrt(Math.max(v, 0));
                m[i] = 1f;
            }
        }
        int longest = Math.max(h, w);
        if (longest <= workingSizePx) {
            return search(a, m, h, w, null);
        }
        int b = -Math.floorDiv(-longest, workingSizePx);
        int ch = h / b;
        int cw = w / b;
        float[] ca = new float[ch * cw];
        float[] cm = new float[ch * cw];
        for (int y = 0; y < ch * b; y++) {
            for (int x = 0; x < cw * b; x++) {
                int c = (y / b) * cw + x / b;
                ca[c] += a[y * w + x];
                cm[c] += m[y * w + x];
            }
        }
        for (int c = 0; c < ca.length; c++) {
            boolean enough = cm[c] >= b * b / 2.0;
            ca[c] = enough ? ca[c] / cm[c] : 0f;
            cm[c] = enough ? 1f : 0f;
        }
        CentreEstimate coarse = search(ca, cm, ch, cw, null);
        // coarse pixel k covers full pixels [k·b, (k + 1)·b): its centre is k·b + (b − 1)/2
        double rowGuess = coarse.rowPx() * b + (b - 1) / 2.0;
        double colGuess = coarse.colPx() * b + (b - 1) / 2.0;
        int rh = Math.min(h, workingSizePx);
        int rw = Math.min(w, workingSizePx);
        int top = (int) Math.round(rowGuess) - rh / 2;
        int left = (int) Math.round(colGuess) - rw / 2;
        float[] ra = new float[rh * rw];
        float[] rm = new float[rh * rw];
        for (int y = 0; y < rh; y++) {
            int sy = top + y;
            if (sy < 0 || sy >= h) {
                continue;
            }
            for (int x = 0; x < rw; x++) {
                int sx = left + x;
                if (sx >= 0 && sx < w) {
                    ra[y * rw + x] = a[sy * w + sx];
                    rm[y * rw + x] = m[sy * w + sx];
                }
            }
        }
        int radius = 2 * (b + 2);
        int[] expected = {(int) Math.round(2 * (rowGuess - top)), (int) Math.round(2 * (colGuess - left)), radius};
        CentreEstimate fine = search(ra, rm, rh, rw, expected);
        return new CentreEstimate(fine.rowPx() + top, fine.colPx() + left, fine.peakCorrelation(),
                coarse.secondCorrelation(), fine.overlapPx());
    }

    /**
     * The best t = 2c over the whole range, or within ±expected[2] of (expected[0], expected[1]).
     */
    private CentreEstimate search(float[] a, float[] m, int h, int w, int[] expected) {
        double measured = 0;
        double mean = 0;
        for (int i = 0; i < a.length; i++) {
            measured += m[i];
            mean += a[i];
        }
        if (measured < 16) {
            throw new PreprocessException("cannot find the centre: only " + (long) measured + " measured pixels");
        }
        mean /= measured;
        float[] centred = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            centred[i] = m[i] != 0 ? (float) (a[i] - mean) : 0f; // Pearson is shift invariant; this keeps float32 sums small
        }
        float[][] conv = Spectra.selfConvolutions(centred, m, h, w);
        float[] n = conv[0];
        float[] o = conv[1];
        float[] s1 = conv[2];
        float[] s2 = conv[3];
        int pw = 2 * w;
        int ty0 = 0;
        int ty1 = 2 * h - 2;
        int tx0 = 0;
        int tx1 = 2 * w - 2;
        if (expected != null) {
            ty0 = Math.max(ty0, expected[0] - expected[2]);
            ty1 = Math.min(ty1, expected[0] + expected[2]);
            tx0 = Math.max(tx0, expected[1] - expected[2]);
            tx1 = Math.min(tx1, expected[1] + expected[2]);
        }
        double minOverlap = expected != null ? 16 : Math.max(16, minimumOverlap * measured);
        double[] ncc = new double[2 * h * pw];
        java.util.Arrays.fill(ncc, Double.NaN);
        int best = -1;
        for (int ty = ty0; ty <= ty1; ty++) {
            for (int tx = tx0; tx <= tx1; tx++) {
                int i = ty * pw + tx;
                double overlap = Math.rint(o[i]);
                if (overlap < minOverlap) {
                    continue;
                }
                double s = s1[i];
                double den = s2[i] * overlap - s * s;
                if (!(den > 1e-6 * Math.abs(s2[i] * overlap))) {
                    continue;
                }
                double r = Math.max(-1, Math.min(1, (n[i] * overlap - s * s) / den));
                ncc[i] = r;
                if (best < 0 || r > ncc[best]) {
                    best = i;
                }
            }
        }
        if (best < 0) {
            throw new PreprocessException("cannot find the centre: no position where enough measured pixels have a measured"
                    + " partner (minimum overlap " + minimumOverlap + ")");
        }
        int by = best / pw;
        int bx = best % pw;
        double ty = by + vertex(ncc, best - pw, best, best + pw, by > ty0 && by < ty1);
        double tx = bx + vertex(ncc, best - 1, best, best + 1, bx > tx0 && bx < tx1);
        int exclusion = Math.max(4, Math.min(h, w) / 16);
        double second = Double.NaN;
        for (int y = ty0; y <= ty1; y++) {
            for (int x = tx0; x <= tx1; x++) {
                double r = ncc[y * pw + x];
                if (!Double.isNaN(r) && Math.max(Math.abs(y - by), Math.abs(x - bx)) > exclusion
                        && (Double.isNaN(second) || r > second)) {
                    second = r;
                }
            }
        }
        return new CentreEstimate(ty / 2, tx / 2, ncc[best], second, (long) Math.rint(o[best]));
    }

    /** Offset of the vertex of the parabola through three samples, in [−0.5, 0.5]; 0 when not available. */
    private static double vertex(double[] v, int before, int at, int after, boolean inside) {
        if (!inside || Double.isNaN(v[before]) || Double.isNaN(v[after])) {
            return 0;
        }
        double curvature = v[before] - 2 * v[at] + v[after];
        if (!(curvature < 0)) {
            return 0;
        }
        return Math.max(-0.5, Math.min(0.5, 0.5 * (v[before] - v[after]) / curvature));
    }

    @Override
    public String toString() {
        return "CentreFinder[minimum overlap " + minimumOverlap + ", working size " + workingSizePx + " px]";
    }
}
