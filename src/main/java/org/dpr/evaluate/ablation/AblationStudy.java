package org.dpr.evaluate.ablation;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.dpr.DprException;
import org.dpr.evaluate.Evaluation;
import org.dpr.evaluate.EvaluationListener;
import org.dpr.evaluate.EvaluationResult;
import org.dpr.io.FrameSource;
import org.dpr.io.FrameSources;
import org.dpr.nn.DprConfig;
import org.dpr.nn.DprModel;
import org.dpr.pipeline.DprMethod;
import org.dpr.simulate.SimulationConfig;
import org.dpr.simulate.SimulationWriter;
import org.dpr.simulate.Simulator;
import org.dpr.train.SimulatedData;
import org.dpr.train.Trainer;
import org.dpr.train.TrainingConfig;
import org.dpr.train.TrainingData;
import org.dpr.train.TrainingListener;
import org.dpr.train.TrainingResult;

/**
 * The ablation of paper Fig. 1c–d and the training-set-size study of Fig. 2a: every variant
 * ({@link AblationVariant}) is trained by the project's {@link Trainer} on the same simulated data
 * under the same budget of training frames, then all are evaluated with {@link Evaluation} on one
 * held-out simulated test set (the simulator's seed + 1), the Mann–Whitney tests against WPC+D.
 * The size study trains the reference variant on training sets of increasing size, each with the
 * same budget of frames seen (so a small set is visited more often), and evaluates each the same way.
 *
 * <p>Each run trains into {@code out/runs/LABEL} (checkpoint, training-log.csv, model.json); the
 * test set is written to {@code out/data/test.cxi}. Immutable: each {@code with…} returns a new study.
 */
public final class AblationStudy {
    private final TrainingConfig training;
    private final SimulationConfig simulation;
    private final long budgetFrames;
    private final long trainingFrames;
    private final int validationFrames;
    private final int testFrames;
    private final List<AblationVariant> variants;
    private final List<Long> sizes;

    private AblationStudy(TrainingConfig training, SimulationConfig simulation, long budgetFrames, long trainingFrames,
                          int validationFrames,
                          int testFrames, List<AblationVariant> variants, List<Long> sizes) {
        this.training = training;
        this.simulation = simulation;
        this.budgetFrames = budgetFrames;
        this.trainingFrames = trainingFrames;
        this.validationFrames = validationFrames;
        this.testFrames = testFrames;
        this.variants = variants;
        this.sizes = sizes;
    }

    /**
     * The training settings (network, batch, epochs, seed; the encoder and decoder are replaced per
     * variant), the simulator of the training data, and 4800 frames per variant, 64 validation and
     * 64 test frames, all six variants, no size study.
     */
    public static AblationStudy of(TrainingConfig training, SimulationConfig simulation) {
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(simulation, "simulation");
        if (!training.network().geometry().equals(simulation.geometry())) {
            throw new IllegalArgumentException("the network's geometry " + training.network().geometry()
                    + " differs from the simulator's " + simulation.geometry());
        }
        return new AblationStudy(training, simulation, 4800, 4800, 64, 64, AblationVariant.all(), List.of());
    }

    /** Training frames each variant sees (≥ one batch per epoch), spread over the training config's epochs. */
    public AblationStudy withBudgetFrames(long frames) {
        if (frames / training.epochs() < training.batchSize()) {
            throw new IllegalArgumentException("a budget of " + frames + " frames over " + training.epochs()
                    + " epochs holds no whole batch of " + training.batchSize() + " per epoch");
        }
        return new AblationStudy(training, simulation, frames, trainingFrames, validationFrames, testFrames, variants, sizes);
    }

    /** Training-set size of the ablation's runs (≥ one batch; default 4800). */
    public AblationStudy withTrainingFrames(long frames) {
        if (frames < training.batchSize()) {
            throw new IllegalArgumentException("a training set of " + frames + " frames holds no batch of "
                    + training.batchSize());
        }
        return new AblationStudy(training, simulation, budgetFrames, frames, validationFrames, testFrames, variants, sizes);
    }

