package org.dpr.retrieve;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;

/**
 * A listener that records R_F (eq. 6) of every row every {@code interval} iterations: R_F of the
 * current estimate P_S u, computed on the device, only the (B) values fetched. Each record costs one
 * real-to-complex transform (two more for GPS, whose iterate lives in Fourier space), so record
 * sparsely when speed matters. Not thread-safe; one recorder per run.
 */
public final class RfRecorder implements PhasingListener {
    private final int interval;
    private final List<Integer> iterations = new ArrayList<>();
    private final List<float[]> values = new ArrayList<>();

    private RfRecorder(int interval) {
        this.interval = interval;
    }

    /**
     * Records after iterations interval, 2·interval, …
     *
     * @throws IllegalArgumentException if {@code interval < 1}
     */
    public static RfRecorder every(int interval) {
        if (interval < 1) {
            throw new IllegalArgumentException("R_F history interval must be at least 1, got " + interval);
        }
        return new RfRecorder(interval);
    }

    public int interval() {
        return interval;
    }

    @Override
    public void iterationDone(PhasingState state) {
        if (state.iteration() % interval != 0) {
            return;
        }
        try (NDArray rf = state.rFactors()) {
            values.add(rf.toFloatArray());
            iterations.add(state.iteration());
        }
    }

    /** The history of row {@code row}. */
    public RfHistory history(int row) {
        int[] its = new int[iterations.size()];
        float[] rf = new float[iterations.size()];
        for (int i = 0; i < its.length; i++) {
            its[i] = iterations.get(i);
            rf[i] = values.get(i)[row];
        }
        return new RfHistory(its, rf);
    }

    /** How many times R_F was recorded. */
    public int recordings() {
        return iterations.size();
    }
}
