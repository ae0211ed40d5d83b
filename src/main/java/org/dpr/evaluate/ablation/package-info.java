/**
 * The network ablation of the paper (Fig. 1c–d: WPC, PC and FFC encoders with and without the
 * two-stage decoder "+D") and its training-set-size study (Fig. 2a), each run trained by
 * {@link org.dpr.train.Trainer} under the same budget of frames and evaluated with
 * {@link org.dpr.evaluate.Evaluation} against WPC+D; {@code dpr ablation} drives it.
 */
package org.dpr.evaluate.ablation;
