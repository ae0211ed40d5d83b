package org.dpr.simulate;

import java.util.Objects;
import org.dpr.Geometry;

/**
 * Every setting of the diffraction simulator (paper §4.2, DESIGN.md "Diffraction model"), an
 * immutable value in the manner of Commons Statistics: {@link #withDefaults()} holds the paper's
 * values, each {@code with…} returns a new configuration and rejects bad values with an
 * {@link IllegalArgumentException}.
 *
 * <p>Defaults (the paper's):
 * <ul>
 *   <li>geometry N = 512, n = 64 ({@link Geometry#PAPER}); seed 0;</li>
 *   <li>flux: a total of 10^6–10^7 photons, uniform in linear scale, per noise-free pattern (§4.2);</li>
 *   <li>coherence length σ_μ = 200 px ± 10 % (uniform), Gaussian Schell model, eq. 3;</li>
 *   <li>noise: Poisson then additive Gaussian with σ = 1/2.35482 photons (FWHM one photon), eq. 4;</li>
 *   <li>masks: irregular strokes (occlusion ≤ 50 %) + a random centre beamstop ({@link MaskRecipe#paper()});</li>
 *   <li>objects: procedural strokes × 1/f^β textures ({@link StrokeShapes}, {@link RandomFieldDensities});</li>
 *   <li>scaling {@link WindowScaling#PAPER_WINDOW}: the lengths and photon totals above are for N = 512
 *       and are scaled by N/512 and (N/512)² for another window — at N = 128: σ_μ = 50 px,
 *       6.25·10^4–6.25·10^5 photons, beamstop half-sizes 2–8 px;</li>
 *   <li>masked pixels hold zero photons ({@link MaskedPixels#ZERO}).</li>
 * </ul>
 */
public final class SimulationConfig {
    private static final SimulationConfig DEFAULT = new SimulationConfig(Geometry.PAPER, 0L, 1e6, 1e7, 200, 0.1,
            Noise.POISSON_GAUSSIAN, PhotonNoise.PAPER_SIGMA_PHOTONS, MaskRecipe.paper(), StrokeShapes.withDefaults(),
            RandomFieldDensities.withDefaults(), WindowScaling.PAPER_WINDOW, MaskedPixels.ZERO);

    private final Geometry geometry;
    private final long seed;
    private final double fluxMinPhotons;
    private final double fluxMaxPhotons;
    private final double coherenceLengthPx;
    private final double coherenceDeviation;
    private final Noise noise;
    private final double gaussianSigmaPhotons;
    private final MaskRecipe masks;
    private final ShapeSource shapes;
    private final DensitySource densities;
    private final WindowScaling scaling;
    private final MaskedPixels maskedPixels;

    private SimulationConfig(Geometry geometry, long seed, double fluxMinPhotons, double fluxMaxPhotons,
                             double coherenceLengthPx, double coherenceDeviation, Noise noise,
                             double gaussianSigmaPhotons, MaskRecipe masks, ShapeSource shapes,
                             DensitySource densities, WindowScaling scaling, MaskedPixels maskedPixels) {
        this.geometry = geometry;
        this.seed = seed;
        this.fluxMinPhotons = fluxMinPhotons;
        this.fluxMaxPhotons = fluxMaxPhotons;
        this.coherenceLengthPx = coherenceLengthPx;
        this.coherenceDeviation = coherenceDeviation;
        this.noise = noise;
        this.gaussianSigmaPhotons = gaussianSigmaPhotons;
        this.masks = masks;
        this.shapes = shapes;
        this.densities = densities;
        this.scaling = scaling;
        this.maskedPixels = maskedPixels;
    }

    /** The paper's configuration (see the class comment). */
    public static SimulationConfig withDefaults() {
        return DEFAULT;
    }

    /** The window N and object box n; any N that is a multiple of 8 with n = N/8 ({@link Geometry#ofWindow}). */
    public SimulationConfig withGeometry(Geometry newGeometry) {
        return new SimulationConfig(Objects.requireNonNull(newGeometry, "geometry"), seed, fluxMinPhotons,
                fluxMaxPhotons, coherenceLengthPx, coherenceDeviation, noise, gaussianSigmaPhotons, masks, shapes,
                densities, scaling, maskedPixels);
    }

