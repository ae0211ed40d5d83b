package org.dpr.pipeline;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.function.Consumer;
import org.dpr.io.DiffractionFrame;
import org.dpr.io.FrameMetadata;
import org.dpr.metrics.RFactor;
import org.dpr.retrieve.IterativeReconstructor;
import org.dpr.retrieve.Reconstruction;

/** A conventional algorithm (ER, HIO, RAAR, GPS) as a {@link ReconstructionMethod}. */
public final class IterativeMethod implements ReconstructionMethod {
    private final String name;
    private final IterativeReconstructor reconstructor;

    public IterativeMethod(String name, IterativeReconstructor reconstructor) {
        this.name = name;
        this.reconstructor = reconstructor;
    }

    public IterativeReconstructor reconstructor() {
        return reconstructor;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String parametersJson() {
        JsonObject json = new JsonObject();
        json.addProperty("algorithm", reconstructor.algorithm().cliName());
        json.addProperty("iterations", reconstructor.iterations());
        json.addProperty("starts", reconstructor.starts());
        json.addProperty("seed", reconstructor.seed());
        json.addProperty("initial_support", reconstructor.initialSupport().toString());
        json.addProperty("selection", reconstructor.selection().toString());
        json.addProperty("recipe", reconstructor.recipe().toString());
        return json.toString();
    }

    @Override
    public void reconstruct(List<DiffractionFrame> frames, Consumer<ObjectEstimate> sink) {
        try (NDManager manager = NDManager.newBaseManager()) {
            int[] next = {0};
            reconstructor.reconstruct(manager, frames, (Reconstruction r) -> {
                DiffractionFrame frame = frames.get(next[0]++);
                long index = (long) frame.metadata().number(FrameMetadata.FRAME_INDEX).orElse(next[0] - 1);
                // R_F of the image we return (the n×n box), not of the whole-window iterate the engine ranks starts by
                double rf = RFactor.withDefaults().compute(r.object(), frame);
                sink.accept(new ObjectEstimate(index, name, r.objectBoxPx(), r.object(), rf, r.seconds(), r.recipe()));
            });
        }
    }
}
