package org.dpr.retrieve;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.dpr.io.DiffractionFrame;
import org.dpr.io.FrameMetadata;

/**
 * Conventional phase retrieval of diffraction frames with the paper's protocol (§4.5): for each frame
 * {@link #starts()} random starting phases, run in batches of frames × starts rows (a frame's starts
 * split over batches when they are many), the recipe of the chosen algorithm (shrink-wrap every 50
 * iterations, the final 10 % ER for HIO and RAAR), then selection of the lowest-R_F start or the
 * aligned average of the best few. Immutable; every setting has the paper's value as default:
 *
 * <pre>{@code
 * List<Reconstruction> out = IterativeReconstructor.withDefaults()      // HIO, 1000 iterations, 100 starts
 *         .withAlgorithm(Algorithm.GPS_R).withStarts(20).withSeed(7)
 *         .reconstruct(manager, frames);
 * }</pre>
 *
 * <p>The device is {@code manager}'s. Frames of different sizes go to different batches. Each frame's
 * starts are seeded by (seed, frame index — {@link FrameMetadata#FRAME_INDEX} when present, else the
 * position in the list — and start), so results do not depend on batching (up to float rounding: a
 * batch of a single row takes another FFT code path, and HIO amplifies last-bit differences). A start
 * whose iterate
 * becomes NaN/Inf is dropped with a warning; if every start of a frame diverges the run fails with a
 * {@link StartsDivergedException}.
 */
public final class IterativeReconstructor {
    private enum ShrinkWrapMode { ON, OFF }

    private static final class Settings implements Cloneable {
        Algorithm algorithm = Algorithm.HIO;
        Operator step;
        Operator recipe;
        int iterations = 1000;
        int starts = 100;
        long seed;
        InitialSupport initialSupport = InitialSupport.simulation();
        ShrinkWrapMode shrinkWrapMode = ShrinkWrapMode.ON;
        ShrinkWrap shrinkWrap = ShrinkWrap.withDefaults();
        double finalErFraction = Double.NaN;
        Selection selection = Selection.lowestRf();
        int historyInterval = 10;
        int maxBatchRows;
        int objectBoxPx;

        Settings copy() {
            try {
                return (Settings) clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static final IterativeReconstructor DEFAULT = new IterativeReconstructor(new Settings());

    private final Settings settings;

    private IterativeReconstructor(Settings settings) {
        this.settings = settings;
    }

    /**
     * HIO (β 0.9), 1000 iterations with the paper's shrink-wrap every 50 (σ 3 px in pixels whatever the
     * window: scaled down to the 16-px object box of N = 128 the blur is too weak and the support
     * collapses on noisy frames) and the final 100 ER; 100 random starts, seed 0, the simulation support
     * (60/64 of the object box), lowest-R_F selection, R_F recorded every 10 iterations, automatic batch
     * size, object box N/8.
     */
    public static IterativeReconstructor withDefaults() {
        return DEFAULT;
    }

    private IterativeReconstructor with(Consumer<Settings> change) {
        Settings s = settings.copy();
        change.accept(s);
        return new IterativeReconstructor(s);
    }

    /** The algorithm (its default step; see {@link #withStep}). */
    public IterativeReconstructor withAlgorithm(Algorithm algorithm) {
        Objects.requireNonNull(algorithm, "algorithm");
        return with(s -> {
            s.algorithm = algorithm;
            s.step = null;
        });
    }

    /**
     * A configured single-iteration step to run instead of the algorithm's default one, e.g.
     * {@code Hio.withDefaults().withBeta(0.8)}; the recipe around it (shrink-wrap, final ER) stays.
     */
    public IterativeReconstructor withStep(Operator step) {
        Objects.requireNonNull(step, "step");
        return with(s -> s.step = step);
    }

    /** A complete recipe to run instead of the built one (iterations, step, shrink-wrap, final ER are then ignored). */
    public IterativeReconstructor withRecipe(Operator recipe) {
        Objects.requireNonNull(recipe, "recipe");
        return with(s -> s.recipe = recipe);
    }

    /** Total iterations per start (1000 in the paper). */
    public IterativeReconstructor withIterations(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1, got " + iterations);
        }
        return with(s -> s.iterations = iterations);
    }

    /** Random starts per frame (100 in the paper). */
    public IterativeReconstructor withStarts(int starts) {
        if (starts < 1) {
            throw new IllegalArgumentException("starts must be at least 1, got " + starts);
        }
        return with(s -> s.starts = starts);
    }

    public IterativeReconstructor withSeed(long seed) {
        return with(s -> s.seed = seed);
    }

    public IterativeReconstructor withInitialSupport(InitialSupport support) {
        Objects.requireNonNull(support, "support");
        return with(s -> s.initialSupport = support);
    }

    /** Shrink-wrap with these settings every 50 main iterations (default: the paper's, {@link ShrinkWrap#withDefaults()}). */
    public IterativeReconstructor withShrinkWrap(ShrinkWrap shrinkWrap) {
        Objects.requireNonNull(shrinkWrap, "shrinkWrap");
        return with(s -> {
            s.shrinkWrap = shrinkWrap;
            s.shrinkWrapMode = ShrinkWrapMode.ON;
        });
    }

    /** Keep the initial support fixed. */
    public IterativeReconstructor withoutShrinkWrap() {
        return with(s -> s.shrinkWrapMode = ShrinkWrapMode.OFF);
    }

    /** The share of iterations run as ER at the end, in [0, 1); default: the algorithm's (0.1 for HIO, RAAR). */
    public IterativeReconstructor withFinalErFraction(double fraction) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("final ER fraction must be in [0, 1), got " + fraction);
        }
        return with(s -> s.finalErFraction = fraction);
    }

