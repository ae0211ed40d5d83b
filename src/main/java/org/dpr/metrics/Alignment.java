package org.dpr.metrics;

import java.util.Objects;

/**
 * Alignment of a reconstruction to a reference over the trivial ambiguities of phase retrieval —
 * integer translations and the twin (180° rotation) — by the maximum of the cross-correlation
 * (DESIGN.md, "Conventions"; every comparison with a ground truth aligns first).
 *
 * <p>For each orientation o ∈ {direct, twin} and shift d = (dy, dx) with |dy| ≤ maxShift_y,
 * |dx| ≤ maxShift_x, the score is
 * <pre>
 *   c(o, d) = Σ_p ref(p) · o(image)(p − d),
 * </pre>
 * where pixels moved in from outside the image are zero: shifts are <em>zero-filled, not
 * circular</em>. An object that sits in a box with zero margins is moved as a physical object
 * would be; a circular shift would wrap parts of it to the opposite edge, which no real
 * translation does. The maximum over both orientations and all shifts wins. Scores within
 * 10⁻¹⁰·‖ref‖·‖image‖ of each other (the FFT's rounding) count as ties, which go to the direct
 * orientation and then to the smallest shift, so that symmetric objects align deterministically.
 * An all-zero image or reference is returned unchanged (shift 0, direct, correlation NaN).
 *
 * <p>The scores are computed for all shifts at once with FFTs in double precision, zero-padding the
 * images to a power of two ≥ size + maxShift per axis so that the circular correlation equals the
 * linear one on the searched range: O(P² log P) per image (4 FFTs). The twin needs no extra forward
 * transform: for a real image x of height h padded to P, the transform of its 180° rotation
 * x(h − 1 − i) is exp(−2πik(h − 1)/P)·conj(X[k]) — the twin is complex conjugation in Fourier
 * space. The chosen transform is then applied exactly in real space.
 *
 * <p>The rotation is about the image's centre ((h − 1)/2, (w − 1)/2), i.e. a flip of both axes;
 * a rotation about (h/2, w/2) differs only by a one-pixel shift, which the search absorbs.
 *
 * <p>Defaults: both orientations, maximum shift half the image size per axis (±n/2). Immutable.
 */
public final class Alignment {

    /** Which ambiguities the search covers. */
    public enum Search {
        /** Translations only. */
        TRANSLATION,
        /** Translations and the twin (default). */
        TRANSLATION_AND_TWIN
    }

    private static final int HALF_THE_IMAGE = -1;
    private static final Alignment DEFAULT = new Alignment(Search.TRANSLATION_AND_TWIN, HALF_THE_IMAGE);

    private final Search search;
    private final int maxShiftPx;

    private Alignment(Search search, int maxShiftPx) {
        this.search = search;
        this.maxShiftPx = maxShiftPx;
    }

    /** Translations within ±half the image size per axis and the twin. */
    public static Alignment withDefaults() {
        return DEFAULT;
    }

    public Alignment with(Search newSearch) {
        return new Alignment(Objects.requireNonNull(newSearch, "search"), maxShiftPx);
    }

    /**
     * Largest |dy| and |dx| searched, in pixels (≥ 0); it is further limited to half the image
     * size per axis. The default is half the image size.
     */
    public Alignment withMaxShiftPx(int px) {
        if (px < 0) {
            throw new IllegalArgumentException("maximum shift must be ≥ 0 px, got " + px);
        }
        return new Alignment(search, px);
    }

    public Search search() {
        return search;
    }

