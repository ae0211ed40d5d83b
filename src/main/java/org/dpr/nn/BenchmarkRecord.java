package org.dpr.nn;

/**
 * Forward time of a DPR network for one preset and batch size.
 *
 * @param preset                "paper", "small" or "custom"
 * @param windowPx              N
 * @param ngf                   channels of the first layer
 * @param encoder               encoder variant
 * @param decoder               decoder variant
 * @param batchSize             patterns per forward pass
 * @param device                the device it ran on (e.g. "cpu()", "gpu(0)")
 * @param threads               intra-op threads of the engine, or 0 if unknown
 * @param timedRuns             forward passes timed (after the warm-up ones)
 * @param medianSecondsPerFrame median over the timed runs of (run time / batch size)
 * @param minSecondsPerFrame    the fastest timed run / batch size: on a shared machine the best estimate
 *                              of what the network costs, the median of what a user will see
 */
public record BenchmarkRecord(String preset, int windowPx, int ngf, EncoderKind encoder, DecoderKind decoder,
        int batchSize, String device, int threads, int timedRuns, double medianSecondsPerFrame,
        double minSecondsPerFrame) {

    public BenchmarkRecord {
        if (batchSize <= 0 || timedRuns <= 0 || !(minSecondsPerFrame >= 0)
                || !(medianSecondsPerFrame >= minSecondsPerFrame)) {
            throw new IllegalArgumentException("invalid benchmark record: batch " + batchSize + ", runs " + timedRuns
                    + ", median " + medianSecondsPerFrame + " s, min " + minSecondsPerFrame + " s");
        }
    }

    /** One table row: preset, N, batch, device, threads, median and fastest ms per frame. */
    public String toRow() {
        return String.format(java.util.Locale.ROOT,
                "%-7s N %4d  ngf %3d  batch %3d  %-8s %2d threads  %9.1f ms/frame (fastest %.1f, %d runs)", preset,
                windowPx, ngf, batchSize, device, threads, 1e3 * medianSecondsPerFrame, 1e3 * minSecondsPerFrame,
                timedRuns);
    }
}
