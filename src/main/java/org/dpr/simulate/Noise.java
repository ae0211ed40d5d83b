package org.dpr.simulate;

/**
 * The measurement noise added to the noise-free pattern λ = s·I' (paper eq. 4).
 */
public enum Noise {
    /** Eq. 4: Poisson(λ) + N(0, σ), σ = 1/2.35482 photons by default (a FWHM of one photon). The default. */
    POISSON_GAUSSIAN,
    /** Photon counting only: Poisson(λ). */
    POISSON,
    /** No noise: the frame holds the expected photons λ. */
    NONE
}
