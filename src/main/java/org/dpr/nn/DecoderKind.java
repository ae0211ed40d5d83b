package org.dpr.nn;

/** The decoder of the DPR network and the one the paper's ablation compares it with (Fig. 1c, d). */
public enum DecoderKind {
    /**
     * Base decoder with 3 FFC residual blocks, then the diffraction-compensated decoder (+D): Fourier
     * projection of the first output and 6 more residual blocks. The paper's DPR.
     */
    TWO_STAGE,
    /** A single base decoder with doubled (6) residual blocks and no +D ("43 % more parameters"). */
    SINGLE;

    /** Residual blocks in the base decoder. */
    public int baseResidualBlocks() {
        return this == TWO_STAGE ? 3 : 6;
    }

    /** Residual blocks in the diffraction-compensated decoder (0 when there is none). */
    public int compensatedResidualBlocks() {
        return this == TWO_STAGE ? 6 : 0;
    }
}
