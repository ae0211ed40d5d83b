package org.dpr.cli;

import com.google.gson.Gson;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import org.dpr.DprException;
import org.dpr.Geometry;
import org.dpr.nn.DecoderKind;
import org.dpr.nn.DprConfig;
import org.dpr.nn.DprPreset;
import org.dpr.nn.EncoderKind;
import org.dpr.simulate.CifarDensities;
import org.dpr.simulate.EmnistShapes;
import org.dpr.simulate.MaskRecipe;
import org.dpr.simulate.Noise;
import org.dpr.simulate.SimulationConfig;
import org.dpr.simulate.WindowScaling;
import org.dpr.train.Checkpoint;
import org.dpr.train.EngineThreads;
import org.dpr.train.FileData;
import org.dpr.train.LossScale;
import org.dpr.train.OptimizerKind;
import org.dpr.train.SimulatedData;
import org.dpr.train.Trainer;
import me.tongfei.progressbar.ProgressBar;
import org.dpr.train.EpochReport;
import org.dpr.train.StepReport;
import org.dpr.train.TrainingConfig;
import org.dpr.train.TrainingData;
import org.dpr.train.TrainingListener;
import org.dpr.train.TrainingPlan;
import org.dpr.train.TrainingResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dpr train}: trains a DPR network on simulated frames (made on the fly) or on a file with
 * ground truth, with checkpoints, a CSV log, a loss curve and model files with their provenance
 * ({@link Trainer}). {@code --resume CHECKPOINT} continues a run with the settings it was started
 * with; only the run's length and bookkeeping options may change then.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a DPR network (paper §4.3): AdamW or AdamWR + ASAM, the paper's loss,",
                "on frames simulated on the fly (the simulator's options below) or read from",
                "a file made by 'dpr simulate'. Writes into --out: checkpoint.dpr (every epoch,",
                "every --checkpoint-minutes, at --max-minutes and on Ctrl-C), training-log.csv,",
                "loss-curve.png, model.json (latest) and best.json (lowest validation loss).",
                "Resume with --resume DIR/checkpoint.dpr. On a busy shared machine use --threads 1."})
public final class TrainCommand implements Callable<Integer> {
    /** Options that may differ from the original run's when resuming. */
    private static final Set<String> CHANGEABLE_ON_RESUME = Set.of("--epochs", "--max-minutes",
            "--checkpoint-minutes", "--checkpoint-iterations", "--log-every", "--out", "--data", "--threads");
    private static final String NOTE_ARGS = "command_args";