    public AblationStudy withValidationFrames(int frames) {
        if (frames < 1) {
            throw new IllegalArgumentException("validation frames must be ≥ 1, got " + frames);
        }
        return new AblationStudy(training, simulation, budgetFrames, trainingFrames, frames, testFrames, variants, sizes);
    }

    public AblationStudy withTestFrames(int frames) {
        if (frames < 1) {
            throw new IllegalArgumentException("test frames must be ≥ 1, got " + frames);
        }
        return new AblationStudy(training, simulation, budgetFrames, trainingFrames, validationFrames, frames, variants, sizes);
    }

    /** The variants to train (at least one); WPC+D is the tests' reference when listed, else the first. */
    public AblationStudy withVariants(List<AblationVariant> newVariants) {
        if (newVariants.isEmpty() || newVariants.stream().distinct().count() != newVariants.size()) {
            throw new IllegalArgumentException("variants must be non-empty and distinct, got " + newVariants);
        }
        return new AblationStudy(training, simulation, budgetFrames, trainingFrames, validationFrames, testFrames,
                List.copyOf(newVariants), sizes);
    }

    /** Training-set sizes of the size study (each ≥ one batch, increasing); empty: no size study. */
    public AblationStudy withSizes(List<Long> newSizes) {
        for (int k = 0; k < newSizes.size(); k++) {
            if (newSizes.get(k) < training.batchSize() || k > 0 && newSizes.get(k) <= newSizes.get(k - 1)) {
                throw new IllegalArgumentException("sizes must increase and each hold a batch of "
                        + training.batchSize() + ", got " + newSizes);
            }
        }
        return new AblationStudy(training, simulation, budgetFrames, trainingFrames, validationFrames, testFrames, variants,
                List.copyOf(newSizes));
    }

    public List<AblationVariant> variants() {
        return variants;
    }

    public List<Long> sizes() {
        return sizes;
    }

    public long budgetFrames() {
        return budgetFrames;
    }

    /** The variant the others are tested against: WPC+D if listed, else the first. */
    public AblationVariant reference() {
        return variants.contains(AblationVariant.REFERENCE) ? AblationVariant.REFERENCE : variants.get(0);
    }

    /** One trained run: its label, training folder and outcome. */
    public record Run(String label, Path folder, TrainingResult training, ValidationCurve curve) {
    }

    /**
     * What the study produced.
     *
     * @param runs       the ablation's runs, in variant order
     * @param evaluation their evaluation on the test set (reference WPC+D)
     * @param sizeRuns   the size study's runs, by size (empty without one)
     * @param sizeStudy  their evaluation (null without a size study)
     * @param settings   the settings to record
     */
    public record Result(List<Run> runs, EvaluationResult evaluation, Map<Long, Run> sizeRuns,
                         EvaluationResult sizeStudy, Map<String, String> settings) {
    }

    /**
     * Trains every run into {@code out/runs}, writes the test set and evaluates. Progress lines go
     * to {@code log}.
     */
    public Result run(Path out, Map<String, String> notes, PrintWriter log) {
        Path runs = out.resolve("runs");
        Path testFile = out.resolve("data").resolve("test.cxi");
        try {
            Files.createDirectories(runs);
            Files.createDirectories(testFile.getParent());
        } catch (IOException e) {
            throw new DprException("cannot create folders in " + out + ": " + e.getMessage(), e);
        }
        Simulator test = Simulator.of(simulation.withSeed(simulation.seed() + 1));
        SimulationWriter.write(test, testFile, 0, testFrames, 1, notes, n -> { });
        List<Run> done = new ArrayList<>();
        for (AblationVariant v : variants) {
            DprConfig network = training.network().withEncoder(v.encoder()).withDecoder(v.decoder());
            done.add(train(v.label(), network, trainingFrames, runs.resolve(v.folderName()), notes, log));
        }
        Map<Long, Run> sized = new LinkedHashMap<>();
        AblationVariant ref = reference();
        DprConfig refNetwork = training.network().withEncoder(ref.encoder()).withDecoder(ref.decoder());
        for (long size : sizes) {
            sized.put(size, train(sizeLabel(ref, size), refNetwork, size, runs.resolve(ref.folderName() + "-n" + size),
                    notes, log));
        }
        Map<String, String> settings = settings(notes);
        EvaluationResult evaluation;
        EvaluationResult sizeStudy = null;
        try (FrameSource source = FrameSources.open(testFile)) {
            evaluation = evaluate(done, ref.label(), "dpr ablation — encoder and decoder variants", settings, source, log);
            if (!sized.isEmpty()) {
                List<Run> list = List.copyOf(sized.values());
                sizeStudy = evaluate(list, list.get(list.size() - 1).label(), "dpr ablation — training-set size",
                        settings, source, log);
            }
        }
        return new Result(List.copyOf(done), evaluation, sized, sizeStudy, settings);
    }

