package org.dpr.train;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * Whether a forward pass trains or infers. DJL hands a {@code training} flag to every block's
 * forward; for the DPR network it decides BatchNorm's behaviour: in {@link #TRAINING} BatchNorm
 * normalises with the batch's statistics and updates its running mean and variance, in
 * {@link #INFERENCE} it normalises with the stored running statistics and changes nothing. Training
 * batches run in {@code TRAINING}; validation, test and reconstruction run in {@code INFERENCE}.
 */
public enum ForwardMode {
    TRAINING,
    INFERENCE;

    /** DJL's flag. */
    public boolean isTraining() {
        return this == TRAINING;
    }

    /** Runs {@code block} on {@code inputs} in this mode: {@code block.forward(store, inputs, isTraining())}. */
    public NDList forward(Block block, ParameterStore store, NDList inputs) {
        return block.forward(store, inputs, isTraining());
    }
}