    /**
     * Aligns {@code image} to {@code reference}, both height×width row-major.
     *
     * @return the best shift and orientation and the aligned image
     */
    public AlignmentResult align(float[] image, float[] reference, int height, int width) {
        Images.checkShape(image, height, width);
        Images.checkShape(reference, height, width);
        int maxY = maxShiftPx == HALF_THE_IMAGE ? height / 2 : Math.min(maxShiftPx, height / 2);
        int maxX = maxShiftPx == HALF_THE_IMAGE ? width / 2 : Math.min(maxShiftPx, width / 2);
        double energy = Math.sqrt(sumOfSquares(image) * sumOfSquares(reference));
        if (!(energy > 0)) {
            return new AlignmentResult(0, 0, Orientation.DIRECT, image.clone(), Double.NaN);
        }
        int ph = Fft.nextPowerOfTwo(height + maxY);
        int pw = Fft.nextPowerOfTwo(width + maxX);

        double[] refRe = padded(reference, height, width, ph, pw);
        double[] refIm = new double[refRe.length];
        Fft.forward2d(refRe, refIm, ph, pw);
        double[] imgRe = padded(image, height, width, ph, pw);
        double[] imgIm = new double[imgRe.length];
        Fft.forward2d(imgRe, imgIm, ph, pw);

        // direct: G = R·conj(X), so that g(d) = Σ_p ref(p)·x(p − d)
        double[] gRe = new double[refRe.length];
        double[] gIm = new double[refRe.length];
        for (int i = 0; i < gRe.length; i++) {
            gRe[i] = refRe[i] * imgRe[i] + refIm[i] * imgIm[i];
            gIm[i] = refIm[i] * imgRe[i] - refRe[i] * imgIm[i];
        }
        Fft.inverse2d(gRe, gIm, ph, pw);
        Best best = new Best(1e-10 * energy);
        best.scan(gRe, ph, pw, maxY, maxX, Orientation.DIRECT);

        if (search == Search.TRANSLATION_AND_TWIN) {
            // twin: conj(FT[rot x])[k] = exp(+2πi(ky(h−1)/P + kx(w−1)/Q))·X[k], so G = R·phase·X
            double[] tRe = new double[refRe.length];
            double[] tIm = new double[refRe.length];
            double[] rowCos = new double[ph];
            double[] rowSin = new double[ph];
            for (int ky = 0; ky < ph; ky++) {
                double a = 2 * Math.PI * ((long) ky * (height - 1) % ph) / ph;
                rowCos[ky] = Math.cos(a);
                rowSin[ky] = Math.sin(a);
            }
            double[] colCos = new double[pw];
            double[] colSin = new double[pw];
            for (int kx = 0; kx < pw; kx++) {
                double a = 2 * Math.PI * ((long) kx * (width - 1) % pw) / pw;
                colCos[kx] = Math.cos(a);
                colSin[kx] = Math.sin(a);
            }
            for (int ky = 0; ky < ph; ky++) {
                for (int kx = 0; kx < pw; kx++) {
                    int i = ky * pw + kx;
                    double c = rowCos[ky] * colCos[kx] - rowSin[ky] * colSin[kx];
                    double s = rowSin[ky] * colCos[kx] + rowCos[ky] * colSin[kx];
                    double xr = imgRe[i] * c - imgIm[i] * s;
                    double xi = imgRe[i] * s + imgIm[i] * c;
                    tRe[i] = refRe[i] * xr - refIm[i] * xi;
                    tIm[i] = refRe[i] * xi + refIm[i] * xr;
                }
            }
            Fft.inverse2d(tRe, tIm, ph, pw);
            best.scan(tRe, ph, pw, maxY, maxX, Orientation.TWIN);
        }

        float[] oriented = best.orientation == Orientation.TWIN ? Images.rotate180(image) : image;
        float[] aligned = Images.shift(oriented, height, width, best.dy, best.dx);
        return new AlignmentResult(best.dy, best.dx, best.orientation, aligned, normalisedCorrelation(aligned, reference));
    }

    /** {@link #align(float[], float[], int, int)} for square images. */
    public AlignmentResult align(float[] image, float[] reference) {
        Images.checkSameLength(image, reference);
        int n = Images.squareSide(image.length);
        return align(image, reference, n, n);
    }

    /**
     * The image translated by whole pixels (zero fill) so that its centre of mass (of |value|) lies
     * within half a pixel of the centre ((H − 1)/2, (W − 1)/2) — for display, where phase retrieval
     * leaves the position free ({@link #centreOfMassShift}). An all-zero image is returned as a copy.
     */
    public static float[] centredByMass(float[] image, int height, int width) {
        int[] d = centreOfMassShift(image, height, width);
        return Images.shift(image, height, width, d[0], d[1]);
    }

    /**
     * The whole-pixel translation (dy, dx) that brings the image's centre of mass (of |value|)
     * within half a pixel of ((H − 1)/2, (W − 1)/2); (0, 0) for an all-zero image.
     */
    public static int[] centreOfMassShift(float[] image, int height, int width) {
        Images.checkShape(image, height, width);
        double total = 0;
        double cy = 0;
        double cx = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double v = Math.abs(image[y * width + x]);
                total += v;
                cy += v * y;
                cx += v * x;
            }
        }
        if (!(total > 0)) {
            return new int[] {0, 0};
        }
        return new int[] {(int) Math.round((height - 1) / 2.0 - cy / total), (int) Math.round((width - 1) / 2.0 - cx / total)};
    }

    private static double[] padded(float[] image, int height, int width, int ph, int pw) {
        double[] out = new double[ph * pw];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out[y * pw + x] = image[y * width + x];
            }
        }
        return out;
    }

    private static double normalisedCorrelation(float[] a, float[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (double) a[i] * b[i];
            aa += (double) a[i] * a[i];
            bb += (double) b[i] * b[i];
        }
        double norm = Math.sqrt(aa * bb);
        return norm > 0 ? ab / norm : Double.NaN;
    }

    private static double sumOfSquares(float[] x) {
        double sum = 0;
        for (float v : x) {
            sum += (double) v * v;
        }
        return sum;
    }

    /**
     * The running maximum of the correlation over shifts and orientations; scores within
     * {@code tolerance} of the best are ties, won by an earlier orientation or a smaller shift.
     */
    private static final class Best {
        final double tolerance;
        double score = Double.NEGATIVE_INFINITY;
        int dy;
        int dx;
        Orientation orientation = Orientation.DIRECT;

        Best(double tolerance) {
            this.tolerance = tolerance;
        }

        void scan(double[] correlation, int ph, int pw, int maxY, int maxX, Orientation o) {
            for (int dyc = -maxY; dyc <= maxY; dyc++) {
                int row = Math.floorMod(dyc, ph) * pw;
                for (int dxc = -maxX; dxc <= maxX; dxc++) {
                    double v = correlation[row + Math.floorMod(dxc, pw)];
                    boolean better = v > score + tolerance;
                    boolean tieWithSmallerShift = !better && v >= score - tolerance && o == orientation
                            && dyc * dyc + dxc * dxc < dy * dy + dx * dx;
                    if (better || tieWithSmallerShift) {
                        score = Math.max(v, score);
                        dy = dyc;
                        dx = dxc;
                        orientation = o;
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        return "Alignment[" + search + ", max shift " + (maxShiftPx == HALF_THE_IMAGE ? "n/2" : maxShiftPx + " px") + "]";
    }
}
