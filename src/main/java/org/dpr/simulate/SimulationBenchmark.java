package org.dpr.simulate;

import java.util.ArrayList;
import java.util.List;
import org.dpr.Geometry;

/**
 * Frames per second of the simulator — the work {@code dpr simulate} does before writing: objects,
 * eq. 3, flux, eq. 4 noise and the paper's masks, on several threads, frames handed back in order.
 * A benchmark, never a test: the numbers depend on the machine and its load.
 *
 * <pre>{@code
 * for (SimulationBenchmark.Result r : SimulationBenchmark.paperAndSmall(200, threads)) {
 *     System.out.println(r);
 * }
 * }</pre>
 */
public final class SimulationBenchmark {
    private SimulationBenchmark() {
    }

    /**
     * One measurement.
     *
     * @param windowPx        N
     * @param frames          frames timed (after the warm-up)
     * @param threads         worker threads
     * @param seconds         wall-clock time of the timed frames
     * @param framesPerSecond frames / seconds
     */
    public record Result(int windowPx, int frames, int threads, double seconds, double framesPerSecond) {
        @Override
        public String toString() {
            return String.format("N=%d: %d frames on %d threads in %.2f s = %.1f frames/s",
                    windowPx, frames, threads, seconds, framesPerSecond);
        }
    }

    /**
     * Times {@code frames} frames of {@code config} on {@code threads} threads, after a warm-up of
     * max(8, frames/10) frames (JIT compilation) with other indices.
     */
    public static Result measure(SimulationConfig config, int frames, int threads) {
        if (frames < 1 || threads < 1) {
            throw new IllegalArgumentException("need frames ≥ 1 and threads ≥ 1, got " + frames + ", " + threads);
        }
        Simulator simulator = Simulator.of(config);
        int warmUp = Math.max(8, frames / 10);
        double[] sink = new double[1];
        simulator.forEachFrame(1_000_000_000L, warmUp, threads, f -> sink[0] += f.intensity()[0]);
        long start = System.nanoTime();
        simulator.forEachFrame(0, frames, threads, f -> sink[0] += f.intensity()[0]);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(config.geometry().windowPx(), frames, threads, seconds, frames / seconds);
    }

    /**
     * The paper's configuration at N = 128 and N = 512 ({@code frames} frames each), the
     * measurement behind {@code dpr bench simulate}.
     */
    public static List<Result> paperAndSmall(int frames, int threads) {
        List<Result> results = new ArrayList<>();
        for (Geometry g : new Geometry[] {Geometry.SMALL, Geometry.PAPER}) {
            results.add(measure(SimulationConfig.withDefaults().withGeometry(g), frames, threads));
        }
        return results;
    }

    /** Runs {@link #paperAndSmall} with frames from the first argument (default 200) on all cores. */
    public static void main(String[] args) {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        for (Result r : paperAndSmall(frames, threads)) {
            System.out.println(r);
        }
    }
}
