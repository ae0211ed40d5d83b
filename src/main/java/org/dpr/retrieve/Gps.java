package org.dpr.retrieve;

/**
 * Generalized proximal smoothing (Pham, Yin, Rana, Osher &amp; Miao, Opt. Express 27, 2792 (2019)),
 * one iteration; the update rules are in {@link GpsStep}. Two variants ({@link Smoothing}):
 * <ul>
 *   <li>GPS-R (default, the paper's, §4.5): the dual variable is smoothed in real space, by a
 *       Gaussian low-pass of its spectrum, G(q) = exp(−q²/(2(α/√s)²)), q the distance from zero
 *       frequency in pixels, normalised to 1 at q = 0;</li>
 *   <li>GPS-F: the dual is smoothed in Fourier space, by a Gaussian weight in real space,
 *       W(r) = exp(−r²/(2(2πα/√s)²)) about the window centre, the width as in the DPR authors' code.</li>
 * </ul>
 *
 * <p>Defaults, paper §4.5 for 1000 iterations: t = 1, s = 0.9, σ = 0.01, ×10 at 40 % and at 70 % of
 * the run; α from 2·N (1024 at N = 512) decreasing linearly by 10 % of that every 10 % of the run.
 * The schedules are laid over {@link #scheduleLength()} iterations and read the state's iteration
 * count, so a recipe that starts with GPS follows them exactly ({@link Algorithms} sets the length to
 * the run's). {@link #refinementDefaults()} are the DPR+R values.
 */
public final class Gps implements ScheduledOperator {
    /** Where the dual variable is smoothed. */
    public enum Smoothing {
        /** GPS-R: a Gaussian low-pass of the real-space dual (the paper's variant). */
        REAL_SPACE("GPS-R"),
        /** GPS-F: a Gaussian weight on the dual in real space, i.e. smoothing of its spectrum. */
        FOURIER_SPACE("GPS-F");

        private final String label;

        Smoothing(String label) {
            this.label = label;
        }

        /** "GPS-R" or "GPS-F". */
        public String label() {
            return label;
        }
    }

    private static final Gps DEFAULT = new Gps(GpsParameters.PAPER, Smoothing.REAL_SPACE);
    private static final Gps REFINEMENT = new Gps(GpsParameters.REFINEMENT, Smoothing.REAL_SPACE);

    private final GpsParameters parameters;
    private final Smoothing smoothing;

    private Gps(GpsParameters parameters, Smoothing smoothing) {
        this.parameters = parameters;
        this.smoothing = smoothing;
    }

    /** GPS-R with the paper's parameters for a 1000-iteration run (§4.5). */
    public static Gps withDefaults() {
        return DEFAULT;
    }

    /**
     * The paper's DPR+R refinement (§4.5): 50 iterations, t = 1, s = 0.9, σ 0.1 → 1 at 40 %, α from
     * 2·N down 20 % every 10 iterations.
     */
    public static Gps refinementDefaults() {
        return REFINEMENT;
    }

    /** t, the primal (Fourier-space) step; must be positive. */
    public Gps withPrimalStep(double t) {
        return new Gps(parameters.withPrimalStep(t), smoothing);
    }

    /** s, the dual (real-space) step; must be positive. */
    public Gps withDualStep(double s) {
        return new Gps(parameters.withDualStep(s), smoothing);
    }

    /** σ, the relaxation of the amplitude constraint, over the run; values ≥ 0. */
    public Gps withSigmaSchedule(StepSchedule sigma) {
        return new Gps(parameters.withSigma(sigma), smoothing);
    }

    /** α₀ = factor · min(H, W), the starting smoothing width (2 in the paper). */
    public Gps withAlphaStartFactor(double factor) {
        return new Gps(parameters.withAlphaStartFactor(factor), smoothing);
    }

    /** The number of equal stages in which α decreases linearly from α₀ (10 in the paper's run, 5 in DPR+R). */
    public Gps withAlphaStages(int stages) {
        return new Gps(parameters.withAlphaStages(stages), smoothing);
    }

    /** The run length (iterations) the σ and α schedules are laid over. */
    @Override
    public Gps withScheduleLength(int iterations) {
        return new Gps(parameters.withScheduleLength(iterations), smoothing);
    }

    /** The same parameters with the dual smoothed as {@code newSmoothing} says (GPS-R or GPS-F). */
    public Gps withSmoothing(Smoothing newSmoothing) {
        return new Gps(parameters, java.util.Objects.requireNonNull(newSmoothing, "smoothing"));
    }

    public Smoothing smoothing() {
        return smoothing;
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
        return GpsStep.apply(state, parameters, smoothing);
    }

    @Override
    public String toString() {
        return parameters.describe(smoothing.label());
    }
}
