package org.dpr.retrieve;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.dpr.io.DiffractionFrame;

/**
 * DPR+R (paper §4.5): a few GPS-R iterations started from a network's output. For an n×n output x
 * (amplitude units) and its frame: support = x > 1 % of the 99th percentile of x; starting spectrum =
 * the measured amplitudes with the phases of F(pad x) (x's own values on missing pixels); then 50
 * GPS-R iterations with t 1, s 0.9, σ 0.1 → 1 at 40 %, α from 2N down 20 % every 10 iterations
 * ({@link Gps#refinementDefaults()}); the output is the positive real part on the support. Frames are
 * refined together, one row each. Immutable.
 *
 * <pre>{@code
 * Reconstruction refined = Refinement.withDefaults().refine(manager, frame, dprOutput);
 * }</pre>
 */
public final class Refinement {
    private static final Refinement DEFAULT = new Refinement(Gps.refinementDefaults(), 50, 0.01, 99, 10, 0);

    private final Operator step;
    private final int iterations;
    private final double supportThreshold;
    private final double supportPercentile;
    private final int historyInterval;
    private final int maxBatchRows;

    private Refinement(Operator step, int iterations, double supportThreshold, double supportPercentile,
                       int historyInterval, int maxBatchRows) {
        this.step = step;
        this.iterations = iterations;
        this.supportThreshold = supportThreshold;
        this.supportPercentile = supportPercentile;
        this.historyInterval = historyInterval;
        this.maxBatchRows = maxBatchRows;
    }

    /** The paper's DPR+R: 50 GPS-R iterations, support at 1 % of the 99th percentile. */
    public static Refinement withDefaults() {
        return DEFAULT;
    }

    /** The iteration step (GPS schedules are laid over the run), e.g. {@code Gps.refinementDefaults().withDualStep(0.5)}. */
    public Refinement withStep(Operator newStep) {
        return new Refinement(Objects.requireNonNull(newStep, "step"), iterations, supportThreshold, supportPercentile,
                historyInterval, maxBatchRows);
    }

    public Refinement withIterations(int newIterations) {
        if (newIterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1, got " + newIterations);
        }
        return new Refinement(step, newIterations, supportThreshold, supportPercentile, historyInterval, maxBatchRows);
    }

