package org.dpr.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dpr.DprException;
import org.dpr.nn.DprModel;
import org.dpr.nn.ModelDescriptor;
import org.dpr.nn.ModelFileException;

/**
 * Trains a DPR network (paper §4.3; DESIGN.md "Training"): batches from a {@link TrainingData} in
 * shuffled passes ({@link FrameOrder}), made on a background thread ({@link BatchPrefetcher}); one
 * {@link TrainingStep} per batch (AdamW or AdamWR + ASAM, global-norm clipping) on the loss of
 * {@link TrainingConfig#loss()} between the scaled output and the ground truth ({@link LossScale});
 * the validation loss at the end of every epoch in inference mode (BatchNorm running statistics, no
 * autograd).
 *
 * <p>Files in the output folder:
 * <ul>
 *   <li>{@value #CHECKPOINT_FILE}: weights, optimiser state, schedule position, the shuffling
 *       generator and the run's notes ({@link Checkpoint}), written at the end of every epoch, every
 *       {@link TrainingConfig#checkpointInterval()} and {@link TrainingConfig#checkpointEveryIterations()}
 *       inside an epoch, and when the session stops (budget or {@link #requestStop()}); the one before
 *       is kept as {@value #PREVIOUS_CHECKPOINT_FILE};</li>
 *   <li>{@value #MODEL_FILE} (+ .params): the latest weights, after every epoch and at the end;
 *       {@value #BEST_MODEL_FILE}: the weights of the lowest validation loss; both with their
 *       provenance (notes such as the command line, seed, data recipe, training settings, epochs,
 *       frames seen, validation loss, date);</li>
 *   <li>{@code training-log.csv} and {@code loss-curve.png} ({@link TrainingLog}).</li>
 * </ul>
 *
 * <p>A resumed session ({@link #resume}) continues exactly where the checkpoint left off: the same
 * frames in the same order, the same learning rates, and — on the same device and thread count —
 * bit-identical weights to a run that never stopped. Every batch runs in its own {@link NDManager}
 * scope, so memory does not grow with the number of batches. A trainer runs once.
 */
public final class Trainer {
    /** The latest checkpoint. */
    public static final String CHECKPOINT_FILE = "checkpoint.dpr";
    /** The checkpoint before the latest. */
    public static final String PREVIOUS_CHECKPOINT_FILE = "checkpoint.previous.dpr";
    /** The latest model's descriptor. */
    public static final String MODEL_FILE = "model.json";
    /** The best model's descriptor. */
    public static final String BEST_MODEL_FILE = "best.json";
    /** Prefix of the provenance keys {@link #withInitialWeights} records (kept when a run is resumed). */
    public static final String INITIAL_WEIGHTS_NOTE = "initial_weights";

    private static final int PREFETCH_BATCHES = 3;
    private static final String NOTE_BATCH = "batch_size";
    private static final String NOTE_ITERATIONS = "iterations_per_epoch";
    private static final String NOTE_SET = "training_set_size";
    private static final String NOTE_SECONDS = "training_seconds";
    private static final String NOTE_FRAMES = "frames_seen";

    private final TrainingConfig config;
    private final TrainingData data;
    private final Path outputDir;
    private final Map<String, String> notes;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Path initialWeights;
    private volatile DprModel running;

    private Trainer(TrainingConfig config, TrainingData data, Path outputDir, Map<String, String> notes,
                    Path initialWeights) {
        this.config = config;
        this.data = data;
        this.outputDir = outputDir;
        this.notes = notes;
        this.initialWeights = initialWeights;
    }

