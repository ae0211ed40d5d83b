package org.dpr.train;

import ai.djl.ndarray.NDArray;

/**
 * The forward pass and loss of one batch, as a closure that {@link TrainingStep} may call more
 * than once on the same batch (twice with ASAM: at w and at w + ε). Each call must run the
 * network in {@link ForwardMode#TRAINING} and return the scalar loss (one element) that carries
 * the gradient; the step opens the gradient collector around it.
 */
@FunctionalInterface
public interface BatchLoss {
    NDArray compute();
}
