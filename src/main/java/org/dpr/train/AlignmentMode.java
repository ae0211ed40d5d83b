package org.dpr.train;

/** Which trivial ambiguities of phase retrieval the loss removes before comparing output and target. */
public enum AlignmentMode {
    /** Integer translations within ±n/2 on each axis and the twin (180° rotation): the paper's and DESIGN.md's choice. */
    TRANSLATION_AND_TWIN,
    /** Integer translations within ±n/2 only. */
    TRANSLATION,
    /** Compare pixel by pixel as given. */
    NONE
}
