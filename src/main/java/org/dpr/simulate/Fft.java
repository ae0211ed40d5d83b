package org.dpr.simulate;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A one-dimensional complex discrete Fourier transform of a fixed length, in plain Java doubles:
 * iterative radix-2 for powers of two, Bluestein's chirp-z algorithm (through a power-of-two
 * convolution) for any other length, so that every window N that is a multiple of 8 works.
 *
 * <p>Both directions are unnormalised: {@code forward} computes X[k] = Σ_j x[j]·e^(−2πi·jk/L) and
 * {@code inverse} the same sum with e^(+2πi·jk/L) (divide by L yourself). Plans are immutable and
 * shared between threads; {@link #of(int)} caches them.
 *
 * <p>The simulator uses this rather than libtorch because its transforms are small, real and
 * mostly zero (see {@link DiffractionModel}): plain Java that skips the zero rows beats the
 * per-call overhead of the native engine, and every worker thread runs without contention.
 */
final class Fft {
    private static final Map<Integer, Fft> CACHE = new ConcurrentHashMap<>();

    private final int length;
    /** Radix-2 tables (power-of-two lengths). */
    private final int[] bitReverse;
    private final double[] cosTable;
    private final double[] sinTable;
    /** Bluestein (other lengths): the power-of-two plan, the chirp and the transformed filter. */
    private final Fft inner;
    private final double[] chirpRe;
    private final double[] chirpIm;
    private final double[] filterRe;
    private final double[] filterIm;

    private Fft(int length) {
        this.length = length;
        if (Integer.bitCount(length) == 1) {
            bitReverse = new int[length];
            int bits = Integer.numberOfTrailingZeros(length);
            for (int i = 0; i < length; i++) {
                bitReverse[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
            }
            cosTable = new double[Math.max(1, length / 2)];
            sinTable = new double[Math.max(1, length / 2)];
            for (int k = 0; k < length / 2; k++) {
                double angle = 2 * Math.PI * k / length;
                cosTable[k] = Math.cos(angle);
                sinTable[k] = Math.sin(angle);
            }
            inner = null;
            chirpRe = chirpIm = filterRe = filterIm = null;
        } else {
            bitReverse = null;
            cosTable = sinTable = null;
            int m = Integer.highestOneBit(2 * length - 1) << 1;
            inner = of(m);
            chirpRe = new double[length];
            chirpIm = new double[length];
            for (int j = 0; j < length; j++) {
                // j² mod 2L keeps the angle exact for large j
                long jj = (long) j * j % (2L * length);
                double angle = Math.PI * jj / length;
                chirpRe[j] = Math.cos(angle);
                chirpIm[j] = Math.sin(angle);
            }
            filterRe = new double[m];
            filterIm = new double[m];
            filterRe[0] = chirpRe[0];
            filterIm[0] = chirpIm[0];
            for (int j = 1; j < length; j++) {
                filterRe[j] = filterRe[m - j] = chirpRe[j];
                filterIm[j] = filterIm[m - j] = chirpIm[j];
            }
            inner.forward(filterRe, filterIm);
        }
    }

    /** The (cached) plan for transforms of {@code length} points. */
    static Fft of(int length) {
        if (length <= 0) {
            throw new IllegalArgumentException("FFT length must be positive, got " + length);
        }
        Fft plan = CACHE.get(length);
        if (plan == null) {
            plan = new Fft(length);
            Fft previous = CACHE.putIfAbsent(length, plan);
            plan = previous == null ? plan : previous;
        }
        return plan;
    }

    int length() {
        return length;
    }

    /** In-place forward transform of (re, im), each of this plan's length. */
    void forward(double[] re, double[] im) {
        forward(re, im, 0);
    }

    /** In-place forward transform of the {@code length} values of (re, im) from {@code offset}. */
    void forward(double[] re, double[] im, int offset) {
        if (bitReverse != null) {
            radix2(re, im, offset);
        } else {
            bluestein(re, im, offset);
        }
    }

    /** In-place inverse transform without the 1/L factor: swapping re and im conjugates twice. */
    void inverse(double[] re, double[] im) {
        forward(im, re, 0);
    }

    private void radix2(double[] re, double[] im, int offset) {
        int n = length;
        for (int i = 0; i < n; i++) {
            int j = bitReverse[i];
            if (i < j) {
                int a = offset + i;
                int b = offset + j;
                double t = re[a];
                re[a] = re[b];
                re[b] = t;
                t = im[a];
                im[a] = im[b];
                im[b] = t;
            }
        }
        for (int size = 2; size <= n; size <<= 1) {
            int half = size >>> 1;
            int step = n / size;
            for (int k = 0; k < half; k++) {
                double wr = cosTable[k * step];
                double wi = -sinTable[k * step];
                for (int start = offset + k; start < offset + n; start += size) {
                    int j = start + half;
                    double tr = wr * re[j] - wi * im[j];
                    double ti = wr * im[j] + wi * re[j];
                    re[j] = re[start] - tr;
                    im[j] = im[start] - ti;
                    re[start] += tr;
                    im[start] += ti;
                }
            }
        }
    }

    private void bluestein(double[] re, double[] im, int offset) {
        int m = inner.length;
        double[] ar = new double[m];
        double[] ai = new double[m];
        for (int j = 0; j < length; j++) {
            // a_j = x_j · conj(chirp_j)
            ar[j] = re[offset + j] * chirpRe[j] + im[offset + j] * chirpIm[j];
            ai[j] = im[offset + j] * chirpRe[j] - re[offset + j] * chirpIm[j];
        }
        inner.forward(ar, ai);
        for (int k = 0; k < m; k++) {
            double r = ar[k] * filterRe[k] - ai[k] * filterIm[k];
            double i = ar[k] * filterIm[k] + ai[k] * filterRe[k];
            ar[k] = r;
            ai[k] = i;
        }
        inner.inverse(ar, ai);
        double scale = 1.0 / m;
        for (int k = 0; k < length; k++) {
            double r = ar[k] * scale;
            double i = ai[k] * scale;
            // X_k = conj(chirp_k) · (a ⊛ b)_k
            re[offset + k] = r * chirpRe[k] + i * chirpIm[k];
            im[offset + k] = i * chirpRe[k] - r * chirpIm[k];
        }
    }
}