    @Option(names = "--preset", defaultValue = "small", paramLabel = "small|paper",
            description = "Network size: small (N 128, ngf 32) or paper (N 512, ngf 64) (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = {"-N", "--window"}, paramLabel = "N", description = "Window N, a multiple of 16 (default: the preset's).")
    Integer windowPx;

    @Option(names = "--ngf", description = "Channels of the first layer, a multiple of 16 (default: the preset's).")
    Integer ngf;

    @Option(names = "--encoder", defaultValue = "wpc", paramLabel = "wpc|pc|ffc", description = "Encoder (default: ${DEFAULT-VALUE}).")
    String encoder;

    @Option(names = "--decoder", defaultValue = "two-stage", paramLabel = "two-stage|single",
            description = "Decoder: two-stage (+D, the paper's) or single (default: ${DEFAULT-VALUE}).")
    String decoder;

    @Option(names = "--optimizer", defaultValue = "adamw", paramLabel = "adamw|adamwr",
            description = "adamw (step schedule) or adamwr (cosine warm restarts + ASAM) (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--epochs", defaultValue = "600", description = "Epochs; AdamW drops its rate tenfold for the last 1/6 (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--frames-per-epoch", defaultValue = "0",
            description = "Training frames per epoch, whole batches (default: the whole training set).")
    long framesPerEpoch;

    @Option(names = "--train-frames", defaultValue = "96000",
            description = "Size of the simulated training set (default: ${DEFAULT-VALUE}, the paper's).")
    long trainFrames;

    @Option(names = "--val-frames", defaultValue = "500",
            description = "Validation frames: simulated from indices 2^40… of the data seed, or the file's last ones (default: ${DEFAULT-VALUE}).")
    int valFrames;

    @Option(names = "--batch", defaultValue = "16", description = "Frames per batch (default: ${DEFAULT-VALUE}, the paper's).")
    int batch;

    @Option(names = "--lr", description = "Learning rate: AdamW's first rate or AdamWR's maximum (default: 1e-3 or 5e-3).")
    Double learningRate;

    @Option(names = "--restart-epochs", defaultValue = "0",
            description = "AdamWR's first restart period in epochs (default: epochs/15, the paper's 40 of 600).")
    int restartEpochs;

    @Option(names = "--perceptual", paramLabel = "FILE.pt",
            description = {"TorchScript feature network for the perceptual loss (the paper: VGG-19 blocks 4–5, weight 0.1);",
                    "without it that term is off, with a notice."})
    Path perceptual;

    @Option(names = "--loss-scale", defaultValue = "amplitude", paramLabel = "amplitude|flux-factor",
            description = "Compare x·√ŝ with the ground truth (amplitude) or x·ŝ with it times √s as the authors' code (default: ${DEFAULT-VALUE}).")
    String lossScale;

    @Option(names = "--align-shift", paramLabel = "PX",
            description = {"Largest translation (px) the loss forgives when it aligns output and target (default: n/2, the",
                    "paper's). 1 makes the network put its objects in the middle of the box, where the simulator does;",
                    "with n/2 a network may drift them towards a corner and clip the large ones."})
    Integer alignShiftPx;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the initial weights and the shuffling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--data", paramLabel = "FILE", description = "Train on this file with ground truth (e.g. from 'dpr simulate') instead of simulating.")
    Path data;

    @Option(names = "--data-seed", description = "Seed of the simulated frames (default: --seed).")
    Long dataSeed;

    @Option(names = "--masks", defaultValue = "irregular,beamstop", paramLabel = "KINDS",
            description = "Mask kinds of the simulated frames (as in 'dpr simulate'; default: ${DEFAULT-VALUE}).")
    String masks;

    @Option(names = "--mix-masks", paramLabel = "KINDS:FRACTION",
            description = "Give this fraction of the frames these mask kinds instead, e.g. centre-square:0.2.")
    String mixMasks;

    @Option(names = "--flux-min", paramLabel = "PHOTONS", defaultValue = "1e6",
            description = "Least photons per frame at N = 512, scaled by (N/512)² (default: ${DEFAULT-VALUE}).")
    double fluxMinPhotons;

    @Option(names = "--flux-max", paramLabel = "PHOTONS", defaultValue = "1e7",
            description = "Most photons per frame at N = 512 (default: ${DEFAULT-VALUE}).")
    double fluxMaxPhotons;

    @Option(names = "--absolute-flux", description = "Use --flux-* and --coherence as given at this N (no scaling from N = 512).")
    boolean absoluteFlux;

    @Option(names = "--coherence", defaultValue = "200", paramLabel = "PX",
            description = "Coherence length σ_μ at N = 512 (default: ${DEFAULT-VALUE}; 'inf' for full coherence).")
    double coherenceLengthPx;

    @Option(names = "--noise", defaultValue = "poisson-gaussian", paramLabel = "KIND",
            description = "poisson-gaussian (eq. 4), poisson or none (default: ${DEFAULT-VALUE}).")
    String noise;

    @Option(names = "--emnist", paramLabel = "FILE", description = "Shapes from an EMNIST IDX file instead of procedural strokes.")
    Path emnist;

    @Option(names = "--cifar", paramLabel = "FILE", split = ",", description = "Densities from CIFAR-100 binary files instead of procedural textures.")
    List<Path> cifar;

    @Mixin
    ObjectRecipeOptions objectRecipe;

    @Option(names = "--init", paramLabel = "MODEL.json",
            description = {"Start from this model's weights instead of fresh ones (fine-tuning, e.g. on",
                    "larger beamstops), with a fresh optimiser; the network options must match it."})
    Path init;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Output folder (required for a new run; default when resuming: the checkpoint's folder).")
    Path out;

    @Option(names = "--resume", paramLabel = "CHECKPOINT", description = "Continue the run saved in this checkpoint with its own settings.")
    Path resume;

    @Option(names = "--checkpoint-minutes", defaultValue = "10",
            description = "Also checkpoint inside an epoch every this many minutes (0: per epoch only; default: ${DEFAULT-VALUE}).")
    double checkpointMinutes;

    @Option(names = "--checkpoint-iterations", defaultValue = "0",
            description = "Also checkpoint inside an epoch every this many batches (default: none).")
    int checkpointIterations;

    @Option(names = "--max-minutes", defaultValue = "0",
            description = "Stop cleanly (checkpoint + model) after this many minutes of this session (default: no limit).")
    double maxMinutes;

    @Option(names = "--threads", description = "Tensor-engine threads per operation (default: the engine's, one per core;"
            + " on a machine shared with other jobs 1 is often faster).")
    Integer threads;

    @Option(names = "--log-every", defaultValue = "10", description = "A CSV log row every this many batches (default: ${DEFAULT-VALUE}).")
    int logEvery;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (resume == null) {
            if (out == null) {
                throw new IllegalArgumentException("--out DIR is required (or --resume CHECKPOINT)");
            }
            return train(null, ownArgs(), Map.of());
        }
        Map<String, String> notes = Checkpoint.readNotes(resume);
        String stored = notes.get(NOTE_ARGS);
        if (stored == null) {
            throw new DprException("checkpoint " + resume + " does not record the options of 'dpr train': cannot resume it");
        }
        List<String> originalArgs = List.of(new Gson().fromJson(stored, String[].class));
        CommandLine original = new CommandLine(new TrainCommand());
        original.parseArgs(originalArgs.toArray(String[]::new));
        TrainCommand base = original.getCommand();
        for (OptionSpec given : spec.commandLine().getParseResult().matchedOptions()) {
            String name = given.longestName();
            if ("--resume".equals(name)) {
                continue;
            }
            OptionSpec was = original.getCommandSpec().findOption(name);
            if (CHANGEABLE_ON_RESUME.contains(name)) {
                was.setValue(given.getValue());
            } else if (!Objects.equals(was.getValue(), given.getValue())) {
                throw new IllegalArgumentException(name + " cannot change when resuming (the run was started with "
                        + (was.getValue() == null ? "none" : was.getValue()) + "); allowed: "
                        + String.join(", ", CHANGEABLE_ON_RESUME.stream().sorted().toList()));
            }
        }
        if (base.out == null || !spec.commandLine().getParseResult().hasMatchedOption("--out")) {
            base.out = resume.toAbsolutePath().getParent();
        }
        base.spec = spec;
        Map<String, String> inherited = new LinkedHashMap<>();
        notes.forEach((key, value) -> {
            if (key.startsWith(Trainer.INITIAL_WEIGHTS_NOTE)) {
                inherited.put(key, value);
            }
        });
        return base.train(resume, originalArgs, inherited);
    }

    /** This command's own arguments (after {@code train} when run from {@code dpr}; inherited options dropped). */
    private List<String> ownArgs() {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        if (spec.parent() != null) {
            int k = args.indexOf(spec.name());
            args = k < 0 ? args : args.subList(k + 1, args.size());
        }
        return args.stream().filter(a -> !"--verbose".equals(a)).toList();
    }

    /**
     * @param inherited provenance of a resumed run to keep (where its initial weights came from:
     *                  the file may have changed since)
     */
    private int train(Path checkpoint, List<String> originalArgs, Map<String, String> inherited) {
        TrainingConfig config = config();
        Path folder = out.toAbsolutePath();
        try {
            Files.createDirectories(folder);
        } catch (java.io.IOException e) {
            throw new DprException("cannot create " + out + ": " + e.getMessage(), e);
        }
        Map<String, String> notes = new LinkedHashMap<>();
        notes.put("command_line", "dpr train " + String.join(" ", originalArgs.stream()
                .map(a -> a.contains(" ") ? "'" + a + "'" : a).toList()));
        notes.put(NOTE_ARGS, new Gson().toJson(originalArgs));
        if (checkpoint != null) {
            notes.put("resumed_with", Provenance.commandLine(spec));
        }
        notes.put("dpr_version", Provenance.version());
        notes.putAll(inherited);
        PrintWriter stdout = spec.commandLine().getOut();
        if (threads != null) {
            EngineThreads.setIntraOp(threads);
        }
        try (TrainingData trainingData = data()) {
            Trainer created = Trainer.of(config, trainingData, folder, notes);
            Trainer trainer = checkpoint == null && init != null ? created.withInitialWeights(init) : created;
            Thread hook = new Thread(() -> {
                trainer.requestStop();
                try {
                    trainer.awaitFinished(Duration.ofMinutes(10));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "dpr-train-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            TrainingResult result;
            try (TrainConsole console = new TrainConsole(stdout, config.logEveryIterations())) {
                result = checkpoint == null ? trainer.train(console) : trainer.resume(checkpoint, console);
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl-C: the hook is running and waits for the trainer, which has finished
                }
            }
            stdout.printf(Locale.ROOT, "%s after %d epochs, %d frames, %.0f s: validation loss %.5g (best %.5g)%n",
                    describe(result), result.epochsCompleted(), result.framesSeen(), result.trainingSeconds(),
                    result.lastValidationLoss(), result.bestValidationLoss());
            stdout.printf(Locale.ROOT, "model %s%s; resume with: dpr train --resume %s%n", result.model(),
                    result.bestModel() == null ? "" : ", best " + result.bestModel(), result.checkpoint());
            stdout.flush();
        }
        return 0;
    }

    private static String describe(TrainingResult result) {
        return switch (result.stopReason()) {
            case COMPLETED -> "finished";
            case TIME_BUDGET -> "stopped at the time budget";
            case STOP_REQUESTED -> "stopped on request";
        };
    }

    /** The training settings these options describe. */
    TrainingConfig config() {
        DprPreset p = DprPreset.fromId(preset);
        DprConfig network = DprConfig.of(p).withEncoder(enumOption(EncoderKind.class, encoder, "--encoder"))
                .withDecoder(enumOption(DecoderKind.class, decoder, "--decoder"));
        if (windowPx != null) {
            network = network.withWindowPx(windowPx);
        }
        if (ngf != null) {
            network = network.withNgf(ngf).withMaxChannels(Math.max(network.maxChannels(), 16 * ngf));
        }
        TrainingConfig config = TrainingConfig.withDefaults().withNetwork(network)
                .withOptimizer(OptimizerKind.parse(optimizer)).withEpochs(epochs).withFramesPerEpoch(framesPerEpoch)
                .withBatchSize(batch).withRestartPeriodEpochs(restartEpochs).withLossScale(LossScale.parse(lossScale))
                .withSeed(seed).withCheckpointInterval(minutes(checkpointMinutes, "--checkpoint-minutes"))
                .withCheckpointEveryIterations(checkpointIterations).withLogEveryIterations(logEvery)
                .withMaxDuration(minutes(maxMinutes, "--max-minutes"));
        if (learningRate != null) {
            config = config.withLearningRate(learningRate);
        }
        if (alignShiftPx != null) {
            if (alignShiftPx < 0) {
                throw new IllegalArgumentException("--align-shift must be ≥ 0 px, got " + alignShiftPx);
            }
            config = config.withLoss(config.loss().withMaxShiftPx(alignShiftPx));
        }
        if (perceptual != null) {
            config = config.withLoss(config.loss().withFeatureExtractor(
                    org.dpr.train.TorchScriptFeatureExtractor.load(perceptual, ai.djl.engine.Engine.getInstance().defaultDevice())));
        }
        if (valFrames < 1) {
            throw new IllegalArgumentException("--val-frames must be at least 1, got " + valFrames);
        }
        return config;
    }

    /** The data these options describe: the file, or the simulator with the mask mixture. */
    TrainingData data() {
        Geometry geometry = config().network().geometry();
        if (data != null) {
            FileData file = FileData.open(data, valFrames);
            if (!file.geometry().equals(geometry)) {
                file.close();
                throw new DprException(data + " holds N " + file.geometry().windowPx() + " frames but the network is for N "
                        + geometry.windowPx() + " (use --window or --preset)");
            }
            return file;
        }
        SimulationConfig sim = SimulationConfig.withDefaults().withGeometry(geometry)
                .withSeed(dataSeed == null ? seed : dataSeed)
                .withFluxPhotons(fluxMinPhotons, fluxMaxPhotons)
                .withCoherenceLengthPx(coherenceLengthPx)
                .withNoise(noise(noise))
                .withMasks(recipe(masks));
        if (absoluteFlux) {
            sim = sim.withScaling(WindowScaling.ABSOLUTE);
        }
        if (emnist != null) {
            sim = sim.withShapes(EmnistShapes.read(emnist));
        }
        if (cifar != null && !cifar.isEmpty()) {
            sim = sim.withDensities(CifarDensities.read(cifar.toArray(Path[]::new)));
        }
        sim = objectRecipe.apply(sim);
        SimulatedData simulated = SimulatedData.of(sim, trainFrames, valFrames);
        if (mixMasks != null) {
            int colon = mixMasks.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("--mix-masks needs KINDS:FRACTION, e.g. centre-square:0.2, got " + mixMasks);
            }
            double fraction;
            try {
                fraction = Double.parseDouble(mixMasks.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--mix-masks fraction is not a number: " + mixMasks);
            }
            simulated = simulated.withAlternateMasks(objectRecipe.apply(recipe(mixMasks.substring(0, colon))), fraction);
        }
        return simulated;
    }

    private static MaskRecipe recipe(String kinds) {
        return "none".equalsIgnoreCase(kinds.strip()) ? MaskRecipe.none() : MaskRecipe.parse(kinds);
    }

    private static Noise noise(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "poisson-gaussian" -> Noise.POISSON_GAUSSIAN;
            case "poisson" -> Noise.POISSON;
            case "none" -> Noise.NONE;
            default -> throw new IllegalArgumentException("unknown --noise '" + text + "': use poisson-gaussian, poisson or none");
        };
    }

    private static Duration minutes(double value, String option) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(option + " must be a finite number ≥ 0, got " + value);
        }
        return Duration.ofMillis(Math.round(value * 60_000));
    }

    private static <E extends Enum<E>> E enumOption(Class<E> type, String text, String option) {
        String wanted = text.strip().replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(wanted)) {
                return e;
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        throw new IllegalArgumentException("unknown " + option + " '" + text + "': use " + String.join(", ", names));
    }

    /**
     * Training progress on the terminal: a progress bar per epoch (frames, frames/s, loss, learning
     * rate) when there is a console, a line every few batches otherwise (a log file); one line per
     * epoch with the losses on standard output.
     */
    static final class TrainConsole implements TrainingListener, AutoCloseable {
        private final PrintWriter out;
        private final int logEvery;
        private final boolean interactive = System.console() != null;
        private TrainingPlan plan;
        private ProgressBar bar;

        TrainConsole(PrintWriter out, int logEvery) {
            this.out = out;
            this.logEvery = logEvery;
        }

        @Override
        public void started(TrainingPlan p) {
            plan = p;
            out.printf(Locale.ROOT, "%s: %d epochs of %d batches of %d frames (training set %d, validation %d)%s%n",
                    p.resumed() ? "resuming" : "training", p.epochs(), p.iterationsPerEpoch(), p.batchSize(),
                    p.trainingFrames(), p.validationFrames(), p.resumed()
                            ? String.format(Locale.ROOT, " at epoch %d, batch %d (%d frames seen)", p.startEpoch() + 1,
                                    p.startIteration(), p.framesBefore()) : "");
            out.flush();
        }

        @Override
        public void stepped(StepReport r) {
            String state = String.format(Locale.ROOT, "loss %.4g lr %.2g %.1f frames/s", r.loss(), r.learningRate(),
                    r.framesPerSecond());
            if (interactive) {
                if (bar == null) {
                    bar = Progress.bar(String.format(Locale.ROOT, "epoch %d/%d", r.epoch() + 1, plan.epochs()),
                            (long) r.iterationsPerEpoch() * plan.batchSize(), "frames");
                }
                bar.stepTo((long) r.iteration() * plan.batchSize());
                bar.setExtraMessage(" " + state);
            } else if (r.iteration() % logEvery == 0 || r.iteration() == r.iterationsPerEpoch()) {
                System.err.printf(Locale.ROOT, "epoch %d/%d batch %d/%d, %d frames seen: %s%n", r.epoch() + 1,
                        plan.epochs(), r.iteration(), r.iterationsPerEpoch(), r.framesSeen(), state);
            }
        }

        @Override
        public void validated(EpochReport r) {
            closeBar();
            out.printf(Locale.ROOT, "epoch %d/%d: training loss %.5g, validation loss %.5g%s (%d frames, %.0f s)%n",
                    r.epoch() + 1, plan.epochs(), r.trainLoss(), r.validationLoss(), r.best() ? " (best)" : "",
                    r.framesSeen(), r.trainingSeconds());
            out.flush();
        }

        @Override
        public void checkpointed(Path file, long framesSeen) {
            if (!interactive) {
                System.err.printf(Locale.ROOT, "checkpoint %s (%d frames seen)%n", file, framesSeen);
            }
        }

        @Override
        public void notice(String text) {
            System.err.println("dpr: " + text);
        }

        private void closeBar() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }

        @Override
        public void close() {
            closeBar();
        }
    }
}
