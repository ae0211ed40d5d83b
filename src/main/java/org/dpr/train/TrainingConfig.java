package org.dpr.train;

import java.time.Duration;
import java.util.Objects;
import org.dpr.nn.DprConfig;
import org.dpr.nn.DprPreset;

/**
 * Every setting of a training run besides its data ({@link TrainingData}) and output folder: an
 * immutable value; {@link #withDefaults()} holds the paper's recipe (§4.3, DESIGN.md "Training") at
 * the CPU-sized network, each {@code with…} validates and returns a new configuration.
 *
 * <p>Defaults: network {@link DprPreset#SMALL} (WPC encoder, two-stage decoder); {@link OptimizerKind#ADAMW}
 * at its paper rate (10⁻³, 10⁻⁴ for the last 1/6 of the epochs); 600 epochs of the whole training
 * set; batch 16; loss {@link DprLoss#withDefaults()} in {@link LossScale#AMPLITUDE}; global-norm
 * clipping at 1; seed 0; a checkpoint every epoch and every 10 minutes; a log row every 10 batches; no
 * wall-clock limit. For AdamWR the first restart period defaults to epochs/15 (the authors' code:
 * 40 of 600 epochs), with one warm-up epoch when the period is longer than one epoch.
 */
public final class TrainingConfig {
    private static final TrainingConfig DEFAULT = new TrainingConfig(DprConfig.of(DprPreset.SMALL),
            OptimizerKind.ADAMW, 600, 0, 16, Double.NaN, 0, LossScale.AMPLITUDE, DprLoss.withDefaults(), 1.0, 0L,
            Duration.ofMinutes(10), 0, 10, Duration.ZERO);

    private final DprConfig network;
    private final OptimizerKind optimizer;
    private final int epochs;
    private final long framesPerEpoch;
    private final int batchSize;
    private final double learningRate;
    private final int restartPeriodEpochs;
    private final LossScale lossScale;
    private final DprLoss loss;
    private final double clipNorm;
    private final long seed;
    private final Duration checkpointInterval;
    private final int checkpointEveryIterations;
    private final int logEveryIterations;
    private final Duration maxDuration;

    private TrainingConfig(DprConfig network, OptimizerKind optimizer, int epochs, long framesPerEpoch, int batchSize,
            double learningRate, int restartPeriodEpochs, LossScale lossScale, DprLoss loss, double clipNorm, long seed,
            Duration checkpointInterval, int checkpointEveryIterations, int logEveryIterations, Duration maxDuration) {
        this.network = network;
        this.optimizer = optimizer;
        this.epochs = epochs;
        this.framesPerEpoch = framesPerEpoch;
        this.batchSize = batchSize;
        this.learningRate = learningRate;
        this.restartPeriodEpochs = restartPeriodEpochs;
        this.lossScale = lossScale;
        this.loss = loss;
        this.clipNorm = clipNorm;
        this.seed = seed;
        this.checkpointInterval = checkpointInterval;
        this.checkpointEveryIterations = checkpointEveryIterations;
        this.logEveryIterations = logEveryIterations;
        this.maxDuration = maxDuration;
    }

    /** The paper's recipe at preset {@code small} (see the class comment). */
    public static TrainingConfig withDefaults() {
        return DEFAULT;
    }

    private TrainingConfig copy(DprConfig network, OptimizerKind optimizer, int epochs, long framesPerEpoch,
            int batchSize, double learningRate, int restartPeriodEpochs, LossScale lossScale, DprLoss loss,
            double clipNorm, long seed, Duration checkpointInterval, int checkpointEveryIterations,
            int logEveryIterations, Duration maxDuration) {
        return new TrainingConfig(network, optimizer, epochs, framesPerEpoch, batchSize, learningRate,
                restartPeriodEpochs, lossScale, loss, clipNorm, seed, checkpointInterval, checkpointEveryIterations,
                logEveryIterations, maxDuration);
    }

    /** The network to train (its geometry must be the data's). */
    public TrainingConfig withNetwork(DprConfig value) {
        return copy(Objects.requireNonNull(value, "network"), optimizer, epochs, framesPerEpoch, batchSize,
                learningRate, restartPeriodEpochs, lossScale, loss, clipNorm, seed, checkpointInterval,
                checkpointEveryIterations, logEveryIterations, maxDuration);
    }

    public TrainingConfig withOptimizer(OptimizerKind value) {
        return copy(network, Objects.requireNonNull(value, "optimizer"), epochs, framesPerEpoch, batchSize,
                learningRate, restartPeriodEpochs, lossScale, loss, clipNorm, seed, checkpointInterval,
                checkpointEveryIterations, logEveryIterations, maxDuration);
    }

