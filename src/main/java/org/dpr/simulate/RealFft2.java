package org.dpr.simulate;

import java.util.Arrays;

/**
 * The two-dimensional forward DFT (unnormalised, e^(−2πi·k·r/N) on both axes, zero frequency at
 * index 0) of a real square array whose non-zero values lie in a band of rows, which is how every
 * field of the simulator looks: an n×n object or a (2n−1)×(2n−1) autocorrelation in a much larger
 * window.
 *
 * <p>Two real rows are transformed as one complex row and separated with the Hermitian symmetry
 * of real transforms; only the columns k = 0…N/2 are transformed, the others follow from
 * F(u, k) = conj F(−u, −k). Rows outside the band are known to be zero and are skipped. For the
 * paper's window this costs about a third of a full complex 2-D transform.
 */
final class RealFft2 {
    private RealFft2() {
    }

    /**
     * Forward transform of the real {@code size×size} array {@code field} (row-major) whose rows
     * outside [{@code rowFrom}, {@code rowTo}) are zero. Writes the full complex spectrum into
     * {@code re} and {@code im} (each size², overwritten).
     */
    static void forward(double[] field, int size, int rowFrom, int rowTo, double[] re, double[] im) {
        double[][] columns = halfSpectrumByColumn(field, size, rowFrom, rowTo);
        double[] cr = columns[0];
        double[] ci = columns[1];
        int half = size / 2;
        for (int u0 = 0; u0 < size; u0 += BLOCK) {
            int u1 = Math.min(size, u0 + BLOCK);
            for (int k = 0; k <= half; k++) {
                for (int u = u0; u < u1; u++) {
                    re[u * size + k] = cr[k * size + u];
                    im[u * size + k] = ci[k * size + u];
                }
            }
        }
        for (int u = 0; u < size; u++) {
            int mu = (size - u) % size;
            for (int k = half + 1; k < size; k++) {
                int source = mu * size + (size - k);
                re[u * size + k] = re[source];
                im[u * size + k] = -im[source];
            }
        }
    }

    /**
     * |F|² (or |F| when {@code squared} is false) of the same transform as {@link #forward}, without
     * the complex spectrum: a size² array, zero frequency at index 0.
     */
    static double[] modulus(double[] field, int size, int rowFrom, int rowTo, boolean squared) {
        double[][] columns = halfSpectrumByColumn(field, size, rowFrom, rowTo);
        double[] cr = columns[0];
        double[] ci = columns[1];
        int half = size / 2;
        double[] out = new double[size * size];
        for (int u0 = 0; u0 < size; u0 += BLOCK) {
            int u1 = Math.min(size, u0 + BLOCK);
            for (int k = 0; k <= half; k++) {
                for (int u = u0; u < u1; u++) {
                    double a = cr[k * size + u];
                    double b = ci[k * size + u];
                    double p = a * a + b * b;
                    out[u * size + k] = squared ? p : Math.sqrt(p);
                }
            }
        }
        // |F(u, k)| = |F(−u, −k)| for a real field
        for (int u = 0; u < size; u++) {
            int mu = (size - u) % size;
            for (int k = half + 1; k < size; k++) {
                out[u * size + k] = out[mu * size + (size - k)];
            }
        }
        return out;
    }

    /** Tile of the blocked transposition from columns to rows. */
    private static final int BLOCK = 16;

    /**
     * The spectrum's columns k = 0…size/2 as contiguous arrays: {re, im}, column k at k·size.
     * Rows first (two real rows per complex transform), then the columns, each transformed in place.
     */
    private static double[][] halfSpectrumByColumn(double[] field, int size, int rowFrom, int rowTo) {
        if (rowFrom < 0 || rowTo > size || rowFrom > rowTo || field.length != size * size) {
            throw new IllegalArgumentException("bad row band [" + rowFrom + ", " + rowTo + ") for size " + size);
        }
        Fft fft = Fft.of(size);
        int half = size / 2;
        double[] cr = new double[(half + 1) * size];
        double[] ci = new double[(half + 1) * size];
        double[] zr = new double[size];
        double[] zi = new double[size];
        for (int a = rowFrom; a < rowTo; a += 2) {
            int b = a + 1;
            boolean pair = b < rowTo;
            System.arraycopy(field, a * size, zr, 0, size);
            if (pair) {
                System.arraycopy(field, b * size, zi, 0, size);
            } else {
                Arrays.fill(zi, 0.0);
            }
            fft.forward(zr, zi);
            for (int k = 0; k <= half; k++) {
                int mk = (size - k) % size;
                double pr = zr[k];
                double pi = zi[k];
                double qr = zr[mk];
                double qi = zi[mk];
                // A = (Z[k] + conj Z[−k]) / 2, B = (Z[k] − conj Z[−k]) / 2i
                cr[k * size + a] = 0.5 * (pr + qr);
                ci[k * size + a] = 0.5 * (pi - qi);
                if (pair) {
                    cr[k * size + b] = 0.5 * (pi + qi);
                    ci[k * size + b] = 0.5 * (qr - pr);
                }
            }
        }
        for (int k = 0; k <= half; k++) {
            fft.forward(cr, ci, k * size);
        }
        return new double[][] {cr, ci};
    }

    /** In-place forward DFT of the complex {@code size×size} array (re, im): rows, then columns. */
    static void complexForward(double[] re, double[] im, int size) {
        Fft fft = Fft.of(size);
        double[] zr = new double[size];
        double[] zi = new double[size];
        for (int r = 0; r < size; r++) {
            System.arraycopy(re, r * size, zr, 0, size);
            System.arraycopy(im, r * size, zi, 0, size);
            fft.forward(zr, zi);
            System.arraycopy(zr, 0, re, r * size, size);
            System.arraycopy(zi, 0, im, r * size, size);
        }
        for (int c = 0; c < size; c++) {
            for (int r = 0; r < size; r++) {
                zr[r] = re[r * size + c];
                zi[r] = im[r * size + c];
            }
            fft.forward(zr, zi);
            for (int r = 0; r < size; r++) {
                re[r * size + c] = zr[r];
                im[r * size + c] = zi[r];
            }
        }
    }
}