    /**
     * A trainer of {@code config} on {@code data} writing into {@code outputDir}.
     *
     * @param notes free-form provenance kept in checkpoints and model files (e.g. {@code command_line},
     *              {@code dpr_version})
     * @throws IllegalArgumentException if the network's geometry is not the data's
     */
    public static Trainer of(TrainingConfig config, TrainingData data, Path outputDir, Map<String, String> notes) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(outputDir, "outputDir");
        if (!config.network().geometry().equals(data.geometry())) {
            throw new IllegalArgumentException("the network is for N " + config.network().geometry().windowPx()
                    + " but the data are N " + data.geometry().windowPx());
        }
        config.iterationsPerEpoch(data.trainingFrames());
        return new Trainer(config, data, outputDir, Map.copyOf(notes), null);
    }

    /**
     * A trainer that starts {@link #train} from the weights of a trained model instead of fresh ones
     * (fine-tuning, e.g. on a new mask or object recipe), with a fresh optimiser and schedule. The
     * model must be of the configuration's network. Its descriptor's weight digest and training
     * command are recorded in the new run's provenance, so the chain of runs can be reproduced.
     * A resumed run continues from its checkpoint and ignores this.
     *
     * @throws org.dpr.nn.ModelFileException if the descriptor is unreadable or not a model file
     */
    public Trainer withInitialWeights(Path modelDescriptor) {
        Objects.requireNonNull(modelDescriptor, "modelDescriptor");
        Map<String, String> withOrigin = new LinkedHashMap<>(notes);
        String source = "model file " + modelDescriptor;
        try {
            ModelDescriptor d = ModelDescriptor.fromJson(Files.readString(modelDescriptor), source);
            withOrigin.put(INITIAL_WEIGHTS_NOTE, modelDescriptor.toString());
            withOrigin.put(INITIAL_WEIGHTS_NOTE + "_sha256", d.weightsSha256());
            withOrigin.put(INITIAL_WEIGHTS_NOTE + "_command_line", d.provenance().getOrDefault("command_line", "unknown"));
            withOrigin.put(INITIAL_WEIGHTS_NOTE + "_frames_seen", d.provenance().getOrDefault(NOTE_FRAMES, "unknown"));
        } catch (java.io.IOException e) {
            throw new ModelFileException("cannot read " + source + ": " + e.getMessage(), e);
        }
        return new Trainer(config, data, outputDir, Map.copyOf(withOrigin), modelDescriptor);
    }

    /**
     * Trains from freshly initialised weights (seeded by the configuration's seed).
     *
     * @throws DprException if the output folder already holds a run's checkpoint (resume it instead)
     */
    public TrainingResult train(TrainingListener listener) {
        Path existing = outputDir.resolve(CHECKPOINT_FILE);
        if (Files.exists(existing)) {
            throw new DprException(outputDir + " already holds a training run (" + CHECKPOINT_FILE
                    + "): resume it, or choose another output folder");
        }
        return execute(null, listener);
    }

    /**
     * Continues the run saved in {@code checkpoint} (written by a trainer of the same network, batch
     * size, epoch length and training set).
     *
     * @throws CheckpointException if the file is unreadable, corrupt or from another run's settings
     */
    public TrainingResult resume(Path checkpoint, TrainingListener listener) {
        return execute(Objects.requireNonNull(checkpoint, "checkpoint"), listener);
    }

    /**
     * Asks the training loop to stop after the current batch: it writes a checkpoint and the model
     * and returns {@link StopReason#STOP_REQUESTED}. Safe from any thread (e.g. a shutdown hook).
     */
    public void requestStop() {
        stopRequested.set(true);
    }

    /** Waits until the session has ended (or never started); true if it did within {@code timeout}. */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return !started.get() || finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Live NDArrays on the running model's manager and its scopes (for memory checks); −1 when not running. */
    int liveArrays() {
        DprModel m = running;
        return m == null ? -1 : m.manager().getManagedArrays().size();
    }

    private TrainingResult execute(Path resumeFrom, TrainingListener listener) {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a trainer runs once; make a new one");
        }
        try {
            Engine.getInstance().setRandomSeed((int) config.seed());
            try (DprModel model = resumeFrom == null && initialWeights != null ? initialModel()
                    : DprModel.create(config.network());
                    OptimizerState state = OptimizerState.create(model.manager())) {
                running = model;
                return new Session(model, state, listener).run(resumeFrom);
            } finally {
                running = null;
            }
        } finally {
            finished.countDown();
        }
    }

    private DprModel initialModel() {
        DprModel model = DprModel.load(initialWeights, config.network().geometry());
        if (!model.config().equals(config.network())) {
            String found = model.config().describe();
            model.close();
            throw new DprException(initialWeights + " is a " + found + " network but this run trains a "
                    + config.network().describe() + ": train the model's own network to start from its weights");
        }
        return model;
    }

    /** The mutable state of one session. */
    private final class Session {
        private final DprModel model;
        private final OptimizerState state;
        private final TrainingListener listener;
        private final TrainingStep step = config.trainingStep();
        private final int batch = config.batchSize();
        private final long setSize = data.trainingFrames();
        private final int perEpoch = config.iterationsPerEpoch(setSize);
        private final long sessionStart = System.nanoTime();
        private long seed = config.seed();
        private double secondsBefore;
        private double best = Double.POSITIVE_INFINITY;
        private double lastValidation = Double.NaN;
        private long lastCheckpoint = System.nanoTime();
        private int rowsCharted = -1;
        private OptionalDouble objectExtentPx;
        private TrainingLog log;
        private FrameOrder order;

        Session(DprModel model, OptimizerState state, TrainingListener listener) {
            this.model = model;
            this.state = state;
            this.listener = listener == null ? TrainingListener.none() : listener;
        }

        TrainingResult run(Path resumeFrom) {
            TrainingProgress progress;
            if (resumeFrom != null) {
                Checkpoint.Restored restored = Checkpoint.restore(resumeFrom, model.network(), state);
                checkSameRun(resumeFrom, restored.notes());
                progress = restored.progress();
                seed = progress.seed();
                best = progress.bestValidationLoss();
                secondsBefore = Double.parseDouble(restored.notes().getOrDefault(NOTE_SECONDS, "0"));
                long position = position(progress.epoch(), progress.iteration());
                order = FrameOrder.resume(setSize, restored.rng(), position);
                log = TrainingLog.resume(outputDir, position);
                lastValidation = lastValidationIn(log);
            } else {
                progress = TrainingProgress.start(seed);
                order = FrameOrder.start(setSize, new Random(seed));
                log = TrainingLog.create(outputDir);
            }
            listener.started(new TrainingPlan(progress.epoch(), progress.iteration(), config.epochs(), perEpoch, batch,
                    setSize, data.validationFrames(), resumeFrom != null));
            ValidationSet validation = ValidationSet.load(data, batch, config.lossScale());
            StopReason reason = loop(progress.epoch(), progress.iteration(), validation);
            return finish(reason);
        }

        private StopReason loop(int firstEpoch, int firstIteration, ValidationSet validation) {
            int epoch = firstEpoch;
            int iteration = firstIteration;
            SpeedMeter speed = new SpeedMeter(batch);
            try (BatchPrefetcher batches = new BatchPrefetcher(data, order, batch, config.lossScale(),
                    position(epoch, iteration), PREFETCH_BATCHES)) {
                while (epoch < config.epochs()) {
                    double epochLoss = 0;
                    int epochBatches = 0;
                    double windowLoss = 0;
                    int windowBatches = 0;
                    int windowSteps = 0;
                    long windowStart = System.nanoTime();
                    while (iteration < perEpoch) {
                        StopReason stop = stopReason();
                        if (stop != null) {
                            checkpoint(epoch, iteration);
                            return stop;
                        }
                        HostBatch host = batches.next();
                        StepResult result = trainBatch(host, epoch, iteration);
                        iteration++;
                        windowSteps++;
                        double fps = speed.tick();
                        order.release(position(epoch, iteration));
                        if (result.outcome() == StepOutcome.UPDATED) {
                            windowLoss += result.loss();
                            windowBatches++;
                            epochLoss += result.loss();
                            epochBatches++;
                        } else {
                            listener.notice(String.format(Locale.ROOT,
                                    "epoch %d batch %d skipped: loss or gradient not finite", epoch + 1, iteration));
                        }
                        long seen = position(epoch, iteration);
                        listener.stepped(new StepReport(epoch, iteration, perEpoch, seen, result.loss(),
                                result.learningRate(), fps, result.outcome()));
                        if (iteration % config.logEveryIterations() == 0 || iteration == perEpoch) {
                            log.add(new TrainingLog.Row("train", epoch + 1, iteration, seen,
                                    windowBatches == 0 ? Double.NaN : windowLoss / windowBatches, Double.NaN,
                                    result.learningRate(), seconds(),
                                    framesPerSecond((long) windowSteps * batch, windowStart)));
                            windowLoss = 0;
                            windowBatches = 0;
                            windowSteps = 0;
                            windowStart = System.nanoTime();
                        }
                        if (iteration < perEpoch && checkpointDue(iteration)) {
                            checkpoint(epoch, iteration);
                        }
                    }
                    long validationStart = System.nanoTime();
                    lastValidation = validate(validation);
                    boolean improved = lastValidation < best;
                    if (improved) {
                        best = lastValidation;
                    }
                    epoch++;
                    iteration = 0;
                    long seen = position(epoch, 0);
                    double trainLoss = epochBatches == 0 ? Double.NaN : epochLoss / epochBatches;
                    log.add(new TrainingLog.Row("validation", epoch, perEpoch, seen, trainLoss, lastValidation,
                            step.schedule().rate(epoch - 1, perEpoch - 1, perEpoch), seconds(),
                            framesPerSecond(validation.frames(), validationStart)));
                    drawLossCurve();
                    if (improved) {
                        saveModel(outputDir.resolve(BEST_MODEL_FILE), epoch, seen, "best validation loss", best);
                    }
                    saveModel(outputDir.resolve(MODEL_FILE), epoch, seen, "latest", lastValidation);
                    checkpoint(epoch, 0);
                    listener.validated(new EpochReport(epoch - 1, trainLoss, lastValidation, improved, seen, seconds()));
                }
            }
            return StopReason.COMPLETED;
        }

        private StepResult trainBatch(HostBatch host, int epoch, int iteration) {
            try (NDManager scope = model.manager().newSubManager()) {
                NDArray[] arrays = host.toArrays(scope);
                return step.run(model.network(), state,
                        () -> config.loss().compute(scaledOutput(arrays, true), arrays[2]).total(),
                        epoch, iteration, perEpoch);
            }
        }

        /** x·√ŝ or x·ŝ ({@link LossScale}) for a batch's (intensity, mask). */
        private NDArray scaledOutput(NDArray[] arrays, boolean training) {
            NDList out = model.forward(arrays[0], arrays[1], training);
            NDArray x = out.get(0);
            NDArray scale = out.get(1);
            return config.lossScale() == LossScale.AMPLITUDE ? x.mul(scale.sqrt()) : x.mul(scale);
        }

        /** Mean loss per validation frame, in inference mode without autograd. */
        private double validate(ValidationSet validation) {
            double sum = 0;
            for (HostBatch host : validation.batches()) {
                try (NDManager scope = model.manager().newSubManager(); NoGrad ignored = NoGrad.enter()) {
                    NDArray[] arrays = host.toArrays(scope);
                    NDArray total = config.loss().compute(scaledOutput(arrays, false), arrays[2]).total();
                    sum += total.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble() * host.size();
                }
            }
            return sum / validation.frames();
        }

        private StopReason stopReason() {
            if (stopRequested.get()) {
                return StopReason.STOP_REQUESTED;
            }
            Duration budget = config.maxDuration();
            if (!budget.isZero() && System.nanoTime() - sessionStart >= budget.toNanos()) {
                return StopReason.TIME_BUDGET;
            }
            return null;
        }

        private boolean checkpointDue(int iteration) {
            int every = config.checkpointEveryIterations();
            Duration interval = config.checkpointInterval();
            return (every > 0 && iteration % every == 0)
                    || (!interval.isZero() && System.nanoTime() - lastCheckpoint >= interval.toNanos());
        }

        private void checkpoint(int epoch, int iteration) {
            Path file = outputDir.resolve(CHECKPOINT_FILE);
            long position = position(epoch, iteration);
            Map<String, String> all = new LinkedHashMap<>(runNotes(position));
            all.put(NOTE_BATCH, Integer.toString(batch));
            all.put(NOTE_ITERATIONS, Integer.toString(perEpoch));
            all.put(NOTE_SET, Long.toString(setSize));
            try {
                if (Files.exists(file)) {
                    Files.copy(file, outputDir.resolve(PREVIOUS_CHECKPOINT_FILE), StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new CheckpointException("cannot keep the previous checkpoint: " + e.getMessage(), e);
            }
            Checkpoint.save(file, model.network(), state, new TrainingProgress(epoch, iteration, best, seed),
                    order.stateAt(position), all);
            lastCheckpoint = System.nanoTime();
            listener.checkpointed(file, position);
        }

        /** Redraws loss-curve.png when rows were added since it was last drawn (or tried). */
        private void drawLossCurve() {
            int rows = log.rows().size();
            if (rows == rowsCharted) {
                return;
            }
            rowsCharted = rows;
            String failure = log.writeChart();
            if (failure != null) {
                listener.notice("loss curve not redrawn (training-log.csv has the numbers): " + failure);
            }
        }

        private TrainingResult finish(StopReason reason) {
            TrainingProgress progress = Checkpoint.readProgress(outputDir.resolve(CHECKPOINT_FILE));
            long seen = position(progress.epoch(), progress.iteration());
            Path modelFile = outputDir.resolve(MODEL_FILE);
            // weights saved inside an epoch have not been validated: no validation loss is claimed for them
            double validated = progress.iteration() == 0 ? lastValidation : Double.NaN;
            saveModel(modelFile, progress.epoch(), seen, reason == StopReason.COMPLETED ? "final" : "latest", validated);
            drawLossCurve();
            Path bestFile = outputDir.resolve(BEST_MODEL_FILE);
            return new TrainingResult(reason, progress.epoch(), seen, lastValidation, best, seconds(), modelFile,
                    Files.exists(bestFile) ? bestFile : null, outputDir.resolve(CHECKPOINT_FILE));
        }

        private void saveModel(Path descriptor, int epochsCompleted, long seen, String which, double validationLoss) {
            Map<String, String> provenance = new LinkedHashMap<>(runNotes(seen));
            provenance.put("model", which);
            provenance.put("epochs_completed", Integer.toString(epochsCompleted));
            provenance.put("validation_loss", Double.isNaN(validationLoss) ? "not validated (saved inside an epoch)"
                    : Double.toString(validationLoss));
            model.save(descriptor, provenance);
        }

        /** Provenance shared by checkpoints and model files. */
        private Map<String, String> runNotes(long seen) {
            Map<String, String> out = new LinkedHashMap<>(notes);
            out.putIfAbsent("dpr_version", versionOrUnknown());
            out.put("seed", Long.toString(seed));
            out.put("data_recipe", data.description());
            if (objectExtentPx == null) {
                objectExtentPx = data.objectExtentPx();
            }
            objectExtentPx.ifPresent(px -> out.put(ModelDescriptor.OBJECT_EXTENT_KEY,
                    String.format(Locale.ROOT, "%.2f", px)));
            out.put("training", config.toString());
            out.put("epochs_planned", Integer.toString(config.epochs()));
            out.put(NOTE_FRAMES, Long.toString(seen));
            out.put("validation_frames", Integer.toString(data.validationFrames()));
            out.put("best_validation_loss", Double.toString(best));
            out.put(NOTE_SECONDS, String.format(Locale.ROOT, "%.1f", seconds()));
            out.put("date", Instant.now().toString());
            return out;
        }

        private void checkSameRun(Path file, Map<String, String> saved) {
            checkNote(file, saved, NOTE_BATCH, Integer.toString(batch), "batch size");
            checkNote(file, saved, NOTE_ITERATIONS, Integer.toString(perEpoch), "batches per epoch");
            checkNote(file, saved, NOTE_SET, Long.toString(setSize), "training set size");
        }

        private void checkNote(Path file, Map<String, String> saved, String key, String here, String what) {
            String there = saved.get(key);
            if (there != null && !there.equals(here)) {
                throw new CheckpointException("checkpoint " + file + " was written with " + what + " " + there
                        + ", this run has " + here + ": use the same settings to resume");
            }
        }

        private long position(int epoch, int iteration) {
            return ((long) epoch * perEpoch + iteration) * batch;
        }

        private double seconds() {
            return secondsBefore + (System.nanoTime() - sessionStart) / 1e9;
        }
    }

    /** Frames per second over the last {@value #STEPS} batches (or since the first). */
    private static final class SpeedMeter {
        static final int STEPS = 20;
        private final long[] stamps = new long[STEPS + 1];
        private final int batch;
        private long count;

        SpeedMeter(int batch) {
            this.batch = batch;
            stamps[0] = System.nanoTime();
            count = 1;
        }

        double tick() {
            long now = System.nanoTime();
            stamps[(int) (count % stamps.length)] = now;
            count++;
            long span = Math.min(count - 1, STEPS);
            long then = stamps[(int) ((count - 1 - span) % stamps.length)];
            return now > then ? span * batch / ((now - then) / 1e9) : 0;
        }
    }

    private static double framesPerSecond(long frames, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return seconds > 0 ? frames / seconds : 0;
    }

    private static double lastValidationIn(TrainingLog log) {
        double last = Double.NaN;
        for (TrainingLog.Row r : log.rows()) {
            if ("validation".equals(r.kind())) {
                last = r.validationLoss();
            }
        }
        return last;
    }

    private static String versionOrUnknown() {
        String v = Trainer.class.getPackage().getImplementationVersion();
        return v == null ? "dpr (version unknown)" : "dpr " + v;
    }
}
