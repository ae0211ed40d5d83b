package org.dpr.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dpr.evaluate.ablation.AblationReport;
import org.dpr.evaluate.ablation.AblationStudy;
import org.dpr.evaluate.ablation.AblationVariant;
import org.dpr.nn.DprConfig;
import org.dpr.nn.DprPreset;
import org.dpr.simulate.SimulationConfig;
import org.dpr.train.EngineThreads;
import org.dpr.train.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dpr ablation}: the paper's ablation (Fig. 1c–d) and training-set-size study (Fig. 2a)
 * under a small budget ({@link AblationStudy}, {@link AblationReport}).
 */
@Command(name = "ablation", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train the encoder variants (WPC, PC, FFC) with and without the two-stage",
                "decoder (+D) under one budget of frames on simulated data, evaluate them on a",
                "held-out simulated set and write validation-loss curves, a metrics table with",
                "Mann-Whitney tests against WPC+D and index.html into --out. --sizes also trains",
                "WPC+D on training sets of those sizes and plots each metric against size."})
public final class AblationCommand implements Callable<Integer> {
    @Option(names = "--budget", defaultValue = "4800", paramLabel = "FRAMES",
            description = "Training frames each variant sees (default: ${DEFAULT-VALUE}).")
    long budgetFrames;

    @Option(names = "--epochs", defaultValue = "8", paramLabel = "N",
            description = "Validations per run: the budget is split into this many epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--train-frames", defaultValue = "0", paramLabel = "FRAMES",
            description = "Training-set size of the ablation runs (default: the budget).")
    long trainFrames;

    @Option(names = {"-N", "--window"}, defaultValue = "128", paramLabel = "N",
            description = "Window N, a multiple of 16 (default: ${DEFAULT-VALUE}).")
    int windowPx;

    @Option(names = "--ngf", defaultValue = "32", paramLabel = "C", description = "Channels of the first layer (default: ${DEFAULT-VALUE}).")
    int ngf;

    @Option(names = "--batch", defaultValue = "16", paramLabel = "FRAMES", description = "Frames per batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--variants", defaultValue = "wpc+d,pc+d,ffc+d,wpc,pc,ffc", paramLabel = "LIST",
            description = "Variants; 'wpc' is the WPC encoder with the single decoder (default: ${DEFAULT-VALUE}).")
    String variants;

    @Option(names = "--sizes", split = ",", paramLabel = "SIZE",
            description = "Training-set sizes of the size study, e.g. 1200,2400,4800 (default: none).")
    List<Long> sizes;

    @Option(names = "--val-frames", defaultValue = "64", paramLabel = "FRAMES", description = "Validation frames (default: ${DEFAULT-VALUE}).")
    int valFrames;

    @Option(names = "--test-frames", defaultValue = "64", paramLabel = "FRAMES",
            description = "Held-out test frames, simulated with seed + 1 (default: ${DEFAULT-VALUE}).")
    int testFrames;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "SEED", description = "Seed of weights, shuffling and data (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Tensor-engine threads per operation (default: the engine's).")
    Integer threads;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (budgetFrames < 1 || epochs < 1) {
            throw new IllegalArgumentException("--budget and --epochs must be ≥ 1");
        }
        DprConfig network = DprConfig.of(DprPreset.SMALL).withWindowPx(windowPx).withNgf(ngf);
        network = network.withMaxChannels(Math.max(network.maxChannels(), 16 * ngf));
        TrainingConfig training = TrainingConfig.withDefaults().withNetwork(network).withEpochs(epochs)
                .withBatchSize(batch).withSeed(seed).withLogEveryIterations(10);
        SimulationConfig simulation = SimulationConfig.withDefaults().withGeometry(network.geometry()).withSeed(seed);
        AblationStudy study = AblationStudy.of(training, simulation).withBudgetFrames(budgetFrames)
                .withTrainingFrames(trainFrames == 0 ? budgetFrames : trainFrames)
                .withValidationFrames(valFrames).withTestFrames(testFrames)
                .withVariants(AblationVariant.parseList(variants))
                .withSizes(sizes == null ? List.of() : new ArrayList<>(sizes));
        if (threads != null) {
            EngineThreads.setIntraOp(threads);
        }
        Map<String, String> notes = new LinkedHashMap<>();
        notes.put("command_line", Provenance.commandLine(spec));
        notes.put("dpr_version", Provenance.version());
        PrintWriter stdout = spec.commandLine().getOut();
        Path folder = out.toAbsolutePath().normalize();
        AblationStudy.Result result = study.run(folder, notes, stdout);
        Path index = AblationReport.write(result, folder);
        stdout.println(result.evaluation().summaryTable(4).toMarkdown());
        stdout.println("report: " + index);
        stdout.flush();
        return 0;
    }
}
