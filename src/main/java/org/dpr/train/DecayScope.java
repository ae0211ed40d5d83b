package org.dpr.train;

/** Which parameters AdamW's decoupled weight decay shrinks. */
public enum DecayScope {
    /** Every trainable parameter, biases and BatchNorm's γ, β included: {@code torch.optim.AdamW}'s default, as in the paper. */
    ALL_PARAMETERS,
    /** Only convolution and linear weights ({@code Parameter.Type.WEIGHT}). */
    WEIGHTS_ONLY
}