    /** Length of the run in epochs (≥ 1); the AdamW step falls at the last 1/6 of them. */
    public TrainingConfig withEpochs(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("epochs must be ≥ 1, got " + value);
        }
        return copy(network, optimizer, value, framesPerEpoch, batchSize, learningRate, restartPeriodEpochs, lossScale,
                loss, clipNorm, seed, checkpointInterval, checkpointEveryIterations, logEveryIterations, maxDuration);
    }

    /**
     * Training frames per epoch (≥ 1), rounded down to whole batches; 0 (the default) means the whole
     * training set. Epochs shorter than the set validate more often; the set is still visited in
     * shuffled passes ({@link FrameOrder}).
     */
    public TrainingConfig withFramesPerEpoch(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("frames per epoch must be ≥ 0 (0 = the whole set), got " + value);
        }
        return copy(network, optimizer, epochs, value, batchSize, learningRate, restartPeriodEpochs, lossScale, loss,
                clipNorm, seed, checkpointInterval, checkpointEveryIterations, logEveryIterations, maxDuration);
    }

    /** Frames per batch (≥ 1; the paper: 16). */
    public TrainingConfig withBatchSize(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("batch size must be ≥ 1, got " + value);
        }
        return copy(network, optimizer, epochs, framesPerEpoch, value, learningRate, restartPeriodEpochs, lossScale,
                loss, clipNorm, seed, checkpointInterval, checkpointEveryIterations, logEveryIterations, maxDuration);
    }

    /**
     * The learning rate: AdamW's first rate (the last 1/6 of the epochs run at a tenth of it) or AdamWR's
     * α_max; finite and &gt; 0. Unset, the optimiser's paper rate is used.
     */
    public TrainingConfig withLearningRate(double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("learning rate must be finite and > 0, got " + value);
        }
        return copy(network, optimizer, epochs, framesPerEpoch, batchSize, value, restartPeriodEpochs, lossScale, loss,
                clipNorm, seed, checkpointInterval, checkpointEveryIterations, logEveryIterations, maxDuration);
    }

    /** AdamWR's first restart period T_0 in epochs (≥ 1); 0 (the default) means max(1, epochs/15). */
    public TrainingConfig withRestartPeriodEpochs(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("restart period must be ≥ 0 epochs (0 = epochs/15), got " + value);
        }
        return copy(network, optimizer, epochs, framesPerEpoch, batchSize, learningRate, value, lossScale, loss,
                clipNorm, seed, checkpointInterval, checkpointEveryIterations, logEveryIterations, maxDuration);
    }

    public TrainingConfig withLossScale(LossScale value) {
        return copy(network, optimizer, epochs, framesPerEpoch, batchSize, learningRate, restartPeriodEpochs,
                Objects.requireNonNull(value, "loss scale"), loss, clipNorm, seed, checkpointInterval,
                checkpointEveryIterations, logEveryIterations, maxDuration);
    }

    /** The loss and its coefficients (DprLoss.withDefaults(): 1, 10, 0.1, 0.01). */
    public TrainingConfig withLoss(DprLoss value) {
        return copy(network, optimizer, epochs, framesPerEpoch, batchSize, learningRate, restartPeriodEpochs, lossScale,
                Objects.requireNonNull(value, "loss"), clipNorm, seed, checkpointInterval, checkpointEveryIterations,
                logEveryIterations, maxDuration);
    }

    /** The global gradient-norm limit (&gt; 0; {@code Double.POSITIVE_INFINITY} for none; the paper: 1). */
    public TrainingConfig withClipNorm(double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException("clip norm must be > 0, got " + value);
        }
        return copy(network, optimizer, epochs, framesPerEpoch, batchSize, learningRate, restartPeriodEpochs, lossScale,
                loss, value, seed, checkpointInterval, checkpointEveryIterations, logEveryIterations, maxDuration);
    }

    /** Seed of the initial weights and of the shuffling (the data's own seed is part of the data). */
    public TrainingConfig withSeed(long value) {
        return copy(network, optimizer, epochs, framesPerEpoch, batchSize, learningRate, restartPeriodEpochs, lossScale,
                loss, clipNorm, value, checkpointInterval, checkpointEveryIterations, logEveryIterations, maxDuration);
    }

    /** A checkpoint inside an epoch whenever this much time has passed since the last one (ZERO = only per epoch). */
    public TrainingConfig withCheckpointInterval(Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException("checkpoint interval must be ≥ 0, got " + value);
        }
        return copy(network, optimizer, epochs, framesPerEpoch, batchSize, learningRate, restartPeriodEpochs, lossScale,
                loss, clipNorm, seed, value, checkpointEveryIterations, logEveryIterations, maxDuration);
    }

    /** A checkpoint inside an epoch every this many batches (0 = none by count). */
    public TrainingConfig withCheckpointEveryIterations(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("checkpoint iterations must be ≥ 0, got " + value);
        }
        return copy(network, optimizer, epochs, framesPerEpoch, batchSize, learningRate, restartPeriodEpochs, lossScale,
                loss, clipNorm, seed, checkpointInterval, value, logEveryIterations, maxDuration);
    }

    /** A row of the CSV log (mean training loss of the batches since the last row) every this many batches (≥ 1). */
    public TrainingConfig withLogEveryIterations(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("log interval must be ≥ 1 batch, got " + value);
        }
        return copy(network, optimizer, epochs, framesPerEpoch, batchSize, learningRate, restartPeriodEpochs, lossScale,
                loss, clipNorm, seed, checkpointInterval, checkpointEveryIterations, value, maxDuration);
    }

    /**
     * Stop cleanly (checkpoint and model written) once this session has trained this long; ZERO (the
     * default) for no limit. For sessions of limited length; resume to go on.
     */
    public TrainingConfig withMaxDuration(Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException("maximum duration must be ≥ 0, got " + value);
        }
        return copy(network, optimizer, epochs, framesPerEpoch, batchSize, learningRate, restartPeriodEpochs, lossScale,
                loss, clipNorm, seed, checkpointInterval, checkpointEveryIterations, logEveryIterations, value);
    }

    public DprConfig network() {
        return network;
    }

    public OptimizerKind optimizer() {
        return optimizer;
    }

    public int epochs() {
        return epochs;
    }

    /** Frames per epoch as set (0 = the whole training set). */
    public long framesPerEpoch() {
        return framesPerEpoch;
    }

    public int batchSize() {
        return batchSize;
    }

    /** The learning rate in use: the one set, or the optimiser's paper rate. */
    public double learningRate() {
        return Double.isNaN(learningRate) ? optimizer.paperLearningRate() : learningRate;
    }

    /** AdamWR's T_0 in use: the one set, or max(1, epochs/15). */
    public int restartPeriodEpochs() {
        return restartPeriodEpochs > 0 ? restartPeriodEpochs : Math.max(1, epochs / 15);
    }

    public LossScale lossScale() {
        return lossScale;
    }

    public DprLoss loss() {
        return loss;
    }

    public double clipNorm() {
        return clipNorm;
    }

    public long seed() {
        return seed;
    }

    public Duration checkpointInterval() {
        return checkpointInterval;
    }

    public int checkpointEveryIterations() {
        return checkpointEveryIterations;
    }

    public int logEveryIterations() {
        return logEveryIterations;
    }

    /** The session's wall-clock budget (ZERO = none). */
    public Duration maxDuration() {
        return maxDuration;
    }

    /** Batches per epoch for a training set of {@code trainingFrames}: ⌊framesPerEpoch / batch⌋ (≥ 1). */
    public int iterationsPerEpoch(long trainingFrames) {
        long frames = framesPerEpoch == 0 ? trainingFrames : framesPerEpoch;
        long iterations = frames / batchSize;
        if (iterations < 1) {
            throw new IllegalArgumentException("an epoch of " + frames + " frames holds no whole batch of " + batchSize);
        }
        if (iterations > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("an epoch of " + frames + " frames is too long");
        }
        return (int) iterations;
    }

    /** The optimisation recipe: AdamW with its schedule (and ASAM for AdamWR), global-norm clipping. */
    public TrainingStep trainingStep() {
        double rate = learningRate();
        TrainingStep step;
        if (optimizer == OptimizerKind.ADAMW) {
            step = TrainingStep.of(AdamW.withDefaults(),
                    StepSchedule.withDefaults().withTotalEpochs(epochs).withRates(rate, rate / 10));
        } else {
            int period = restartPeriodEpochs();
            CosineWarmRestarts schedule = CosineWarmRestarts.withDefaults().withWarmupEpochs(0)
                    .withFirstPeriodEpochs(period).withRates(rate, Math.min(rate, 1e-8))
                    .withWarmupEpochs(period > 1 ? 1 : 0);
            step = TrainingStep.of(AdamW.withDefaults(), schedule).withAsam(Asam.withDefaults());
        }
        return Double.isInfinite(clipNorm) ? step.withClipNorm(Double.POSITIVE_INFINITY) : step.withClipNorm(clipNorm);
    }

    /** Every setting in one line, for provenance. */
    @Override
    public String toString() {
        return "network " + network.describe() + "; " + trainingStep() + "; epochs " + epochs + " of "
                + (framesPerEpoch == 0 ? "the whole training set" : framesPerEpoch + " frames") + "; batch " + batchSize
                + "; " + loss + " on " + lossScale + "; seed " + seed;
    }
}
