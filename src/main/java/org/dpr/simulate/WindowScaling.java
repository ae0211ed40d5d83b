package org.dpr.simulate;

import org.dpr.Geometry;

/**
 * How the simulator reads the lengths (pixels) and photon totals of its configuration.
 *
 * <p>The paper states its parameters for N = 512 (§4.2): σ_μ = 200 px, 10^6–10^7 photons, beamstop
 * half-sizes 8–32 px. For another window with the same oversampling (n = N/8) the same physics
 * needs every length scaled by N/512 and every photon total by (N/512)², so that the photons per
 * object pixel — the difficulty of the problem — stay the paper's (DESIGN.md, "Diffraction model").
 */
public enum WindowScaling {
    /** Values are the paper's, for N = 512: lengths × N/512, photon totals × (N/512)². The default. */
    PAPER_WINDOW,
    /** Values are used as given, in this window's pixels and photons. */
    ABSOLUTE;

    /** Factor applied to lengths in pixels for {@code geometry}. */
    public double lengthScale(Geometry geometry) {
        return this == PAPER_WINDOW ? geometry.scaleToPaper() : 1.0;
    }

    /** Factor applied to photon totals for {@code geometry}. */
    public double photonScale(Geometry geometry) {
        double s = lengthScale(geometry);
        return s * s;
    }
}