    public IterativeReconstructor withSelection(Selection selection) {
        Objects.requireNonNull(selection, "selection");
        return with(s -> s.selection = selection);
    }

    /** R_F is recorded every this many iterations (1 = every iteration; each record costs about one transform). */
    public IterativeReconstructor withHistoryInterval(int interval) {
        if (interval < 1) {
            throw new IllegalArgumentException("history interval must be at least 1, got " + interval);
        }
        return with(s -> s.historyInterval = interval);
    }

    /**
     * The most rows (frames × starts) run together; default: automatic ({@link #batchRowsFor}). A
     * frame's starts are split over several batches when they are more than this.
     */
    public IterativeReconstructor withMaxBatchRows(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("batch rows must be at least 1, got " + rows);
        }
        return with(s -> s.maxBatchRows = rows);
    }

    /** n, the object box (scales the initial square support); default N/8. */
    public IterativeReconstructor withObjectBoxPx(int objectBoxPx) {
        if (objectBoxPx < 1) {
            throw new IllegalArgumentException("object box must be positive, got " + objectBoxPx);
        }
        return with(s -> s.objectBoxPx = objectBoxPx);
    }

    public Algorithm algorithm() {
        return settings.algorithm;
    }

    public int iterations() {
        return settings.iterations;
    }

    public int starts() {
        return settings.starts;
    }

    public long seed() {
        return settings.seed;
    }

    public InitialSupport initialSupport() {
        return settings.initialSupport;
    }

    public Selection selection() {
        return settings.selection;
    }

    public int historyInterval() {
        return settings.historyInterval;
    }

    /** The set maximum rows per batch, 0 for automatic. */
    public int maxBatchRows() {
        return settings.maxBatchRows;
    }

    /** The object box used for a window: the one set, else min(H, W)/8. */
    public int objectBoxPxFor(int height, int width) {
        return settings.objectBoxPx > 0 ? settings.objectBoxPx : Math.max(1, Math.min(height, width) / 8);
    }

    /** The recipe that runs (its string is the provenance stored with every result). */
    public Operator recipe() {
        if (settings.recipe != null) {
            return settings.recipe;
        }
        Operator step = settings.step != null ? settings.step : settings.algorithm.defaultStep();
        ShrinkWrap sw = settings.shrinkWrapMode == ShrinkWrapMode.ON ? settings.shrinkWrap : null;
        double er = Double.isNaN(settings.finalErFraction) ? settings.algorithm.defaultFinalErFraction()
                : settings.finalErFraction;
        return Algorithms.recipe(step, settings.iterations, sw, Algorithms.SHRINK_WRAP_INTERVAL, er);
    }

    /** The settings and the recipe, e.g. for provenance. */
    @Override
    public String toString() {
        return "IterativeReconstructor[algorithm=" + settings.algorithm.cliName() + ", iterations=" + settings.iterations
                + ", starts=" + settings.starts + ", seed=" + settings.seed + ", support=" + settings.initialSupport
                + ", selection=" + settings.selection + ", historyInterval=" + settings.historyInterval
                + ", objectBoxPx=" + (settings.objectBoxPx > 0 ? settings.objectBoxPx : "N/8")
                + ", recipe=" + recipe() + "]";
    }

    /** Reconstructs one frame. */
    public Reconstruction reconstruct(NDManager manager, DiffractionFrame frame) {
        return reconstruct(manager, List.of(frame)).get(0);
    }

    /** Reconstructs {@code frames}, in order. */
    public List<Reconstruction> reconstruct(NDManager manager, List<DiffractionFrame> frames) {
        List<Reconstruction> out = new ArrayList<>(frames.size());
        reconstruct(manager, frames, out::add);
        return out;
    }

    /**
     * Reconstructs {@code frames}, handing each result to {@code sink} in order as it finishes (for
     * progress bars and for runs too large to hold).
     *
     * @throws IllegalArgumentException for an empty list or bad settings for a frame (e.g. a support
     *                                  larger than the window)
     * @throws org.dpr.DprException     for unusable data (no measured pixel, zero or non-finite intensity)
     *                                  or when every start of a frame diverged
     */
    public void reconstruct(NDManager manager, List<DiffractionFrame> frames, Consumer<Reconstruction> sink) {
        Objects.requireNonNull(manager, "manager");
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("no frames to reconstruct");
        }
        int starts = settings.starts;
        int i = 0;
        while (i < frames.size()) {
            DiffractionFrame first = frames.get(i);
            int rows = batchRowsFor(manager, first.height(), first.width());
            int perBatch = Math.max(1, rows / starts);
            int j = i + 1;
            while (j < frames.size() && j - i < perBatch && frames.get(j).height() == first.height()
                    && frames.get(j).width() == first.width()) {
                j++;
            }
            List<DiffractionFrame> group = frames.subList(i, j);
            long[] indices = new long[group.size()];
            List<StartSelection> selections = new ArrayList<>();
            for (int k = 0; k < group.size(); k++) {
                indices[k] = (long) group.get(k).metadata().number(FrameMetadata.FRAME_INDEX).orElse(i + k);
                selections.add(new StartSelection(settings.selection, starts));
            }
            // a frame's starts go in one batch, or in several when they are more than a batch holds
            for (int s0 = 0; s0 < starts; s0 += rows) {
                runBatch(manager, group, indices, s0, Math.min(rows, starts - s0), selections);
            }
            for (int k = 0; k < group.size(); k++) {
                sink.accept(finish(manager, group.get(k), indices[k], selections.get(k)));
            }
            i = j;
        }
    }

    /**
     * Rows per batch: the set maximum, else on a GPU 128 and on a CPU as many as keep one complex
     * (rows, H, W) array within 32 MiB — the largest block glibc's allocator serves from memory it
     * reuses; larger arrays are mapped afresh on every allocation and their pages faulted in again (at
     * N = 512 batches of 100 starts measured twice as slow per start as batches of 10).
     */
    int batchRowsFor(NDManager manager, int height, int width) {
        return settings.maxBatchRows > 0 ? settings.maxBatchRows : automaticBatchRows(manager, height, width);
    }

    static int automaticBatchRows(NDManager manager, int height, int width) {
        if (manager.getDevice().isGpu()) {
            return 128;
        }
        return (int) Math.max(1, (32L << 20) / (8L * height * width));
    }

    private void runBatch(NDManager manager, List<DiffractionFrame> frames, long[] frameIndices, int firstStart,
                          int count, List<StartSelection> selections) {
        long started = System.nanoTime();
        int h = frames.get(0).height();
        int w = frames.get(0).width();
        int n = objectBoxFor(h, w);
        try (NDManager batch = manager.newSubManager()) {
            float[] supports = new float[frames.size() * h * w];
            for (int f = 0; f < frames.size(); f++) {
                System.arraycopy(settings.initialSupport.create(batch, frames.get(f), n), 0, supports, f * h * w, h * w);
            }
            Measurement data = Measurement.fromFrames(batch, frames, count);
            RfRecorder recorder = RfRecorder.every(settings.historyInterval);
            PhasingState state;
            try (NDArray support = batch.create(supports, new Shape(frames.size(), h, w))) {
                state = PhasingState.randomStarts(data, support, settings.seed, frameIndices, firstStart)
                        .withListener(recorder);
            }
            try (PhasingState last = recipe().apply(state); NDArray estimates = last.estimate();
                 NDArray rfs = Projections.rFactors(estimates, data)) {
                float[] rf = rfs.toFloatArray();
                for (int f = 0; f < frames.size(); f++) {
                    selections.get(f).add(estimates, rf, f * count, count, firstStart, recorder);
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9 / frames.size();
        selections.forEach(s -> s.addSeconds(seconds));
    }

    private Reconstruction finish(NDManager manager, DiffractionFrame frame, long frameIndex, StartSelection selection) {
        long started = System.nanoTime();
        int h = frame.height();
        int w = frame.width();
        int n = objectBoxFor(h, w);
        StartSelection.Outcome o = selection.finish(manager, frame, frameIndex);
        float[] window = WindowAligner.centre(o.window(), h, w);
        double seconds = selection.seconds() + (System.nanoTime() - started) / 1e9;
        return new Reconstruction(h, w, n, WindowAligner.crop(window, h, w, n), window, o.rf(), o.history(),
                recipe().toString(), seconds, settings.starts, o.dropped(), o.best(), settings.selection, o.startRf());
    }

    private int objectBoxFor(int h, int w) {
        int n = objectBoxPxFor(h, w);
        if (n > Math.min(h, w)) {
            throw new IllegalArgumentException("object box " + n + " px is larger than the window " + h + "×" + w);
        }
        return n;
    }
}
