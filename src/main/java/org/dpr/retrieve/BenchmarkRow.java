package org.dpr.retrieve;

/**
 * One line of {@link IterativeBenchmark}: the time of one iteration of one start, beside the floor of
 * what each iteration must at least do — one forward and one inverse complex FFT of the (B, N, N)
 * batch — per start.
 *
 * @param algorithm           the algorithm's name as it prints (HIO, GPS-R, …)
 * @param windowPx            N
 * @param batch               B, starts run together
 * @param iterations          timed iterations (after warm-up); the median is reported
 * @param msPerStartIteration median wall-clock milliseconds of one iteration, divided by B
 * @param fftFloorMsPerStart  median milliseconds of one forward + one inverse complex FFT of (B, N, N), divided by B
 * @param device              where it ran
 */
public record BenchmarkRow(String algorithm, int windowPx, int batch, int iterations, double msPerStartIteration,
                           double fftFloorMsPerStart, String device) {

    /** Iteration time over the FFT floor (the target: ≤ 2 at N = 512). */
    public double ratio() {
        return msPerStartIteration / fftFloorMsPerStart;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%-6s N=%-4d B=%-4d %8.3f ms/start·it  floor %8.3f ms  ratio %5.2f  (%s)",
                algorithm, windowPx, batch, msPerStartIteration, fftFloorMsPerStart, ratio(), device);
    }
}
