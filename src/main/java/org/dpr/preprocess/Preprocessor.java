package org.dpr.preprocess;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.dpr.io.DiffractionFrame;

/**
 * A pipeline of {@link PreprocessStep}s applied in order to each frame, the measured-data
 * preparation of the paper's §2.3 and §4.6 (background subtraction, masking, Friedel fill, binning,
 * centring, crop to the model's window) plus geometry matching:
 *
 * <pre>{@code
 * Preprocessor p = Preprocessor.of(
 *         SaturationMask.atOrAbove(65000),
 *         Centring.auto(),
 *         FriedelFill.withDefaults(),
 *         GeometryFit.to(Geometry.SMALL));
 * PreprocessResult r = p.apply(frame);     // r.frame(): 128×128, centred; r.log(): what each step did
 * }</pre>
 *
 * <p>Immutable and thread-safe (every step is). An empty pipeline returns frames unchanged.
 */
public final class Preprocessor {

    private static final Preprocessor EMPTY = new Preprocessor(List.of());

    private final List<PreprocessStep> steps;

    private Preprocessor(List<PreprocessStep> steps) {
        this.steps = List.copyOf(steps);
    }

    /** The pipeline that does nothing. */
    public static Preprocessor empty() {
        return EMPTY;
    }

    public static Preprocessor of(PreprocessStep... steps) {
        return of(List.of(steps));
    }

    public static Preprocessor of(List<PreprocessStep> steps) {
        steps.forEach(s -> Objects.requireNonNull(s, "step"));
        return new Preprocessor(steps);
    }

    /** This pipeline followed by {@code step}. */
    public Preprocessor then(PreprocessStep step) {
        List<PreprocessStep> more = new ArrayList<>(steps);
        more.add(Objects.requireNonNull(step, "step"));
        return new Preprocessor(more);
    }

    public List<PreprocessStep> steps() {
        return steps;
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /**
     * The size of the frames this pipeline makes from frames of {@code height}×{@code width}.
     *
     * @throws PreprocessException if a step cannot apply to frames of that size (e.g. a binning that
     *                             leaves less than the window)
     */
    public PreprocessStep.FrameSize outputSize(int height, int width) {
        PreprocessStep.FrameSize size = new PreprocessStep.FrameSize(height, width);
        for (PreprocessStep s : steps) {
            size = s.outputSize(size);
        }
        return size;
    }

    /** Runs every step on {@code frame}, in order. */
    public PreprocessResult apply(DiffractionFrame frame) {
        Objects.requireNonNull(frame, "frame");
        DiffractionFrame current = frame;
        PreprocessLog log = PreprocessLog.empty();
        for (PreprocessStep s : steps) {
            PreprocessStep.StepResult r = s.apply(current);
            current = r.frame();
            log = log.then(r.record());
        }
        return new PreprocessResult(current, log);
    }

    /** The recipe, one step per item: {@code saturation(≥ 65000) → centre(auto) → …}. */
    @Override
    public String toString() {
        return steps.isEmpty() ? "none" : steps.stream().map(PreprocessStep::describe).collect(Collectors.joining(" → "));
    }
}
