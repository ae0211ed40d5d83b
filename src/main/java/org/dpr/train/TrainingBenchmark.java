package org.dpr.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import org.dpr.nn.DprModel;
import org.dpr.simulate.SimulationConfig;
import org.dpr.simulate.Simulator;

/**
 * Measures training speed — frames per second of whole optimisation steps (forward in training mode,
 * the aligned loss, backward, ASAM's second pass for AdamWR, global-norm clipping, the AdamW update)
 * — for {@code dpr bench train} and {@code docs/benchmarks.md}. Data making is not timed: the trainer
 * simulates on a background thread, and the simulator is an order of magnitude faster than training.
 * An immutable configuration: {@code with…} returns a new instance.
 *
 * <p>Each measurement builds an untrained network on the engine's default device, simulates one batch
 * with the paper's settings at the network's window, runs {@code warmupIterations} untimed and
 * {@code timedIterations} timed steps on it, and reports the median step.
 */
public final class TrainingBenchmark {
    private static final TrainingBenchmark DEFAULT = new TrainingBenchmark(1, 5, 1L);

    private final int warmupIterations;
    private final int timedIterations;
    private final long seed;

    private TrainingBenchmark(int warmupIterations, int timedIterations, long seed) {
        this.warmupIterations = warmupIterations;
        this.timedIterations = timedIterations;
        this.seed = seed;
    }

    /** One warm-up step and 5 timed steps. */
    public static TrainingBenchmark withDefaults() {
        return DEFAULT;
    }

    public TrainingBenchmark withWarmupIterations(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("warm-up iterations must be ≥ 0, got " + value);
        }
        return new TrainingBenchmark(value, timedIterations, seed);
    }

    public TrainingBenchmark withTimedIterations(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("timed iterations must be ≥ 1, got " + value);
        }
        return new TrainingBenchmark(warmupIterations, value, seed);
    }

    /** Seed of the simulated batch. */
    public TrainingBenchmark withSeed(long value) {
        return new TrainingBenchmark(warmupIterations, timedIterations, value);
    }

    /** One measurement. */
    public record Result(String network, int windowPx, int batchSize, OptimizerKind optimizer, int timedIterations,
            double medianSecondsPerIteration, double fastestSecondsPerIteration, String device) {

        /** Frames per second of the median step. */
        public double framesPerSecond() {
            return batchSize / medianSecondsPerIteration;
        }
    }

    /** Times training steps of {@code config}'s network, optimiser, loss and batch size. */
    public Result measure(TrainingConfig config) {
        Simulator simulator = Simulator.of(SimulationConfig.withDefaults().withGeometry(config.network().geometry())
                .withSeed(seed));
        HostBatch batch = HostBatch.pack(simulator.frames(0, config.batchSize()), config.network().geometry(),
                config.lossScale());
        TrainingStep step = config.trainingStep();
        double[] seconds = new double[timedIterations];
        try (DprModel model = DprModel.create(config.network());
                OptimizerState state = OptimizerState.create(model.manager())) {
            for (int i = 0; i < warmupIterations + timedIterations; i++) {
                long start = System.nanoTime();
                try (NDManager scope = model.manager().newSubManager()) {
                    NDArray[] a = batch.toArrays(scope);
                    step.run(model.network(), state, () -> {
                        var out = model.forward(a[0], a[1], true);
                        NDArray x = config.lossScale() == LossScale.AMPLITUDE ? out.get(0).mul(out.get(1).sqrt())
                                : out.get(0).mul(out.get(1));
                        return config.loss().compute(x, a[2]).total();
                    }, 0, i, warmupIterations + timedIterations);
                }
                if (i >= warmupIterations) {
                    seconds[i - warmupIterations] = (System.nanoTime() - start) / 1e9;
                }
            }
            double[] sorted = seconds.clone();
            Arrays.sort(sorted);
            double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                    : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
            return new Result(config.network().describe(), config.network().geometry().windowPx(), config.batchSize(),
                    config.optimizer(), timedIterations, median, sorted[0], model.device().toString());
        }
    }

    /** The engine's name and version (for the report). */
    public static String engineDescription() {
        Engine engine = Engine.getInstance();
        return engine.getEngineName() + " " + engine.getVersion();
    }
}
