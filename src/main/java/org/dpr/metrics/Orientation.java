package org.dpr.metrics;

/**
 * The two orientations a phase-retrieval solution can take. For a real object x(r), the twin
 * x(−r) (a 180° rotation) has the Fourier transform conj(X(q)) and so the same diffraction
 * pattern |X(q)|²: the data cannot tell them apart (DESIGN.md, "Conventions").
 */
public enum Orientation {
    /** The image as given. */
    DIRECT,
    /** The image rotated by 180° (the twin). */
    TWIN
}
