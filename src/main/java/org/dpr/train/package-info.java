/**
 * Training of the DPR network (paper §4.3; DESIGN.md "Loss" and "Training"), independent of the
 * network's architecture: everything here works on any DJL {@link ai.djl.nn.Block} and on NDArrays.
 *
 * <ul>
 *   <li>{@link org.dpr.train.DprLoss}: L1 + 10·L_grad + 0.1·L_perc + 0.01·R_F^GT after alignment
 *       over translation and twin ({@link org.dpr.train.Aligner}); the perceptual term is a
 *       {@link org.dpr.train.FeatureExtractor} plug-in ({@link org.dpr.train.TorchScriptFeatureExtractor}
 *       for a user's VGG-19 TorchScript file), off with a notice when none is given.</li>
 *   <li>{@link org.dpr.train.AdamW} (decoupled weight decay, state in
 *       {@link org.dpr.train.OptimizerState}), {@link org.dpr.train.Asam},
 *       {@link org.dpr.train.Gradients} (zeroing, copies, global-norm clipping), learning-rate
 *       schedules as pure functions of the position ({@link org.dpr.train.StepSchedule},
 *       {@link org.dpr.train.CosineWarmRestarts}), tied together per batch by
 *       {@link org.dpr.train.TrainingStep}.</li>
 *   <li>{@link org.dpr.train.ForwardMode}: training vs inference forward passes (BatchNorm).</li>
 *   <li>{@link org.dpr.train.Checkpoint}: one atomic, checksummed file with weights, optimiser
 *       state, {@link org.dpr.train.TrainingProgress} and the run's {@link java.util.Random}.</li>
 * </ul>
 *
 * <p>The whole run: {@link org.dpr.train.Trainer} with an immutable {@link org.dpr.train.TrainingConfig}
 * on {@link org.dpr.train.TrainingData} ({@link org.dpr.train.SimulatedData}: frames simulated on the
 * fly, or {@link org.dpr.train.FileData}: a file with ground truth) — shuffled passes over the
 * training set ({@code FrameOrder}), batches made on a background thread, the loss in
 * {@link org.dpr.train.LossScale#AMPLITUDE} units, validation every epoch, checkpoints, a CSV log, a loss
 * curve and model files with provenance; progress goes to a {@link org.dpr.train.TrainingListener}.
 * {@link org.dpr.train.TrainingBenchmark} times training steps. {@code docs/training.md} has the details.
 *
 * <p>A trainer's loop (what {@link org.dpr.train.Trainer} does per batch):
 * <pre>{@code
 * DprLoss loss = DprLoss.withDefaults();               // .withFeatureExtractor(vgg) to add L_perc
 * loss.notice().ifPresent(System.err::println);        // "perceptual loss off: ..."
 * TrainingStep step = TrainingStep.paperAdamW(epochs); // or TrainingStep.paperAdamWR()
 * OptimizerState state = OptimizerState.create(modelManager);
 * ParameterStore store = new ParameterStore(modelManager, false);
 * TrainingProgress progress = TrainingProgress.start(seed);
 * Random rng = new Random(seed);
 * if (resume) { Checkpoint.Restored r = Checkpoint.restore(file, block, state); progress = r.progress(); rng = r.rng(); }
 * for (int epoch = progress.epoch(); epoch < epochs; epoch++) {
 *     for (int it = (epoch == progress.epoch() ? progress.iteration() : 0); it < perEpoch; it++) {
 *         try (NDManager scope = modelManager.newSubManager()) {
 *             Batch b = nextBatch(scope, rng);         // input, target·s (flux factor), scale ŝ
 *             StepResult r = step.run(block, state, () -> {
 *                 NDArray x = ForwardMode.TRAINING.forward(block, store, new NDList(b.input())).head();
 *                 return loss.compute(x.mul(b.outputScale()), b.scaledTarget()).total();
 *             }, epoch, it, perEpoch);
 *         }
 *     }
 *     double validation = ...;                         // ForwardMode.INFERENCE, no gradient collector
 *     Checkpoint.save(file, block, state, new TrainingProgress(epoch + 1, 0, best, seed), rng, notes);
 * }
 * }</pre>
 */
package org.dpr.train;
