package org.dpr.retrieve;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.dpr.tensor.CentredFft;
import org.dpr.tensor.Tensors;

/**
 * Times the iterative engine (issue 3, `dpr bench iterative`): milliseconds per start·iteration of
 * HIO and GPS-R at N = 128 and 512 for batches of 1, 10 and 100 starts, beside the FFT floor (one
 * forward + one inverse complex FFT of the (B, N, N) batch, per start). The data are a simulated
 * pattern (a textured disc filling 3/4 of the n = N/8 box, 10⁶·(N/512)² photons, a 4×4 beamstop);
 * shrink-wrap and R_F recording are not timed. Warm-up iterations run first; each iteration is
 * timed on its own and the median reported (the floor likewise), so that bursts of other work on a
 * shared machine move the numbers little. Immutable.
 */
public final class IterativeBenchmark {
    private static final IterativeBenchmark DEFAULT = new IterativeBenchmark(new int[] {128, 512},
            new int[] {1, 10, 100}, new Algorithm[] {Algorithm.HIO, Algorithm.GPS_R}, 5, 2);

    private final int[] windows;
    private final int[] batches;
    private final Algorithm[] algorithms;
    private final int iterations;
    private final int warmupIterations;

    private IterativeBenchmark(int[] windows, int[] batches, Algorithm[] algorithms, int iterations,
                               int warmupIterations) {
        this.windows = windows;
        this.batches = batches;
        this.algorithms = algorithms;
        this.iterations = iterations;
        this.warmupIterations = warmupIterations;
    }

    /** N 128 and 512, B 1, 10 and 100, HIO and GPS-R, 5 timed iterations after 2 warm-up ones. */
    public static IterativeBenchmark withDefaults() {
        return DEFAULT;
    }

    /** Window sides N (even, ≥ 16). */
    public IterativeBenchmark withWindows(int... sides) {
        for (int n : sides) {
            if (n < 16 || n % 8 != 0) {
                throw new IllegalArgumentException("window sides must be multiples of 8, ≥ 16, got " + n);
            }
        }
        return new IterativeBenchmark(nonEmpty(sides).clone(), batches, algorithms, iterations, warmupIterations);
    }

    /** Batch sizes B (starts run together), ≥ 1. */
    public IterativeBenchmark withBatchSizes(int... sizes) {
        for (int b : sizes) {
            if (b < 1) {
                throw new IllegalArgumentException("batch sizes must be ≥ 1, got " + b);
            }
        }
        return new IterativeBenchmark(windows, nonEmpty(sizes).clone(), algorithms, iterations, warmupIterations);
    }

    public IterativeBenchmark withAlgorithms(Algorithm... list) {
        if (list.length == 0) {
            throw new IllegalArgumentException("give at least one algorithm");
        }
        return new IterativeBenchmark(windows, batches, list.clone(), iterations, warmupIterations);
    }

