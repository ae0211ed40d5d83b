package org.dpr.simulate;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongConsumer;
import org.dpr.DprException;
import org.dpr.io.CxiWriter;
import org.dpr.io.WriteOptions;

/**
 * Writes a simulated data set to a CXI file (the layout of {@link CxiWriter}: patterns, masks in
 * CXI convention, ground truth, per-frame flux factor, photons, coherence length and seed), with
 * the simulator's configuration and any caller attributes (e.g. the command line) as provenance on
 * {@code /entry_1}. The file appears only when every frame is written: a failure or interruption
 * leaves nothing behind.
 */
public final class SimulationWriter {
    /** Attribute on {@code /entry_1} holding {@link SimulationConfig#toString()}. */
    public static final String CONFIG_ATTRIBUTE = "simulation_config";

    private SimulationWriter() {
    }

    /**
     * Simulates frames {@code first … first + count − 1} on {@code threads} workers and writes them.
     *
     * @param attributes extra string attributes for {@code /entry_1} (provenance)
     * @param progress   called with the number of frames written so far (for a progress bar)
     */
    public static void write(Simulator simulator, Path out, long first, int count, int threads,
                             Map<String, String> attributes, LongConsumer progress) {
        if (count < 1) {
            throw new IllegalArgumentException("need at least one frame, got " + count);
        }
        Map<String, String> attrs = new LinkedHashMap<>(attributes);
        attrs.put(CONFIG_ATTRIBUTE, simulator.config().toString());
        attrs.put("first_frame_index", Long.toString(first));
        CxiWriter writer = CxiWriter.create(out, WriteOptions.withDefaults().withExpectedFrames(count));
        boolean done = false;
        try {
            attrs.forEach(writer::putAttribute);
            long[] written = {0};
            simulator.forEachFrame(first, count, threads, frame -> {
                writer.append(frame);
                progress.accept(++written[0]);
            });
            writer.close();
            done = true;
        } catch (OutOfMemoryError e) {
            throw new DprException("not enough memory to hold " + count + " frames of " + simulator.geometry().windowPx()
                    + "² until the file is written; write fewer frames per file (or raise -Xmx via DPR_JAVA_OPTS)", e);
        } finally {
            if (!done) {
                writer.abort();
            }
        }
    }
}
