package org.dpr.evaluate;

import java.util.List;
import java.util.function.Consumer;
import org.dpr.io.DiffractionFrame;
import org.dpr.pipeline.ObjectEstimate;
import org.dpr.pipeline.ReconstructionMethod;

/** A method under another name, so that two variants of one kind (two DPR models) can sit in one evaluation. */
record LabelledMethod(String label, ReconstructionMethod method) implements ReconstructionMethod {

    @Override
    public String name() {
        return label;
    }

    @Override
    public String parametersJson() {
        return method.parametersJson();
    }

    @Override
    public void reconstruct(List<DiffractionFrame> frames, Consumer<ObjectEstimate> sink) {
        method.reconstruct(frames, sink);
    }
}