    /** Timed iterations per measurement, ≥ 1. */
    public IterativeBenchmark withIterations(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("iterations must be ≥ 1, got " + count);
        }
        return new IterativeBenchmark(windows, batches, algorithms, count, warmupIterations);
    }

    /** Untimed iterations before each measurement, ≥ 0. */
    public IterativeBenchmark withWarmupIterations(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("warm-up iterations must be ≥ 0, got " + count);
        }
        return new IterativeBenchmark(windows, batches, algorithms, iterations, count);
    }

    private static int[] nonEmpty(int[] a) {
        if (a.length == 0) {
            throw new IllegalArgumentException("give at least one value");
        }
        return a;
    }

    /** Runs every (N, B, algorithm) on {@code manager}'s device. */
    public List<BenchmarkRow> run(NDManager manager) {
        return run(manager, row -> { });
    }

    /** Runs every (N, B, algorithm), handing each row to {@code progress} as it is measured. */
    public List<BenchmarkRow> run(NDManager manager, Consumer<BenchmarkRow> progress) {
        List<BenchmarkRow> rows = new ArrayList<>();
        String device = manager.getDevice().toString();
        for (int window : windows) {
            float[] intensity = pattern(manager, window);
            float[] mask = beamstopMask(window);
            for (int batch : batches) {
                double floor = fftFloorMs(manager, window, batch);
                for (Algorithm algorithm : algorithms) {
                    double ms = iterationMs(manager, algorithm.defaultStep(), intensity, mask, window, batch);
                    BenchmarkRow row = new BenchmarkRow(algorithm.defaultStep().toString(), window, batch, iterations,
                            ms, floor, device);
                    rows.add(row);
                    progress.accept(row);
                }
            }
        }
        return rows;
    }

    private double iterationMs(NDManager manager, Operator step, float[] intensity, float[] mask, int window,
                               int batch) {
        try (NDManager m = manager.newSubManager()) {
            NDArray i = m.create(intensity, new Shape(window, window));
            NDArray k = m.create(mask, new Shape(window, window));
            NDArray support = m.create(squareSupport(window), new Shape(window, window));
            PhasingState state = PhasingState.randomStarts(i, k, support, batch, 1);
            if (warmupIterations > 0) {
                state = step.times(warmupIterations).apply(state);
            }
            // time every iteration (the listener runs once the iteration's arrays exist) and keep the median,
            // which a shared machine's bursts of other work do not move much
            double[] times = new double[iterations];
            long[] last = {System.nanoTime()};
            int[] done = {0};
            state = state.withListener(s -> {
                waitFor(s.object());
                long now = System.nanoTime();
                times[done[0]++] = (now - last[0]) / 1e6;
                last[0] = now;
            });
            last[0] = System.nanoTime();
            state = step.times(iterations).apply(state);
            state.close();
            return median(times) / batch;
        }
    }

    private double fftFloorMs(NDManager manager, int window, int batch) {
        try (NDManager m = manager.newSubManager()) {
            NDArray re = m.randomNormal(new Shape(batch, window, window));
            NDArray z = NDArrays.stack(new NDList(re, re.neg()), -1).complex();
            double[] times = new double[Math.max(iterations, 3)];
            for (int rep = -1; rep < times.length; rep++) {
                long started = System.nanoTime();
                try (NDArray f = Spectra.forward(z); NDArray back = Spectra.inverse(f)) {
                    waitFor(back);
                }
                if (rep >= 0) {
                    times[rep] = (System.nanoTime() - started) / 1e6;
                }
            }
            return median(times) / batch;
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }

    /** Reads one value back, so that asynchronous devices have finished the work before the clock stops. */
    private static void waitFor(NDArray a) {
        try (NDArray probe = a.get(0, 0, 0); NDArray modulus = probe.abs()) {
            modulus.toFloatArray();
        }
    }

    /** A textured disc in the n = N/8 box, I = |F(pad)|² scaled to 10⁶·(N/512)² photons. */
    static float[] pattern(NDManager manager, int window) {
        int n = window / 8;
        float[] object = new float[n * n];
        Random random = new Random(42);
        double c = (n - 1) / 2.0;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                if (Math.hypot(y - c, x - c) <= 0.375 * n) {
                    object[y * n + x] = 0.5f + random.nextFloat();
                }
            }
        }
        float[] intensity;
        try (NDManager m = manager.newSubManager(); CentredFft fft = CentredFft.of(m, window, window)) {
            NDArray padded = Tensors.padCentre(m.create(object, new Shape(n, n)), window);
            intensity = fft.forward(padded).abs().square().toFloatArray();
        }
        double total = 0;
        for (float v : intensity) {
            total += v;
        }
        double scale = 1e6 * Math.pow(window / 512.0, 2) / total;
        for (int p = 0; p < intensity.length; p++) {
            intensity[p] = (float) (intensity[p] * scale);
        }
        return intensity;
    }

    private static float[] beamstopMask(int window) {
        float[] mask = new float[window * window];
        Arrays.fill(mask, 1f);
        for (int y = window / 2 - 2; y < window / 2 + 2; y++) {
            for (int x = window / 2 - 2; x < window / 2 + 2; x++) {
                mask[y * window + x] = 0f;
            }
        }
        return mask;
    }

    private static float[] squareSupport(int window) {
        int side = window / 8;
        float[] s = new float[window * window];
        for (int y = window / 2 - side / 2; y < window / 2 + side / 2; y++) {
            Arrays.fill(s, y * window + window / 2 - side / 2, y * window + window / 2 + side / 2, 1f);
        }
        return s;
    }
}
