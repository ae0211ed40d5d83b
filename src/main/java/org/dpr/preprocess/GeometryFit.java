package org.dpr.preprocess;

import java.util.Locale;
import java.util.Objects;
import org.dpr.Geometry;
import org.dpr.io.DiffractionFrame;
import org.dpr.io.FrameMetadata;

/**
 * Brings a centred pattern to a model's geometry (DESIGN.md, "Measured data"): a model expects the
 * object within an n×n box of an N×N window (linear oversampling N/n = 8 for dpr's models), and, having
 * been trained on the simulator's objects, at about their size: the object is brought to span
 * e = {@link Geometry#trainedObjectExtentPx()} (5/8 of the box; {@link #withObjectExtentPx} to choose,
 * n to fill the box), i.e. to the oversampling σₘ = N/e. The pattern's own σ is estimated
 * ({@link OversamplingEstimator}), then
 * <ul>
 *   <li>σ ≥ σₘ (more oversampled than needed — an object spanning a sixth of the window is common):
 *       {@link Binning} by the integer K nearest σ/σₘ, one less when that would leave the object
 *       more than {@link #withTolerance tolerance} larger than e; σ → σ/K;</li>
 *   <li>σ &lt; σₘ: band-limited {@link Interpolation} onto a grid finer by u = σₘ/σ (zero-padding
 *       the autocorrelation; valid because measured intensities are sampled above Nyquist); σ → σₘ;</li>
 * </ul>
 * then the centred N×N window is cut ({@link Window}; cropping keeps σ and lowers the resolution).
 * The result is checked by estimating σ again on the N×N frame. The record reports σ per axis, the
 * object's estimated size, the factor, σ after, and the real-space pixel of the result in units of
 * the input's (per axis: H/(N·K) when binning, H'/N when interpolating to H'), and in metres when
 * the frame's metadata gives wavelength, distance and pixel size.
 *
 * <p>Warnings: σ below 2 (the pattern is not oversampled: phase retrieval is impossible), an
 * interpolation by more than 2 (the pattern is much coarser than the model; the real-space
 * resolution is the pattern's own), an object spanning less than 1/1.3 of e after the fit
 * (resolution given away), and a check estimate that disagrees with the prediction (below 0.7× or
 * above 1.5×; at the model's resolution a 16-px object's edge blurs by a pixel or two, so the
 * check reads up to ≈ 20 % low). An estimate without signal above the noise fails with a {@link PreprocessException}.
 *
 * <p>Defaults: object extent {@link Geometry#trainedObjectExtentPx()}, tolerance 0 (the estimated
 * object never exceeds it), partial bins missing, {@link OversamplingEstimator#withDefaults()}.
 */
public final class GeometryFit implements PreprocessStep {

    /** Metadata key: the estimated oversampling of the input. */
    public static final String OVERSAMPLING_ESTIMATE = "oversampling_estimate";
    /** Metadata key: the oversampling after the fit (predicted). */
    public static final String OVERSAMPLING_FITTED = "oversampling_fitted";
    /** Metadata key: the resampling factor (K for binning, 1/u for interpolation). */
    public static final String RESAMPLE_FACTOR = "resample_factor";

    private final Geometry geometry;
    private final double objectExtentPx;
    private final double tolerance;
    private final Binning.PartialBins partial;
    private final OversamplingEstimator estimator;

    private GeometryFit(Geometry geometry, double objectExtentPx, double tolerance, Binning.PartialBins partial,
                        OversamplingEstimator estimator) {
        this.geometry = geometry;
        this.objectExtentPx = objectExtentPx;
        this.tolerance = tolerance;
        this.partial = partial;
        this.estimator = estimator;
    }

    /** Fits frames to {@code geometry} (e.g. {@link Geometry#SMALL}, the shipped model's 128/16). */
    public static GeometryFit to(Geometry geometry) {
        return new GeometryFit(Objects.requireNonNull(geometry, "geometry"), geometry.trainedObjectExtentPx(), 0,
                Binning.PartialBins.MISSING, OversamplingEstimator.withDefaults());
    }

