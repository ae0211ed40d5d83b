package org.dpr.metrics;

/**
 * A small pure-Java complex FFT in double precision, for the metrics that need Fourier amplitudes
 * or cross-correlations without starting a tensor engine (the metrics package stays free of DJL).
 *
 * <p>Lengths that are powers of two use an iterative radix-2 transform; any other length uses
 * Bluestein's chirp-z algorithm on a power-of-two grid, so every size works in O(n log n). The
 * forward transform is unnormalised, X[k] = Σ x[j]·exp(−2πi·jk/n); the inverse carries 1/n
 * (numpy's convention, like {@link org.dpr.tensor.CentredFft}). Arrays are row-major and are
 * transformed in place.
 */
final class Fft {

    private static final java.util.Map<Integer, double[][]> TWIDDLES = new java.util.concurrent.ConcurrentHashMap<>();

    private Fft() {
    }

    /** In-place forward 2-D transform of an h×w complex array given as real and imaginary parts. */
    static void forward2d(double[] re, double[] im, int height, int width) {
        transform2d(re, im, height, width, false);
    }

    /** In-place inverse 2-D transform (with 1/(h·w)). */
    static void inverse2d(double[] re, double[] im, int height, int width) {
        transform2d(re, im, height, width, true);
        double scale = 1.0 / ((double) height * width);
        for (int i = 0; i < re.length; i++) {
            re[i] *= scale;
            im[i] *= scale;
        }
    }

    private static void transform2d(double[] re, double[] im, int height, int width, boolean inverse) {
        if (re.length != (long) height * width || im.length != re.length) {
            throw new IllegalArgumentException("expected " + height + "×" + width + " values, got " + re.length);
        }
        double[] rowRe = new double[width];
        double[] rowIm = new double[width];
        for (int y = 0; y < height; y++) {
            System.arraycopy(re, y * width, rowRe, 0, width);
            System.arraycopy(im, y * width, rowIm, 0, width);
            transform(rowRe, rowIm, inverse);
            System.arraycopy(rowRe, 0, re, y * width, width);
            System.arraycopy(rowIm, 0, im, y * width, width);
        }
        double[] colRe = new double[height];
        double[] colIm = new double[height];
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                colRe[y] = re[y * width + x];
                colIm[y] = im[y * width + x];
            }
            transform(colRe, colIm, inverse);
            for (int y = 0; y < height; y++) {
                re[y * width + x] = colRe[y];
                im[y * width + x] = colIm[y];
            }
        }
    }

    /** In-place 1-D transform without normalisation (the inverse uses the conjugate kernel). */
    static void transform(double[] re, double[] im, boolean inverse) {
        int n = re.length;
        if (n <= 1) {
            return;
        }
        if (Integer.bitCount(n) == 1) {
            radix2(re, im, inverse);
        } else {
            bluestein(re, im, inverse);
        }
    }

    /** The smallest power of two ≥ {@code n}. */
    static int nextPowerOfTwo(int n) {
        int p = 1;
        while (p < n) {
            p <<= 1;
        }
        return p;
    }

    private static void radix2(double[] re, double[] im, boolean inverse) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        double[][] table = twiddles(n);
        double[] cos = table[0];
        double[] sin = table[1];
        double sign = inverse ? 1 : -1;
        for (int len = 2; len <= n; len <<= 1) {
            int half = len >> 1;
            int stride = n / len;
            for (int start = 0; start < n; start += len) {
                for (int k = 0; k < half; k++) {
                    double wRe = cos[k * stride];
                    double wIm = sign * sin[k * stride];
                    int a = start + k;
                    int b = a + half;
                    double tRe = re[b] * wRe - im[b] * wIm;
                    double tIm = re[b] * wIm + im[b] * wRe;
                    re[b] = re[a] - tRe;
                    im[b] = im[a] - tIm;
                    re[a] += tRe;
                    im[a] += tIm;
                }
            }
        }
    }

    /**
     * cos and sin of 2πk/n for k &lt; n/2, computed directly (not by recurrence, for full double
     * accuracy) once per power-of-two length and shared.
     */
    private static double[][] twiddles(int n) {
        return TWIDDLES.computeIfAbsent(n, len -> {
            double[] cos = new double[Math.max(1, len / 2)];
            double[] sin = new double[cos.length];
            for (int k = 0; k < len / 2; k++) {
                cos[k] = Math.cos(2 * Math.PI * k / len);
                sin[k] = Math.sin(2 * Math.PI * k / len);
            }
            return new double[][] {cos, sin};
        });
    }

    /** Bluestein: X[k] = conj(c[k]) Σ (x[j]·conj(c[j]))·c[k−j] with the chirp c[j] = exp(iπj²/n). */
    private static void bluestein(double[] re, double[] im, boolean inverse) {
        int n = re.length;
        int m = nextPowerOfTwo(2 * n - 1);
        double sign = inverse ? -1 : 1;
        double[] cRe = new double[n];
        double[] cIm = new double[n];
        for (int j = 0; j < n; j++) {
            long jj = (long) j * j % (2L * n); // exact angle reduction for large j
            double angle = sign * Math.PI * jj / n;
            cRe[j] = Math.cos(angle);
            cIm[j] = Math.sin(angle);
        }
        double[] aRe = new double[m];
        double[] aIm = new double[m];
        for (int j = 0; j < n; j++) { // a = x·conj(c)
            aRe[j] = re[j] * cRe[j] + im[j] * cIm[j];
            aIm[j] = im[j] * cRe[j] - re[j] * cIm[j];
        }
        double[] bRe = new double[m];
        double[] bIm = new double[m];
        bRe[0] = cRe[0];
        bIm[0] = cIm[0];
        for (int j = 1; j < n; j++) {
            bRe[j] = cRe[j];
            bIm[j] = cIm[j];
            bRe[m - j] = cRe[j];
            bIm[m - j] = cIm[j];
        }
        radix2(aRe, aIm, false);
        radix2(bRe, bIm, false);
        for (int k = 0; k < m; k++) {
            double r = aRe[k] * bRe[k] - aIm[k] * bIm[k];
            double i = aRe[k] * bIm[k] + aIm[k] * bRe[k];
            aRe[k] = r;
            aIm[k] = i;
        }
        radix2(aRe, aIm, true);
        for (int k = 0; k < n; k++) { // X = conj(c)·(a ⊛ b)/m
            double r = aRe[k] / m;
            double i = aIm[k] / m;
            re[k] = r * cRe[k] + i * cIm[k];
            im[k] = i * cRe[k] - r * cIm[k];
        }
    }
}