    /** The window N (a positive multiple of 8) with the network's object box n = N/8. */
    public SimulationConfig withWindowPx(int windowPx) {
        return withGeometry(Geometry.ofWindow(windowPx));
    }

    /** The run's seed: frame k depends only on (seed, k) and the other settings. */
    public SimulationConfig withSeed(long newSeed) {
        return new SimulationConfig(geometry, newSeed, fluxMinPhotons, fluxMaxPhotons, coherenceLengthPx,
                coherenceDeviation, noise, gaussianSigmaPhotons, masks, shapes, densities, scaling, maskedPixels);
    }

    /**
     * Total photons of each noise-free pattern, drawn uniformly in [min, max] (paper: 10^6–10^7 at
     * N = 512; scaled by (N/512)² unless the scaling is {@link WindowScaling#ABSOLUTE}).
     */
    public SimulationConfig withFluxPhotons(double min, double max) {
        if (!(min > 0) || !(max >= min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("flux needs 0 < min ≤ max < ∞ photons, got " + min + ", " + max);
        }
        return new SimulationConfig(geometry, seed, min, max, coherenceLengthPx, coherenceDeviation, noise,
                gaussianSigmaPhotons, masks, shapes, densities, scaling, maskedPixels);
    }

    /**
     * Coherence length σ_μ of eq. 3 in pixels (paper: 200 at N = 512, scaled by N/512 unless
     * absolute); {@code Double.POSITIVE_INFINITY} simulates fully coherent light.
     */
    public SimulationConfig withCoherenceLengthPx(double lengthPx) {
        if (!(lengthPx > 0)) {
            throw new IllegalArgumentException("coherence length must be positive (or infinite), got " + lengthPx);
        }
        return new SimulationConfig(geometry, seed, fluxMinPhotons, fluxMaxPhotons, lengthPx, coherenceDeviation,
                noise, gaussianSigmaPhotons, masks, shapes, densities, scaling, maskedPixels);
    }

    /** Relative random deviation of σ_μ: each frame draws σ_μ·(1 + d·U(−1, 1)) (paper: d = 0.1). */
    public SimulationConfig withCoherenceDeviation(double fraction) {
        if (!(fraction >= 0) || !(fraction < 1)) {
            throw new IllegalArgumentException("coherence deviation must be in [0, 1), got " + fraction);
        }
        return new SimulationConfig(geometry, seed, fluxMinPhotons, fluxMaxPhotons, coherenceLengthPx, fraction,
                noise, gaussianSigmaPhotons, masks, shapes, densities, scaling, maskedPixels);
    }

    /** The noise model (eq. 4 by default). */
    public SimulationConfig withNoise(Noise newNoise) {
        return new SimulationConfig(geometry, seed, fluxMinPhotons, fluxMaxPhotons, coherenceLengthPx,
                coherenceDeviation, Objects.requireNonNull(newNoise, "noise"), gaussianSigmaPhotons, masks, shapes,
                densities, scaling, maskedPixels);
    }

    /** σ of the additive Gaussian of eq. 4 in photons (paper: 1/2.35482, a FWHM of one photon). */
    public SimulationConfig withGaussianSigmaPhotons(double sigma) {
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("Gaussian σ must be finite and ≥ 0, got " + sigma);
        }
        return new SimulationConfig(geometry, seed, fluxMinPhotons, fluxMaxPhotons, coherenceLengthPx,
                coherenceDeviation, noise, sigma, masks, shapes, densities, scaling, maskedPixels);
    }

    /** Which missing-data regions each frame gets. */
    public SimulationConfig withMasks(MaskRecipe recipe) {
        return new SimulationConfig(geometry, seed, fluxMinPhotons, fluxMaxPhotons, coherenceLengthPx,
                coherenceDeviation, noise, gaussianSigmaPhotons, Objects.requireNonNull(recipe, "masks"), shapes,
                densities, scaling, maskedPixels);
    }

