package org.dpr.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import java.util.Map;

/**
 * One optimisation step on one batch, the paper's recipe (§4.3, DESIGN.md "Training"): zero the
 * gradients, forward + loss + backward; with ASAM, move to w + ε, forward + loss + backward
 * again, restore w; clip the gradient to a global norm (default 1); take the learning rate from
 * the schedule at (epoch, iteration); AdamW update. Immutable; the mutable parts are the block's
 * weights and the {@link OptimizerState}.
 *
 * <p>A trainer loop, per batch:
 * <pre>{@code
 * try (NDManager batchScope = modelManager.newSubManager()) {
 *     NDArray input = ..., target = ...;            // attached to batchScope
 *     StepResult r = step.run(block, state, () -> {
 *         NDArray out = ForwardMode.TRAINING.forward(block, store, new NDList(input)).head();
 *         return loss.compute(out, target).total();
 *     }, epoch, iteration, iterationsPerEpoch);
 * }
 * }</pre>
 * The closure's arrays live on the managers of its inputs: open a sub-manager per batch and close
 * it afterwards, or memory grows without bound. Not thread-safe and not to be called inside a
 * gradient collector (DJL's PyTorch engine allows one collector at a time).
 */
public final class TrainingStep {
    private final AdamW optimizer;
    private final LearningRateSchedule schedule;
    private final Asam asam;
    private final double clipNorm;

    private TrainingStep(AdamW optimizer, LearningRateSchedule schedule, Asam asam, double clipNorm) {
        this.optimizer = optimizer;
        this.schedule = schedule;
        this.asam = asam;
        this.clipNorm = clipNorm;
    }

    /** {@code optimizer} driven by {@code schedule}, global-norm clipping at 1, no ASAM. */
    public static TrainingStep of(AdamW optimizer, LearningRateSchedule schedule) {
        if (optimizer == null || schedule == null) {
            throw new IllegalArgumentException("optimizer and schedule must not be null");
        }
        return new TrainingStep(optimizer, schedule, null, 1.0);
    }

    /** The paper's first recipe (DPR₀): AdamW (10⁻³, then 10⁻⁴ for the last 1/6 of {@code totalEpochs}), clipping at 1. */
    public static TrainingStep paperAdamW(int totalEpochs) {
        return of(AdamW.withDefaults(), StepSchedule.withDefaults().withTotalEpochs(totalEpochs));
    }

    /** The paper's second recipe (DPR): AdamWR (cosine warm restarts, T_0 40, doubling, warm-up 1) with ASAM, clipping at 1. */
    public static TrainingStep paperAdamWR() {
        return of(AdamW.withDefaults(), CosineWarmRestarts.withDefaults()).withAsam(Asam.withDefaults());
    }

    public TrainingStep withOptimizer(AdamW value) {
        if (value == null) {
            throw new IllegalArgumentException("optimizer must not be null");
        }
        return new TrainingStep(value, schedule, asam, clipNorm);
    }

    public TrainingStep withSchedule(LearningRateSchedule value) {
        if (value == null) {
            throw new IllegalArgumentException("schedule must not be null");
        }
        return new TrainingStep(optimizer, value, asam, clipNorm);
    }

    /** Sharpness-aware steps with {@code value} (two forward/backward passes per batch). */
    public TrainingStep withAsam(Asam value) {
        if (value == null) {
            throw new IllegalArgumentException("ASAM must not be null (use withoutAsam())");
        }
        return new TrainingStep(optimizer, schedule, value, clipNorm);
    }

    public TrainingStep withoutAsam() {
        return new TrainingStep(optimizer, schedule, null, clipNorm);
    }

    /** The largest global gradient norm, &gt; 0; {@code Double.POSITIVE_INFINITY} turns clipping off. */
    public TrainingStep withClipNorm(double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException("clip norm must be > 0 (or infinite for none), got " + value);
        }
        return new TrainingStep(optimizer, schedule, asam, value);
    }

    public AdamW optimizer() {
        return optimizer;
    }

    public LearningRateSchedule schedule() {
        return schedule;
    }

    /** The ASAM settings, or null when off. */
    public Asam asam() {
        return asam;
    }

    public double clipNorm() {
        return clipNorm;
    }

    /**
     * Runs the step for the batch whose loss {@code loss} computes, at schedule position
     * (epoch, iteration of iterationsPerEpoch). When the loss or the gradient is not finite the
     * weights and the optimiser state are left as they were and the result says
     * {@link StepOutcome#SKIPPED_NON_FINITE}.
     */
    public StepResult run(Block block, OptimizerState state, BatchLoss loss, int epoch, int iteration,
            int iterationsPerEpoch) {
        double rate = schedule.rate(epoch, iteration, iterationsPerEpoch);
        var trainable = TrainableParameters.trainable(block);
        TrainableParameters.attachGradients(trainable);
        NDManager parameters = trainable.get(0).array().getManager();
        try (NDManager scope = parameters.newSubManager()) {
            double first = backward(block, loss, parameters);
            Map<String, NDArray> gradients = Gradients.copy(block, scope);
            double second = Double.NaN;
            if (asam != null && Double.isFinite(first)) {
                try (AsamPerturbation ignored = asam.perturb(block, gradients)) {
                    second = backward(block, loss, parameters);
                    gradients = Gradients.copy(block, scope);
                }
            }
            boolean finiteLoss = Double.isFinite(first) && (asam == null || Double.isFinite(second));
            double norm = Double.isInfinite(clipNorm)
                    ? Gradients.globalNorm(gradients)
                    : Gradients.clipGlobalNorm(gradients, clipNorm);
            if (!finiteLoss || !Double.isFinite(norm)) {
                return new StepResult(first, second, rate, norm, StepOutcome.SKIPPED_NON_FINITE);
            }
            optimizer.update(block, gradients, state, rate);
            return new StepResult(first, second, rate, norm, StepOutcome.UPDATED);
        }
    }

    private static double backward(Block block, BatchLoss loss, NDManager parameters) {
        Gradients.zero(block);
        try (GradientCollector collector = parameters.getEngine().newGradientCollector()) {
            NDArray value = loss.compute();
            if (value.size() != 1) {
                throw new IllegalArgumentException("the batch loss must be a scalar, got shape " + value.getShape());
            }
            collector.backward(value);
            return value.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).toDoubleArray()[0];
        }
    }

    @Override
    public String toString() {
        return optimizer + ", " + schedule + (asam == null ? "" : ", " + asam) + ", clip norm " + clipNorm;
    }
}
