package org.dpr.simulate;

/** What a simulated frame holds where its mask says "not measured". */
public enum MaskedPixels {
    /** Zero photons, as a detector behind a beamstop or in a gap records. The default. */
    ZERO,
    /** The simulated value, as the paper's training files kept it (consumers apply the mask). */
    KEEP
}
