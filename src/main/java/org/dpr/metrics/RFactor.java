package org.dpr.metrics;

import java.util.Objects;
import org.dpr.io.DiffractionFrame;

/**
 * The Fourier-space R-factor of the paper's eq. 6 (§4.4):
 * <pre>
 *   R_F = Σ_valid |A_i − √I_i| / Σ_valid √I_i
 * </pre>
 * with A the model Fourier amplitudes (|FT[X]| of the reconstruction padded into the window), I the
 * measured intensities in photons and "valid" the measured pixels (mask 1). Negative intensities,
 * which background subtraction and Gaussian read noise produce, count as zero (√max(I, 0)).
 * R_F = 0 for a model that reproduces the measured amplitudes exactly; R_F = |c − 1| for a model
 * c·√I.
 *
 * <p>The paper applies eq. 6 to amplitudes in physical units (the network's output multiplied by
 * √ŝ, the iterative algorithms' output as is), so the default {@link AmplitudeScale#AS_GIVEN}
 * uses A unchanged. {@link AmplitudeScale#MATCH_MEASURED_PHOTONS} first rescales A so that
 * Σ_valid A² = Σ_valid I (DESIGN.md, output scale ŝ), for outputs of arbitrary scale.
 *
 * <p>Immutable; {@link #withDefaults()} is the paper's definition.
 */
public final class RFactor {

    /** How the model amplitudes are scaled before comparison. */
    public enum AmplitudeScale {
        /** Use the model amplitudes as given (paper, eq. 6). */
        AS_GIVEN,
        /** Rescale the model so that its photons on measured pixels equal the measured photons. */
        MATCH_MEASURED_PHOTONS
    }

    private static final RFactor DEFAULT = new RFactor(AmplitudeScale.AS_GIVEN);

    private final AmplitudeScale scale;

    private RFactor(AmplitudeScale scale) {
        this.scale = scale;
    }

    /** The paper's R_F: amplitudes as given. */
    public static RFactor withDefaults() {
        return DEFAULT;
    }

    public RFactor with(AmplitudeScale newScale) {
        return new RFactor(Objects.requireNonNull(newScale, "scale"));
    }

    public AmplitudeScale amplitudeScale() {
        return scale;
    }

    /**
     * R_F of model amplitudes against measured intensities on the measured pixels.
     *
     * @param amplitudes model Fourier amplitudes A (same grid as {@code intensity})
     * @param intensity  measured intensities I in photons
     * @param mask       1 = measured (valid), 0 = missing
     * @throws IllegalArgumentException if the lengths differ or no measured pixel has photons
     */
    public double compute(float[] amplitudes, float[] intensity, byte[] mask) {
        Images.checkSameLength(amplitudes, intensity);
        Objects.requireNonNull(mask, "mask");
        if (mask.length != intensity.length) {
            throw new IllegalArgumentException("mask has " + mask.length + " values, intensity " + intensity.length);
        }
        double factor = scale == AmplitudeScale.AS_GIVEN ? 1.0 : photonMatchingFactor(amplitudes, intensity, mask);
        double numerator = 0;
        double denominator = 0;
        for (int i = 0; i < intensity.length; i++) {
            if (mask[i] != 0) {
                double measured = Math.sqrt(Math.max(intensity[i], 0f));
                numerator += Math.abs(factor * amplitudes[i] - measured);
                denominator += measured;
            }
        }
        if (!(denominator > 0)) {
            throw new IllegalArgumentException("R_F is undefined: no measured pixel has photons");
        }
        return numerator / denominator;
    }

    /**
     * R_F of a reconstructed object (its n×n box, amplitude units) against a frame: the object is
     * padded into the frame's window and its centred Fourier amplitudes compared on the frame's
     * measured pixels.
     *
     * @param object the reconstruction, row-major, square (n×n, n ≤ the frame's size)
     */
    public double compute(float[] object, DiffractionFrame frame) {
        Objects.requireNonNull(frame, "frame");
        int n = Images.squareSide(object.length);
        float[] amplitudes = FourierAmplitudes.ofObject(object, n, n, frame.height(), frame.width());
        return compute(amplitudes, frame.intensity(), frame.mask());
    }

    /** s with Σ_valid (s·A)² = Σ_valid I; 1 when the model has no power on measured pixels. */
    static double photonMatchingFactor(float[] amplitudes, float[] intensity, byte[] mask) {
        double model = 0;
        double measured = 0;
        for (int i = 0; i < intensity.length; i++) {
            if (mask[i] != 0) {
                model += (double) amplitudes[i] * amplitudes[i];
                measured += Math.max(intensity[i], 0f);
            }
        }
        return model > 0 ? Math.sqrt(measured / model) : 1.0;
    }

    @Override
    public String toString() {
        return "RFactor[" + scale + "]";
    }
}
