package org.dpr.simulate;

import java.util.Objects;
import org.dpr.Geometry;

/**
 * The deterministic part of the paper's diffraction model (§4.2): the far-field intensity of a real
 * object in its n×n box and its Gaussian Schell partial-coherence blur (eq. 3). Patterns are
 * centred — zero frequency at (N/2, N/2) of the N×N window, as dpr stores them — and row-major.
 *
 * <h2>Coherent intensity</h2>
 * I = |F(pad x)|² with F the unnormalised centred DFT and pad the zero padding of the n×n object
 * into the centre of the window (box from (N − n)/2). Parseval: Σ I = N²·Σ x².
 *
 * <h2>Partial coherence (eq. 3)</h2>
 * I' = |F( F⁻¹(I) · exp(−r²/(4σ_μ²)) )| with r the distance in pixels from the centre and σ_μ the
 * coherence length. F⁻¹(I) is the object's autocorrelation R(τ) = Σ_r x(r)·x(r − τ), which is
 * exactly zero for |τ| ≥ n in either axis because the window is at least twice the box, so this
 * class computes R on a small grid and transforms only the (2n − 1)² lags that can be non-zero —
 * the same numbers as the literal formula, a few times faster. R·exp(−r²/4σ²) is a product of two
 * positive-definite sequences, so its transform is ≥ 0: the modulus of eq. 3 only removes rounding,
 * and the blur conserves the total, Σ I' = Σ I.
 *
 * <p>Note: the authors' repository (sungyun98/DPR, {@code GenerateDiffraction}) records that the
 * data of the paper itself used a kernel centred on the grid instead of on the zero lag; this class
 * implements eq. 3 as printed.
 *
 * <p>Immutable and thread-safe; the transforms are plain Java ({@link RealFft2}).
 */
public final class DiffractionModel {
    private final Geometry geometry;
    private final int window;
    private final int box;
    /** Side of the grid on which the autocorrelation is computed without wrap-around: a power of two ≥ 2n. */
    private final int correlationGrid;

    private DiffractionModel(Geometry geometry) {
        this.geometry = geometry;
        this.window = geometry.windowPx();
        this.box = geometry.objectBoxPx();
        this.correlationGrid = Integer.highestOneBit(2 * box - 1) << 1;
    }

    /** The model for {@code geometry}'s window N and object box n. */
    public static DiffractionModel of(Geometry geometry) {
        return new DiffractionModel(Objects.requireNonNull(geometry, "geometry"));
    }

    public Geometry geometry() {
        return geometry;
    }

    /**
     * The coherent intensity I = |F(pad x)|² of the real n×n object {@code object}: N×N, centred,
     * in the object's squared units.
     */
    public double[] coherentIntensity(float[] object) {
        checkObject(object);
        int offset = geometry.boxOffsetPx();
        double[] field = new double[window * window];
        for (int i = 0; i < box; i++) {
            int row = offset + i;
            for (int j = 0; j < box; j++) {
                int col = offset + j;
                // the checkerboard (−1)^(row+col) centres the transform; its output sign drops out of |·|
                double v = object[i * box + j];
                field[row * window + col] = ((row + col) & 1) == 0 ? v : -v;
            }
        }
        return RealFft2.modulus(field, window, offset, offset + box, true);
    }

    /**
     * The autocorrelation R(τ) = Σ_r x(r)·x(r − τ) of the real n×n object: (2n − 1)×(2n − 1) values,
     * lag (τy, τx) at index (τy + n − 1, τx + n − 1); the zero lag, R(0) = Σ x², in the centre.
     * It equals the centred F⁻¹(I) of {@link #coherentIntensity} on those lags (and zero elsewhere).
     */
    public double[] autocorrelation(float[] object) {
        checkObject(object);
        int m = correlationGrid;
        double[] field = new double[m * m];
        for (int i = 0; i < box; i++) {
            for (int j = 0; j < box; j++) {
                field[i * m + j] = object[i * box + j];
            }
        }
        double[] power = RealFft2.modulus(field, m, 0, box, true);
        // R = ifft2(|X|²); for a real spectrum ifft2(P)[j] = fft2(P)[−j] / m²
        double[] re = new double[m * m];
        double[] im = new double[m * m];
        RealFft2.forward(power, m, 0, m, re, im);
        int side = 2 * box - 1;
        double[] r = new double[side * side];
        double norm = 1.0 / ((double) m * m);
        for (int ty = -(box - 1); ty <= box - 1; ty++) {
            int sy = Math.floorMod(-ty, m);
            for (int tx = -(box - 1); tx <= box - 1; tx++) {
                int sx = Math.floorMod(-tx, m);
                r[(ty + box - 1) * side + tx + box - 1] = re[sy * m + sx] * norm;
            }
        }
        return r;
    }

    /**
     * Eq. 3 for the real n×n object: I' = |F( F⁻¹(I) · exp(−r²/(4σ_μ²)) )|, N×N, centred.
     *
     * @param coherenceLengthPx σ_μ in pixels of this window; {@code +∞} gives the coherent intensity
     */
    public double[] partiallyCoherentIntensity(float[] object, double coherenceLengthPx) {
        return partiallyCoherentIntensityOf(autocorrelation(object), coherenceLengthPx);
    }

    /** Eq. 3 from an autocorrelation as {@link #autocorrelation} returns it. */
    public double[] partiallyCoherentIntensityOf(double[] autocorrelation, double coherenceLengthPx) {
        int side = 2 * box - 1;
        if (autocorrelation.length != side * side) {
            throw new IllegalArgumentException("autocorrelation must have " + side + "×" + side
                    + " values, got " + autocorrelation.length);
        }
        if (!(coherenceLengthPx > 0)) {
            throw new IllegalArgumentException("coherence length must be positive, got " + coherenceLengthPx);
        }
        double inverseWidth = 1.0 / (4 * coherenceLengthPx * coherenceLengthPx);
        double[] envelopeByLag = new double[box];
        for (int t = 0; t < box; t++) {
            envelopeByLag[t] = Math.exp(-t * (double) t * inverseWidth);
        }
        int centre = window / 2;
        double[] field = new double[window * window];
        for (int ty = -(box - 1); ty <= box - 1; ty++) {
            int row = centre + ty;
            double ey = envelopeByLag[Math.abs(ty)];
            for (int tx = -(box - 1); tx <= box - 1; tx++) {
                int col = centre + tx;
                // exp(−(ty² + tx²)/4σ²) = exp(−ty²/4σ²)·exp(−tx²/4σ²)
                double v = autocorrelation[(ty + box - 1) * side + tx + box - 1] * ey * envelopeByLag[Math.abs(tx)];
                field[row * window + col] = ((row + col) & 1) == 0 ? v : -v;
            }
        }
        return RealFft2.modulus(field, window, centre - (box - 1), centre + box, false);
    }

    private void checkObject(float[] object) {
        Objects.requireNonNull(object, "object");
        if (object.length != box * box) {
            throw new IllegalArgumentException("object must be " + box + "×" + box + " (" + box * box
                    + " values), got " + object.length);
        }
    }
}
