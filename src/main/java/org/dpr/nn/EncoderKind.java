package org.dpr.nn;

/** The encoder of the DPR network and the two the paper's ablation compares it with (Fig. 1c, d). */
public enum EncoderKind {
    /** Weighted partial convolutions with Guinier–Porod weights: the paper's DPR (§4.1). */
    WPC,
    /** Plain partial convolutions (W ≡ 1). */
    PC,
    /** Fast Fourier convolutions on the masked pattern and the mask stacked as two channels. */
    FFC
}
