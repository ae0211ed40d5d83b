package org.dpr.pipeline;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.dpr.Geometry;
import org.dpr.io.DiffractionFrame;
import org.dpr.io.FrameMetadata;
import org.dpr.metrics.RFactor;
import org.dpr.nn.DprModel;
import org.dpr.nn.DprPrediction;
import org.dpr.nn.DprPredictor;
import org.dpr.retrieve.Reconstruction;
import org.dpr.retrieve.Refinement;

/**
 * DPR (one forward pass of the network) and DPR+R (DPR, then 50 GPS-R iterations started from its
 * output, paper §4.5) as {@link ReconstructionMethod}s. The frames must already be in the model's
 * geometry (N×N, centred); {@code dpr preprocess} brings measured data there.
 */
public final class DprMethod implements ReconstructionMethod {
    /** Whether to refine the network's output with the iterative engine. */
    public enum Mode {
        /** The network alone. */
        DPR("dpr"),
        /** The network, then GPS-R refinement (paper §4.5). */
        DPR_REFINED("dpr+r");

        private final String cliName;

        Mode(String cliName) {
            this.cliName = cliName;
        }

        public String cliName() {
            return cliName;
        }
    }

    private final DprModel model;
    private final String modelName;
    private final Mode mode;
    private final Refinement refinement;

    private DprMethod(DprModel model, String modelName, Mode mode, Refinement refinement) {
        this.model = model;
        this.modelName = modelName;
        this.mode = mode;
        this.refinement = refinement;
    }

    /** DPR with {@code model} (loaded from {@code modelName}, for provenance). */
    public static DprMethod of(DprModel model, String modelName, Mode mode) {
        return new DprMethod(model, modelName, mode, Refinement.withDefaults());
    }

    public DprMethod withRefinement(Refinement newRefinement) {
        return new DprMethod(model, modelName, mode, newRefinement);
    }

    @Override
    public String name() {
        return mode.cliName();
    }

    @Override
    public String parametersJson() {
        JsonObject json = new JsonObject();
        json.addProperty("model", modelName);
        json.addProperty("network", model.config().describe());
        json.addProperty("parameters", model.summary().totalParameters());
        if (mode == Mode.DPR_REFINED) {
            json.addProperty("refinement", refinement.recipe().toString());
        }
        return json.toString();
    }

    @Override
    public void reconstruct(List<DiffractionFrame> frames, Consumer<ObjectEstimate> sink) {
        Geometry geometry = model.config().geometry();
        List<float[]> intensities = new ArrayList<>(frames.size());
        List<byte[]> masks = new ArrayList<>(frames.size());
        for (DiffractionFrame f : frames) {
            if (f.height() != geometry.windowPx() || f.width() != geometry.windowPx()) {
                throw new org.dpr.DprException("the model " + modelName + " expects " + geometry.windowPx() + "×"
                        + geometry.windowPx() + " patterns but frame " + indexOf(f, 0) + " is " + f.height() + "×" + f.width()
                        + "; bring the data to the model's window with 'dpr preprocess' (crop/bin/--fit-geometry)");
            }
            intensities.add(f.intensity());
            masks.add(f.mask());
        }
        DprPredictor predictor = model.newPredictor();
        DprPrediction prediction = predictor.predict(intensities, masks);
        int n = prediction.objectBoxPx();
        if (mode == Mode.DPR) {
            for (int k = 0; k < frames.size(); k++) {
                float[] object = prediction.objects().get(k);
                double rf = RFactor.withDefaults().compute(object, frames.get(k));
                sink.accept(new ObjectEstimate(indexOf(frames.get(k), k), name(), n, object, rf,
                        prediction.secondsPerFrame(), "DPR(" + modelName + ")"));
            }
            return;
        }
        long started = System.nanoTime();
        List<Reconstruction> refined;
        try (NDManager manager = NDManager.newBaseManager()) {
            refined = refinement.refine(manager, frames, prediction.objects());
        }
        double refineSeconds = (System.nanoTime() - started) * 1e-9 / frames.size();
        for (int k = 0; k < frames.size(); k++) {
            Reconstruction r = refined.get(k);
            sink.accept(new ObjectEstimate(indexOf(frames.get(k), k), name(), r.objectBoxPx(), r.object(), RFactor.withDefaults().compute(r.object(), frames.get(k)),
                    prediction.secondsPerFrame() + refineSeconds, "DPR(" + modelName + ") then " + r.recipe()));
        }
    }

    private static long indexOf(DiffractionFrame frame, int position) {
        return (long) frame.metadata().number(FrameMetadata.FRAME_INDEX).orElse(position);
    }
}
