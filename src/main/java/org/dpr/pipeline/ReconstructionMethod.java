package org.dpr.pipeline;

import java.util.List;
import java.util.function.Consumer;
import org.dpr.io.DiffractionFrame;

/**
 * One interface for every way dpr turns patterns into objects: the iterative algorithms, DPR and
 * DPR with refinement. Implementations batch internally and hand results to the sink in frame
 * order.
 */
public interface ReconstructionMethod {

    /** Short name used on the command line and in reports: er, hio, raar, gps, dpr, dpr+r. */
    String name();

    /** The settings, as provenance (JSON object text). */
    String parametersJson();

    /** Reconstructs {@code frames} in order. */
    void reconstruct(List<DiffractionFrame> frames, Consumer<ObjectEstimate> sink);
}