    /** The support threshold as a fraction of the percentile value, in (0, 1]. */
    public Refinement withSupportThreshold(double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("support threshold must be in (0, 1], got " + fraction);
        }
        return new Refinement(step, iterations, fraction, supportPercentile, historyInterval, maxBatchRows);
    }

    /** The percentile (0–100) of the output the threshold refers to. */
    public Refinement withSupportPercentile(double percentile) {
        if (!(percentile >= 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be in [0, 100], got " + percentile);
        }
        return new Refinement(step, iterations, supportThreshold, percentile, historyInterval, maxBatchRows);
    }

    /** R_F recorded every this many iterations. */
    public Refinement withHistoryInterval(int interval) {
        if (interval < 1) {
            throw new IllegalArgumentException("history interval must be at least 1, got " + interval);
        }
        return new Refinement(step, iterations, supportThreshold, supportPercentile, interval, maxBatchRows);
    }

    /** The most frames refined together (default: automatic, as {@link IterativeReconstructor}). */
    public Refinement withMaxBatchRows(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("batch rows must be at least 1, got " + rows);
        }
        return new Refinement(step, iterations, supportThreshold, supportPercentile, historyInterval, rows);
    }

    /** The recipe, e.g. {@code GPS-R(sigma=0.1→1@40%, alphaStages=5, length=50)**50}. */
    public Operator recipe() {
        return Algorithms.recipe(step, iterations);
    }

    /**
     * The support of an n×n output: 1 where {@code object} > threshold × its {@code percentile}-th
     * percentile (linear interpolation between order statistics, as numpy), else 0.
     *
     * @throws IllegalArgumentException if the output has no positive value
     */
    public float[] supportOf(float[] object) {
        float[] sorted = object.clone();
        Arrays.sort(sorted);
        double position = supportPercentile / 100 * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        double level = sorted[below] + (position - below) * (sorted[above] - sorted[below]);
        if (!(level > 0)) {
            throw new IllegalArgumentException("the output has no positive values to make a support from");
        }
        float[] support = new float[object.length];
        for (int i = 0; i < object.length; i++) {
            support[i] = object[i] > supportThreshold * level ? 1f : 0f;
        }
        return support;
    }

    /** Refines one frame from its n×n network output (amplitude units). */
    public Reconstruction refine(NDManager manager, DiffractionFrame frame, float[] output) {
        return refine(manager, List.of(frame), List.of(output)).get(0);
    }

    /** Refines frames from their n×n network outputs, in order. */
    public List<Reconstruction> refine(NDManager manager, List<DiffractionFrame> frames, List<float[]> outputs) {
        if (frames.isEmpty() || frames.size() != outputs.size()) {
            throw new IllegalArgumentException("need one output per frame, got " + frames.size() + " frames and "
                    + outputs.size() + " outputs");
        }
        List<Reconstruction> out = new ArrayList<>();
        int i = 0;
        while (i < frames.size()) {
            DiffractionFrame first = frames.get(i);
            int rows = maxBatchRows > 0 ? maxBatchRows
                    : IterativeReconstructor.automaticBatchRows(manager, first.height(), first.width());
            int j = i + 1;
            while (j < frames.size() && j - i < rows && frames.get(j).height() == first.height()
                    && frames.get(j).width() == first.width()) {
                j++;
            }
            out.addAll(refineBatch(manager, frames.subList(i, j), outputs.subList(i, j)));
            i = j;
        }
        return out;
    }

    private List<Reconstruction> refineBatch(NDManager manager, List<DiffractionFrame> frames, List<float[]> outputs) {
        long started = System.nanoTime();
        int h = frames.get(0).height();
        int w = frames.get(0).width();
        int n = (int) Math.round(Math.sqrt(outputs.get(0).length));
        int count = frames.size();
        float[] objects = new float[count * h * w];
        float[] supports = new float[count * h * w];
        for (int f = 0; f < count; f++) {
            float[] x = outputs.get(f);
            if (x.length != n * n) {
                throw new IllegalArgumentException("outputs must all be n×n = " + n * n + " values, output " + f + " has "
                        + x.length);
            }
            if (n > h || n > w) {
                throw new IllegalArgumentException("the output (" + n + "×" + n + ") is larger than the window (" + h
                        + "×" + w + ")");
            }
            for (float v : x) {
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("output " + f + " has non-finite values");
                }
            }
            place(x, n, objects, f * h * w, h, w);
            place(supportOf(x), n, supports, f * h * w, h, w);
        }
        Operator recipe = recipe();
        List<Reconstruction> out = new ArrayList<>();
        float[] windows;
        float[] rf;
        RfRecorder recorder = RfRecorder.every(historyInterval);
        try (NDManager batch = manager.newSubManager()) {
            Measurement data = Measurement.fromFrames(batch, frames, 1);
            PhasingState state;
            try (NDArray support = batch.create(supports, new Shape(count, h, w));
                 NDArray start = batch.create(objects, new Shape(count, h, w))) {
                state = PhasingState.fromObjects(data, support, start).withListener(recorder);
            }
            try (PhasingState last = recipe.apply(state); NDArray estimate = last.estimate();
                 NDArray rfs = Projections.rFactors(estimate, data)) {
                windows = estimate.toFloatArray();
                rf = rfs.toFloatArray();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9 / count;
        for (int f = 0; f < count; f++) {
            if (!Float.isFinite(rf[f])) {
                throw new StartsDivergedException("frame " + f + ": the refinement diverged (NaN/Inf)");
            }
            float[] window = WindowAligner.centre(Arrays.copyOfRange(windows, f * h * w, (f + 1) * h * w), h, w);
            out.add(new Reconstruction(h, w, n, WindowAligner.crop(window, h, w, n), window, rf[f],
                    recorder.history(f), recipe.toString(), seconds, 1, 0, 0, Selection.lowestRf(),
                    new float[] {rf[f]}));
        }
        return out;
    }

    /** Puts the n×n {@code box} in the centre of an H×W window stored at {@code offset} of {@code target}. */
    private static void place(float[] box, int n, float[] target, int offset, int h, int w) {
        int top = (h - n) / 2;
        int left = (w - n) / 2;
        for (int y = 0; y < n; y++) {
            System.arraycopy(box, y * n, target, offset + (top + y) * w + left, n);
        }
    }
}
