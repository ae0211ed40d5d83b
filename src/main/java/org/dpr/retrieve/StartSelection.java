package org.dpr.retrieve;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.dpr.io.DiffractionFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the random starts of one frame, possibly run in several batches, keeps the few with the
 * lowest R_F, and makes the output: the best start, or the aligned average of the best (paper §4.5).
 * Starts whose R_F is not finite diverged and are dropped with a warning.
 */
final class StartSelection {
    private static final Logger LOG = LoggerFactory.getLogger(StartSelection.class);

    /** One kept start: its window estimate and R_F history. */
    record Candidate(int start, float rf, float[] window, RfHistory history) {
    }

    /** The chosen output before centring and cropping. */
    record Outcome(float[] window, double rf, RfHistory history, int dropped, int best, float[] startRf) {
    }

    private final Selection selection;
    private final float[] startRf;
    private final List<Candidate> kept = new ArrayList<>();
    private double seconds;

    StartSelection(Selection selection, int starts) {
        this.selection = selection;
        this.startRf = new float[starts];
        Arrays.fill(startRf, Float.NaN);
    }

    /**
     * Takes the rows {@code firstRow … firstRow + count − 1} of a finished batch, which hold starts
     * {@code firstStart …} of this frame: records their R_F and keeps the best few estimates.
     */
    void add(NDArray estimates, float[] rf, int firstRow, int count, int firstStart, RfRecorder recorder) {
        Integer[] rows = new Integer[count];
        for (int i = 0; i < count; i++) {
            rows[i] = firstRow + i;
            float v = rf[firstRow + i];
            startRf[firstStart + i] = Float.isFinite(v) ? v : Float.NaN;
        }
        Arrays.sort(rows, Comparator.comparingDouble(r -> Float.isFinite(rf[r]) ? rf[r] : Double.POSITIVE_INFINITY));
        for (int i = 0; i < Math.min(selection.count(), count) && Float.isFinite(rf[rows[i]]); i++) {
            int row = rows[i];
            try (NDArray estimate = estimates.get(row)) {
                kept.add(new Candidate(firstStart + row - firstRow, rf[row], estimate.toFloatArray(), recorder.history(row)));
            }
        }
        kept.sort(Comparator.comparingDouble(Candidate::rf));
        while (kept.size() > selection.count()) {
            kept.remove(kept.size() - 1);
        }
    }

    void addSeconds(double s) {
        seconds += s;
    }

    double seconds() {
        return seconds;
    }

    /**
     * The output of the frame.
     *
     * @throws StartsDivergedException if every start diverged
     */
    Outcome finish(NDManager manager, DiffractionFrame frame, long frameIndex) {
        int starts = startRf.length;
        int dropped = 0;
        for (float v : startRf) {
            dropped += Float.isNaN(v) ? 1 : 0;
        }
        if (kept.isEmpty()) {
            throw new StartsDivergedException("frame " + frameIndex + ": all " + starts
                    + " random starts diverged (NaN/Inf); check the data, the support and the parameters");
        }
        if (dropped > 0) {
            LOG.warn("frame {}: dropped {} of {} random starts whose iterates became NaN/Inf", frameIndex, dropped, starts);
        }
        Candidate best = kept.get(0);
        if (selection.mode() == Selection.Mode.LOWEST_RF || kept.size() == 1) {
            return new Outcome(best.window(), best.rf(), best.history(), dropped, best.start(), startRf.clone());
        }
        int h = frame.height();
        int w = frame.width();
        double[] sum = new double[h * w];
        for (int k = 0; k < kept.size(); k++) {
            float[] aligned = k == 0 ? best.window() : WindowAligner.align(manager, best.window(), kept.get(k).window(), h, w);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += aligned[i];
            }
        }
        float[] mean = new float[h * w];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = (float) (sum[i] / kept.size());
        }
        return new Outcome(mean, rFactor(manager, frame, mean), best.history(), dropped, best.start(), startRf.clone());
    }

    /** R_F (eq. 6) of one real window object against {@code frame}. */
    static double rFactor(NDManager manager, DiffractionFrame frame, float[] window) {
        try (NDManager m = manager.newSubManager(); Measurement data = Measurement.fromFrames(m, List.of(frame), 1)) {
            NDArray rf = Projections.rFactors(m.create(window, new Shape(1, frame.height(), frame.width())), data);
            return rf.getFloat(0);
        }
    }
}
