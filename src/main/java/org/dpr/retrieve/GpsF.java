package org.dpr.retrieve;

/**
 * Generalized proximal smoothing (Pham, Yin, Rana, Osher &amp; Miao, Opt. Express 27, 2792 (2019)),
 * one iteration; the update rules are in {@link GpsStep}. GPS-F: the dual is smoothed in Fourier space, by a Gaussian weight in real space,
 * W(r) = exp(−r²/(2(2πα/√s)²)) about the window centre, the width as in the DPR authors' code (the
 * paper does not use this variant).
 *
 * <p>Defaults, paper §4.5 for 1000 iterations: t = 1, s = 0.9, σ = 0.01, ×10 at 40 % and at 70 % of
 * the run; α from 2·N (1024 at N = 512) decreasing linearly by 10 % of that every 10 % of the run.
 * The schedules are laid over {@link #scheduleLength()} iterations and read the state's iteration
 * count, so a recipe that starts with GPS follows them exactly ({@link Algorithms} sets the length to
 * the run's). {@link #refinementDefaults()} are the DPR+R values.
 */
public final class GpsF implements ScheduledOperator {
    private static final GpsF DEFAULT = new GpsF(GpsParameters.PAPER);
    private static final GpsF REFINEMENT = new GpsF(GpsParameters.REFINEMENT);

    private final GpsParameters parameters;

    private GpsF(GpsParameters parameters) {
        this.parameters = parameters;
    }

    /** The paper's GPS parameters for a 1000-iteration run (§4.5). */
    public static GpsF withDefaults() {
        return DEFAULT;
    }

    /**
     * The paper's DPR+R refinement (§4.5): 50 iterations, t = 1, s = 0.9, σ 0.1 → 1 at 40 %, α from
     * 2·N down 20 % every 10 iterations.
     */
    public static GpsF refinementDefaults() {
        return REFINEMENT;
    }

    /** t, the primal (Fourier-space) step; must be positive. */
    public GpsF withPrimalStep(double t) {
        return new GpsF(parameters.withPrimalStep(t));
    }

    /** s, the dual (real-space) step; must be positive. */
    public GpsF withDualStep(double s) {
        return new GpsF(parameters.withDualStep(s));
    }

    /** σ, the relaxation of the amplitude constraint, over the run; values ≥ 0. */
    public GpsF withSigmaSchedule(StepSchedule sigma) {
        return new GpsF(parameters.withSigma(sigma));
    }

    /** α₀ = factor · min(H, W), the starting smoothing width (2 in the paper). */
    public GpsF withAlphaStartFactor(double factor) {
        return new GpsF(parameters.withAlphaStartFactor(factor));
    }

    /** The number of equal stages in which α decreases linearly from α₀ (10 in the paper's run, 5 in DPR+R). */
    public GpsF withAlphaStages(int stages) {
        return new GpsF(parameters.withAlphaStages(stages));
    }

    /** The run length (iterations) the σ and α schedules are laid over. */
    @Override
    public GpsF withScheduleLength(int iterations) {
        return new GpsF(parameters.withScheduleLength(iterations));
    }

    public double primalStep() {
        return parameters.primalStep();
    }

    public double dualStep() {
        return parameters.dualStep();
    }

    public StepSchedule sigmaSchedule() {
        return parameters.sigma();
    }

    public double alphaStartFactor() {
        return parameters.alphaStartFactor();
    }

    public int alphaStages() {
        return parameters.alphaStages();
    }

    public int scheduleLength() {
        return parameters.scheduleLength();
    }

    /** σ at {@code iteration} of the run. */
    public double sigmaAt(int iteration) {
        return parameters.sigmaAt(iteration);
    }

    /** α (pixels) at {@code iteration} of the run, for a window whose shorter side is {@code windowPx}. */
    public double alphaAt(int iteration, int windowPx) {
        return parameters.alphaAt(iteration, windowPx);
    }

    @Override
    public PhasingState apply(PhasingState state) {
        return GpsStep.apply(state, parameters, GpsStep.Variant.FOURIER_SPACE_SMOOTHING);
    }

    @Override
    public String toString() {
        return parameters.describe("GPS-F");
    }
}
