package org.dpr.simulate;

import java.util.Objects;
import org.dpr.io.DiffractionFrame;

/**
 * One simulated frame with the intermediate products of the diffraction model, for tests,
 * pictures and analysis. Every N×N array is centred and row-major.
 *
 * <p>Units. With x the object (shape × density, values in [0, 1]), I = |F(pad x)|² the coherent
 * and I' (eq. 3) the partially coherent intensity, the flux factor is s = Φ / Σ I' for the frame's
 * drawn flux Φ. Then:
 * <ul>
 *   <li>{@code expectedIntensity} = s·I', photons — the noise-free pattern, the mean of the noisy
 *       one; it sums to Φ;</li>
 *   <li>{@code coherentIntensity} = s·I, photons — what fully coherent light would give;</li>
 *   <li>the frame's ground truth = √s·x, so that |F(pad gt)|² = s·I = {@code coherentIntensity}
 *       exactly (photons, the same amplitude units as √intensity).</li>
 * </ul>
 * Because the Gaussian Schell blur conserves the total (see {@link DiffractionModel}), Σ s·I = Φ too.
 *
 * @param frame             the frame as files hold it (noisy intensity, mask, ground truth, metadata)
 * @param object            x, the n×n object before scaling
 * @param coherentIntensity s·I in photons
 * @param expectedIntensity s·I' in photons
 * @param fluxFactor        s
 * @param fluxPhotons       Φ, the total of {@code expectedIntensity}
 * @param coherenceLengthPx the frame's σ_μ in this window's pixels
 * @param frameSeed         the 53-bit seed all of this frame's random draws derive from
 */
public record SimulatedFrame(DiffractionFrame frame, float[] object, double[] coherentIntensity,
                             double[] expectedIntensity, double fluxFactor, double fluxPhotons,
                             double coherenceLengthPx, long frameSeed) {

    public SimulatedFrame {
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(coherentIntensity, "coherentIntensity");
        Objects.requireNonNull(expectedIntensity, "expectedIntensity");
        int pixels = frame.height() * frame.width();
        if (coherentIntensity.length != pixels || expectedIntensity.length != pixels) {
            throw new IllegalArgumentException("intensities must have " + pixels + " values");
        }
    }
}
