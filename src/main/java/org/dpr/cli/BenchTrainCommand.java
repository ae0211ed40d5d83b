package org.dpr.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dpr.nn.DprConfig;
import org.dpr.nn.DprPreset;
import org.dpr.train.EngineThreads;
import org.dpr.train.OptimizerKind;
import org.dpr.train.TrainingBenchmark;
import org.dpr.train.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dpr bench train}: training frames per second at the small and paper presets. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Training speed: frames per second of whole optimisation steps (forward,",
                "aligned loss, backward, clipping, AdamW; ASAM's second pass with adamwr) on one",
                "simulated batch; making the data is not timed."})
public final class BenchTrainCommand implements Callable<Integer> {

    @Option(names = "--presets", defaultValue = "small,paper", split = ",", paramLabel = "small|paper",
            description = "Presets to measure (default: ${DEFAULT-VALUE}).")
    List<String> presets;

    @Option(names = "--small-batch", defaultValue = "16", description = "Batch at preset small (default: ${DEFAULT-VALUE}, the paper's).")
    int smallBatch;

    @Option(names = "--paper-batch", defaultValue = "2", description = "Batch at preset paper (default: ${DEFAULT-VALUE}).")
    int paperBatch;

    @Option(names = "--iterations", defaultValue = "5", description = "Timed steps at preset small (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--paper-iterations", defaultValue = "2", description = "Timed steps at preset paper (default: ${DEFAULT-VALUE}).")
    int paperIterations;

    @Option(names = "--optimizer", defaultValue = "adamw", paramLabel = "adamw|adamwr", description = "Optimiser (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = {"-N", "--window"}, paramLabel = "N", description = "Override every preset's window N (a multiple of 16).")
    Integer windowPx;

    @Option(names = "--ngf", description = "Override every preset's ngf (a multiple of 16).")
    Integer ngf;

    @Option(names = "--threads", description = "Tensor-engine threads per operation (default: the engine's).")
    Integer threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        OptimizerKind kind = OptimizerKind.parse(optimizer);
        if (threads != null) {
            EngineThreads.setIntraOp(threads);
        }
        List<DprPreset> chosen = presets.stream().map(DprPreset::fromId).toList();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%-8s %6s %6s %9s %8s %12s %12s %10s%n", "preset", "N", "batch", "optimizer", "steps",
                "s/step", "fastest s", "frames/s");
        for (DprPreset preset : chosen) {
            DprConfig network = DprConfig.of(preset);
            if (windowPx != null) {
                network = network.withWindowPx(windowPx);
            }
            if (ngf != null) {
                network = network.withNgf(ngf).withMaxChannels(Math.max(network.maxChannels(), 16 * ngf));
            }
            boolean paper = preset == DprPreset.PAPER;
            TrainingConfig config = TrainingConfig.withDefaults().withNetwork(network).withOptimizer(kind)
                    .withBatchSize(paper ? paperBatch : smallBatch);
            TrainingBenchmark.Result r = TrainingBenchmark.withDefaults()
                    .withTimedIterations(paper ? paperIterations : iterations).measure(config);
            out.printf(Locale.ROOT, "%-8s %6d %6d %9s %8d %12.3f %12.3f %10.2f%n", preset.id(), r.windowPx(),
                    r.batchSize(), r.optimizer().label(), r.timedIterations(), r.medianSecondsPerIteration(),
                    r.fastestSecondsPerIteration(), r.framesPerSecond());
            out.flush();
        }
        out.printf(Locale.ROOT, "%s on %s, %d intra-op threads, %d cores%n", TrainingBenchmark.engineDescription(),
                ai.djl.engine.Engine.getInstance().defaultDevice(), EngineThreads.intraOp(),
                Runtime.getRuntime().availableProcessors());
        return 0;
    }
}