    /** The label of a size-study run, e.g. "WPC+D n=1200". */
    public static String sizeLabel(AblationVariant variant, long size) {
        return variant.label() + " n=" + size;
    }

    private Run train(String label, DprConfig network, long trainingSetFrames, Path folder, Map<String, String> notes,
                      PrintWriter log) {
        long perEpoch = budgetFrames / training.epochs();
        TrainingConfig config = training.withNetwork(network).withFramesPerEpoch(perEpoch);
        log.printf(Locale.ROOT, "training %s: %d frames in %d epochs, training set %d%n", label,
                perEpoch / training.batchSize() * training.batchSize() * training.epochs(), training.epochs(),
                trainingSetFrames);
        log.flush();
        Map<String, String> runNotes = new LinkedHashMap<>(notes);
        runNotes.put("ablation_variant", label);
        TrainingResult result;
        try (TrainingData data = SimulatedData.of(simulation, trainingSetFrames, validationFrames)) {
            result = Trainer.of(config, data, folder, runNotes).train(TrainingListener.none());
        }
        log.printf(Locale.ROOT, "  %s: validation loss %.5g after %d frames%n", label, result.lastValidationLoss(),
                result.framesSeen());
        log.flush();
        return new Run(label, folder, result, ValidationCurve.read(label, folder));
    }

    private EvaluationResult evaluate(List<Run> runs, String reference, String title, Map<String, String> settings,
                                      FrameSource source, PrintWriter log) {
        List<DprModel> models = new ArrayList<>();
        try {
            Evaluation evaluation = Evaluation.withDefaults().withTitle(title).withSettings(settings)
                    .withShownFrames(List.of(0L, 1L, 2L).subList(0, Math.min(3, source.frameCount())));
            for (Run run : runs) {
                DprModel model = DprModel.load(run.training().model(), simulation.geometry());
                models.add(model);
                evaluation = evaluation.withMethod(run.label(),
                        DprMethod.of(model, run.training().model().toString(), DprMethod.Mode.DPR));
            }
            log.println("evaluating " + String.join(", ", evaluation.labels()) + " on " + source.frameCount()
                    + " test frames");
            log.flush();
            return evaluation.withReference(reference).run(source, EvaluationListener.silent());
        } finally {
            models.forEach(DprModel::close);
        }
    }

    private Map<String, String> settings(Map<String, String> notes) {
        Map<String, String> s = new LinkedHashMap<>(notes);
        s.put("network", training.network().describe() + " (encoder and decoder per variant)");
        s.put("training", String.format(Locale.ROOT, "%d frames per run in %d epochs, batch %d, %s, seed %d",
                budgetFrames, training.epochs(), training.batchSize(), training.optimizer(), training.seed()));
        s.put("training set", trainingFrames + " frames");
        s.put("training data", "simulated, seed " + simulation.seed() + ", " + validationFrames + " validation frames");
        s.put("test set", testFrames + " simulated frames, seed " + (simulation.seed() + 1));
        if (!sizes.isEmpty()) {
            s.put("size study", reference().label() + " on training sets of " + sizes + " frames, each run "
                    + budgetFrames + " frames");
        }
        return s;
    }
}
