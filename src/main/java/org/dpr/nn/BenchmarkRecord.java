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
 * @param meanSecondsPerFrame   mean over the timed runs of (run time / batch size)
 * @param minSecondsPerFrame    the fastest timed run / batch size
 */
public record BenchmarkRecord(String preset, int windowPx, int ngf, EncoderKind encoder, DecoderKind decoder,
        int batchSize, String device, int threads, int timedRuns, double meanSecondsPerFrame,
        double minSecondsPerFrame) {

    public BenchmarkRecord {
        if (batchSize <= 0 || timedRuns <= 0 || !(minSecondsPerFrame >= 0) || !(meanSecondsPerFrame >= minSecondsPerFrame)) {
            throw new IllegalArgumentException("invalid benchmark record: batch " + batchSize + ", runs " + timedRuns
                    + ", mean " + meanSecondsPerFrame + " s, min " + minSecondsPerFrame + " s");
        }
    }

    /** One table row: preset, N, batch, device, mean and fastest ms per frame. */
    public String toRow() {
        return String.format(java.util.Locale.ROOT, "%-7s N %4d  ngf %3d  batch %3d  %-8s %9.1f ms/frame (fastest %.1f)",
                preset, windowPx, ngf, batchSize, device, 1e3 * meanSecondsPerFrame, 1e3 * minSecondsPerFrame);
    }
}