    /**
     * The size the object is brought to, in pixels of the N×N window, between 2 and the box n
     * (default {@link Geometry#trainedObjectExtentPx()}; n fills the box, the finest real-space
     * pixel a model's box allows).
     */
    public GeometryFit withObjectExtentPx(double px) {
        if (!(px >= 2 && px <= geometry.objectBoxPx())) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the object's size after the fit must be between 2 and the %d-px box, got %s px", geometry.objectBoxPx(), px));
        }
        return new GeometryFit(geometry, px, tolerance, partial, estimator);
    }

    public double objectExtentPx() {
        return objectExtentPx;
    }

    /** σₘ = N / e, the oversampling the fit aims at. */
    double targetOversampling() {
        return geometry.windowPx() / objectExtentPx;
    }

    /**
     * How much larger than the aimed-at size (fraction) an estimated object may come out of binning, in
     * [0, 0.5): a larger tolerance uses more of the box (finer real-space pixels) at the risk of an
     * object that does not fit. Default 0.
     */
    public GeometryFit withTolerance(double fraction) {
        if (!(fraction >= 0 && fraction < 0.5)) {
            throw new IllegalArgumentException("tolerance must be in [0, 0.5), got " + fraction);
        }
        return new GeometryFit(geometry, objectExtentPx, fraction, partial, estimator);
    }

    public GeometryFit with(Binning.PartialBins policy) {
        return new GeometryFit(geometry, objectExtentPx, tolerance, Objects.requireNonNull(policy, "policy"), estimator);
    }

    public GeometryFit with(OversamplingEstimator newEstimator) {
        return new GeometryFit(geometry, objectExtentPx, tolerance, partial, Objects.requireNonNull(newEstimator, "estimator"));
    }

    public Geometry geometry() {
        return geometry;
    }

    @Override
    public String name() {
        return "fit-geometry";
    }

    @Override
    public String describe() {
        return "fit-geometry(N=" + geometry.windowPx() + ", n=" + geometry.objectBoxPx() + ", object " + Frames.fmt(objectExtentPx)
                + " px, σ=" + Frames.fmt(targetOversampling()) + ")";
    }

    @Override
    public FrameSize outputSize(FrameSize size) {
        return new FrameSize(geometry.windowPx(), geometry.windowPx());
    }

    /** The binning factor for an oversampling σ: the integer nearest σ/σₘ, one less when that leaves σ/K below σₘ·(1 − tolerance). */
    int binningFactor(double sigma) {
        double target = targetOversampling();
        int k = Math.max(1, (int) Math.round(sigma / target));
        while (k > 1 && sigma / k < target * (1 - tolerance)) {
            k--;
        }
        return k;
    }

    @Override
    public StepResult apply(DiffractionFrame input) {
        DiffractionFrame frame = Frames.even(input);
        int h = frame.height();
        int w = frame.width();
        int n = geometry.windowPx();
        double target = targetOversampling();
        OversamplingEstimate e = estimator.estimate(frame);
        if (!e.reliable()) {
            throw new PreprocessException(String.format(Locale.ROOT, "cannot estimate the oversampling of this %d×%d frame: the"
                    + " autocorrelation has no edge above the noise (signal/noise %.2f; too few photons, or not centred?);"
                    + " give --bin K and --window N instead of --fit-geometry", h, w, e.signalToNoise()));
        }
        double sigma = e.sigma();
        DiffractionFrame resampled;
        String action;
        double factor;
        double sigmaAfter;
        double scaleRows;
        double scaleCols;
        StepRecord sub;
        if (sigma >= target) {
            int k = binningFactor(sigma);
            Binning binning = Binning.by(k).with(partial).withMinimumOutputPx(n);
            FrameSize binned;
            try {
                binned = binning.outputSize(FrameSize.of(frame));
            } catch (PreprocessException ex) {
                throw new PreprocessException(String.format(Locale.ROOT, "the pattern's oversampling %.1f needs binning by %d, which"
                        + " leaves less than the %d×%d window: %s", sigma, k, n, n, ex.getMessage()));
            }
            StepResult r = binning.apply(frame);
            resampled = r.frame();
            sub = r.record();
            factor = k;
            sigmaAfter = sigma / k;
            action = k == 1 ? "kept the sampling" : "binned by " + k + " to " + binned;
            scaleRows = h / (double) (n * k);
            scaleCols = w / (double) (n * k);
        } else {
            double u = target / sigma;
            int outH = 2 * (int) Math.round(h * u / 2);
            int outW = 2 * (int) Math.round(w * u / 2);
            resampled = Interpolation.resample(frame, outH, outW, Math.max(1, sigma));
            sub = null;
            factor = (double) h / outH;
            sigmaAfter = Math.min(e.sigmaRows() * outH / h, e.sigmaCols() * outW / w);
            action = String.format(Locale.ROOT, "interpolated ×%.3f to %d×%d", outH / (double) h, outH, outW);
            scaleRows = outH / (double) n;
            scaleCols = outW / (double) n;
        }
        StepResult windowed = Window.of(n).apply(resampled);
        DiffractionFrame out = windowed.frame();
        OversamplingEstimate check = estimator.estimate(out);
        StepRecord record = StepRecord.of(name(), String.format(Locale.ROOT,
                        "oversampling %.2f (rows %.2f, columns %.2f; object ≈ %d×%d px of %d×%d): %s, %s → oversampling %.2f"
                                + " (check %.2f), object ≈ %.1f px (aimed at %.1f, box %d of %d); real-space pixel ×%.3g",
                        sigma, e.sigmaRows(), e.sigmaCols(), e.objectHeightPx(), e.objectWidthPx(), h, w, action,
                        windowed.record().summary(), sigmaAfter, check.sigma(), n / sigmaAfter, objectExtentPx,
                        geometry.objectBoxPx(), n,
                        Math.max(scaleRows, scaleCols)))
                .with("oversampling", sigma)
                .with("oversampling_rows", e.sigmaRows())
                .with("oversampling_cols", e.sigmaCols())
                .with("object_height_px", e.objectHeightPx())
                .with("object_width_px", e.objectWidthPx())
                .with("signal_to_noise", e.signalToNoise())
                .with("action", sigma >= target ? "bin" : "interpolate")
                .with("resample_factor", factor)
                .with("oversampling_after", sigmaAfter)
                .with("oversampling_check", check.sigma())
                .with("object_extent_after_px", n / sigmaAfter)
                .with("object_extent_target_px", objectExtentPx)
                .with("real_pixel_scale_rows", scaleRows)
                .with("real_pixel_scale_cols", scaleCols)
                .with("window_px", n);
        if (sub != null) {
            record = record.with("missing_bins", sub.number("missing_bins"));
        }
        FrameMetadata m = out.metadata();
        double realPixel = realPixelMetres(m, n);
        if (!Double.isNaN(realPixel)) {
            record = record.with("real_pixel_m", realPixel);
        }
        if (sigma < 2) {
            record = record.withWarning(String.format(Locale.ROOT,
                    "oversampling %.2f is below 2: the pattern does not determine its phases", sigma));
        }
        if (sigma < target / 2) {
            record = record.withWarning(String.format(Locale.ROOT, "the pattern is %.1f× coarser than the model expects:"
                    + " interpolation adds no information; the image has the pattern's own resolution", target / sigma));
        }
        if (sigmaAfter > target * 1.3) {
            record = record.withWarning(String.format(Locale.ROOT,
                    "the object spans only %.1f px of the %.1f aimed at (oversampling %.1f after binning): resolution is given away",
                    n / sigmaAfter, objectExtentPx, sigmaAfter));
        }
        if (check.reliable() && (check.sigma() < 0.7 * sigmaAfter || check.sigma() > 1.5 * sigmaAfter)) {
            double missingFraction = Frames.missing(out.mask()) / (double) out.mask().length;
            record = record.withWarning(String.format(Locale.ROOT,
                    "the fitted pattern measures oversampling %.2f, not the %.2f predicted: check the result%s", check.sigma(), sigmaAfter,
                    missingFraction > 0.1 ? String.format(Locale.ROOT, " (%.0f %% of the window is missing, which blurs the"
                            + " autocorrelation the check reads; the estimate on the full frame is the one used)", 100 * missingFraction) : ""));
        }
        m = m.with(OVERSAMPLING_ESTIMATE, sigma).with(OVERSAMPLING_FITTED, sigmaAfter).with(RESAMPLE_FACTOR, factor);
        return new StepResult(out.withMetadata(m), record);
    }

    /** λ·z / (N·p) when the metadata gives wavelength (or photon energy), distance and pixel size; else NaN. */
    static double realPixelMetres(FrameMetadata m, int n) {
        double wavelength = m.number(FrameMetadata.WAVELENGTH_M).orElse(m.number(FrameMetadata.PHOTON_ENERGY_EV).isPresent()
                ? 1.239841984e-6 / m.number(FrameMetadata.PHOTON_ENERGY_EV).getAsDouble() : Double.NaN);
        double distance = m.number(FrameMetadata.DETECTOR_DISTANCE_M).orElse(Double.NaN);
        double pixel = m.number(FrameMetadata.PIXEL_SIZE_M).orElse(Double.NaN);
        return wavelength * distance / (n * pixel);
    }
}