    /** Where object shapes come from (procedural strokes, or {@link EmnistShapes#read}). */
    public SimulationConfig withShapes(ShapeSource source) {
        return new SimulationConfig(geometry, seed, fluxMinPhotons, fluxMaxPhotons, coherenceLengthPx,
                coherenceDeviation, noise, gaussianSigmaPhotons, masks, Objects.requireNonNull(source, "shapes"),
                densities, scaling, maskedPixels);
    }

    /** Where object densities come from (procedural fields, or {@link CifarDensities#read}). */
    public SimulationConfig withDensities(DensitySource source) {
        return new SimulationConfig(geometry, seed, fluxMinPhotons, fluxMaxPhotons, coherenceLengthPx,
                coherenceDeviation, noise, gaussianSigmaPhotons, masks, shapes,
                Objects.requireNonNull(source, "densities"), scaling, maskedPixels);
    }

    /** Whether lengths and photon totals are the paper's N = 512 values (scaled) or absolute. */
    public SimulationConfig withScaling(WindowScaling newScaling) {
        return new SimulationConfig(geometry, seed, fluxMinPhotons, fluxMaxPhotons, coherenceLengthPx,
                coherenceDeviation, noise, gaussianSigmaPhotons, masks, shapes, densities,
                Objects.requireNonNull(newScaling, "scaling"), maskedPixels);
    }

    /** What the frame holds at masked pixels. */
    public SimulationConfig withMaskedPixels(MaskedPixels values) {
        return new SimulationConfig(geometry, seed, fluxMinPhotons, fluxMaxPhotons, coherenceLengthPx,
                coherenceDeviation, noise, gaussianSigmaPhotons, masks, shapes, densities, scaling,
                Objects.requireNonNull(values, "maskedPixels"));
    }

    public Geometry geometry() {
        return geometry;
    }

    public long seed() {
        return seed;
    }

    /** The configured flux range (before window scaling). */
    public double fluxMinPhotons() {
        return fluxMinPhotons;
    }

    public double fluxMaxPhotons() {
        return fluxMaxPhotons;
    }

    /** The configured σ_μ (before window scaling). */
    public double coherenceLengthPx() {
        return coherenceLengthPx;
    }

    public double coherenceDeviation() {
        return coherenceDeviation;
    }

    public Noise noise() {
        return noise;
    }

    public double gaussianSigmaPhotons() {
        return gaussianSigmaPhotons;
    }

    public MaskRecipe masks() {
        return masks;
    }

    public ShapeSource shapes() {
        return shapes;
    }

    public DensitySource densities() {
        return densities;
    }

    public WindowScaling scaling() {
        return scaling;
    }

    public MaskedPixels maskedPixels() {
        return maskedPixels;
    }

    /** Factor from configured lengths to this window's pixels (N/512, or 1 when absolute). */
    public double lengthScale() {
        return scaling.lengthScale(geometry);
    }

    /** Smallest total photons of a frame in this window. */
    public double effectiveFluxMinPhotons() {
        return fluxMinPhotons * scaling.photonScale(geometry);
    }

    /** Largest total photons of a frame in this window. */
    public double effectiveFluxMaxPhotons() {
        return fluxMaxPhotons * scaling.photonScale(geometry);
    }

    /** σ_μ in this window's pixels, before the per-frame deviation. */
    public double effectiveCoherenceLengthPx() {
        return coherenceLengthPx * lengthScale();
    }

    /** Every setting in one line, for provenance (e.g. a CXI attribute). */
    @Override
    public String toString() {
        return "N=" + geometry.windowPx() + " n=" + geometry.objectBoxPx() + " seed=" + seed
                + " flux=" + fluxMinPhotons + "–" + fluxMaxPhotons + " photons"
                + " coherence=" + coherenceLengthPx + " px±" + coherenceDeviation
                + " scaling=" + scaling + " (this window: flux " + effectiveFluxMinPhotons() + "–"
                + effectiveFluxMaxPhotons() + ", σ_μ " + effectiveCoherenceLengthPx() + " px)"
                + " noise=" + noise + (noise == Noise.POISSON_GAUSSIAN ? "(σ=" + gaussianSigmaPhotons + ")" : "")
                + " masks=" + masks + " maskedPixels=" + maskedPixels
                + " shapes=" + shapes.description() + " densities=" + densities.description();
    }
}
