package org.dpr.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.dpr.DprException;
import org.dpr.Geometry;
import org.dpr.nn.ModelDescriptor;
import org.dpr.preprocess.BackgroundSubtraction;
import org.dpr.preprocess.Binning;
import org.dpr.preprocess.Centring;
import org.dpr.preprocess.FriedelFill;
import org.dpr.preprocess.GeometryFit;
import org.dpr.preprocess.InvalidPixels;
import org.dpr.preprocess.PreprocessException;
import org.dpr.preprocess.PreprocessStep;
import org.dpr.preprocess.Preprocessor;
import org.dpr.preprocess.RectangleMask;
import org.dpr.preprocess.SaturationMask;
import org.dpr.preprocess.Window;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * Measured-data preprocessing options shared by {@code dpr preprocess}, {@code dpr reconstruct} and
 * {@code dpr evaluate}; add with {@code @Mixin PreprocessOptions preprocess;} and wrap the source:
 * {@code PreprocessedSource.wrap(source, preprocess.toPreprocessor(model))}. Without any of these options
 * the pipeline is empty and frames pass unchanged. A detector mask file is the readers' job
 * ({@code --mask-file} of {@link InputOptions}); NaN values are masked by {@code --nan mask}.
 *
 * <p>The steps run in this order: negative values, mask rectangles, saturation, background,
 * centring, Friedel fill, binning, geometry fit or window.
 */
public final class PreprocessOptions {

    /** The window of the shipped model, the default of {@code --fit-geometry}. */
    public static final int DEFAULT_FIT_WINDOW = 128;

    @Option(names = "--background", paramLabel = "PHOTONS|FILE",
            description = "Subtract a constant or a dark frame (any supported file; a stack is averaged), clipped at 0.")
    String background;

    @Option(names = "--saturation", paramLabel = "VALUE",
            description = "Mask pixels ≥ VALUE (detectors saturate on a noisy plateau: use a value a little below the maximum,"
                    + " e.g. 65000 for 16-bit data).")
    Double saturation;

    @Option(names = "--negative", paramLabel = "keep|zero|mask", converter = NegativeConverter.class,
            description = "What to do with negative values: keep them (default; read noise), set them to 0, or mask them.")
    InvalidPixels.NegativePolicy negative;

    @Option(names = "--mask-rect", paramLabel = "ROW0:ROW1,COL0:COL1", converter = RectConverter.class,
            description = "Mask a rectangle of the frame as read (half-open, 0-based; repeatable), e.g. rows stored as zeros"
                    + " but flagged valid.")
    List<RectangleMask.Rect> maskRects = new ArrayList<>();

    @Option(names = "--centre", paramLabel = "auto|ROW,COL",
            description = "Move the pattern's centre to (H/2, W/2): found from its centrosymmetry (auto) or given"
                    + " (default: the frame is taken as centred).")
    String centre;

    @Option(names = "--friedel-fill",
            description = "Fill missing pixels from their centrosymmetric partner where that one is measured (after centring).")
    boolean friedelFill;

    @Option(names = "--bin", paramLabel = "K", description = "Sum K×K blocks about the centre.")
    Integer bin;

    @Option(names = "--bin-partial",
            description = "A bin with missing pixels is kept, its measured part scaled by pixels/measured (default: missing).")
    boolean binPartial;

    @Option(names = "--window", paramLabel = "N",
            description = "Crop or pad to N×N about the centre (missing outside the data); with --fit-geometry the model's window"
                    + " (default " + DEFAULT_FIT_WINDOW + ", the shipped model).")
    Integer window;

    @Option(names = "--fit-geometry",
            description = "Estimate the pattern's oversampling from its autocorrelation and bin or interpolate it so that the object"
                    + " has the size of the model's training objects (--object-px) inside its N/8 box, then crop N×N.")
    boolean fitGeometry;

    @Option(names = "--object-px", paramLabel = "PX",
            description = "With --fit-geometry: the size the object is brought to, in pixels of the N window (default: the size"
                    + " of the model's training objects, as its file records it; else 5/8 of the N/8 box, 10 px at N 128, the"
                    + " largest objects of the paper's recipe; N/8 fills the box).")
    Double objectPx;

    /** Whether no preprocessing option was given. */
    public boolean isEmpty() {
        return background == null && saturation == null && negative == null && maskRects.isEmpty() && centre == null
                && !friedelFill && bin == null && !binPartial && window == null && !fitGeometry && objectPx == null;
    }

    /**
     * The pipeline for frames going to {@code model} (a descriptor; null: the shipped model):
     * {@code --fit-geometry} brings the object to the size of that model's training objects when its
     * file records it ({@link ModelDescriptor#trainedObjectExtentPx()}) and {@code --object-px} is not
     * given, else to {@link Geometry#trainedObjectExtentPx()}.
     *
     * @throws IllegalArgumentException for contradictory or malformed options
     * @throws PreprocessException      for a background file that cannot be read
     */
    public Preprocessor toPreprocessor(Path model) {
        List<PreprocessStep> steps = new ArrayList<>();
        if (negative != null) {
            steps.add(InvalidPixels.withDefaults().with(negative));
        }
        if (!maskRects.isEmpty()) {
            steps.add(RectangleMask.of(maskRects));
        }
        if (saturation != null) {
            steps.add(SaturationMask.atOrAbove(saturation));
        }
        if (background != null) {
            steps.add(background(background));
        }
        if (centre != null) {
            steps.add(centring(centre));
        }
        if (friedelFill) {
            steps.add(FriedelFill.withDefaults());
        }
        Binning.PartialBins partial = binPartial ? Binning.PartialBins.RESCALE : Binning.PartialBins.MISSING;
        if (bin != null && fitGeometry) {
            throw new IllegalArgumentException("--bin and --fit-geometry exclude each other: --fit-geometry chooses the binning");
        }
        if (objectPx != null && !fitGeometry) {
            throw new IllegalArgumentException("--object-px needs --fit-geometry");
        }
        if (binPartial && bin == null && !fitGeometry) {
            throw new IllegalArgumentException("--bin-partial needs --bin K or --fit-geometry");
        }
        if (window != null && (window <= 0 || window % 2 != 0)) {
            throw new IllegalArgumentException("--window must be a positive even number of pixels, got " + window);
        }
        if (bin != null) {
            if (bin < 1) {
                throw new IllegalArgumentException("--bin must be ≥ 1, got " + bin);
            }
            steps.add(Binning.by(bin).with(partial).withMinimumOutputPx(window == null ? 0 : window));
        }
        if (fitGeometry) {
            int n = window == null ? DEFAULT_FIT_WINDOW : window;
            if (n % 8 != 0) {
                throw new IllegalArgumentException("--fit-geometry needs a window that is a multiple of 8 (the model's box is N/8), got " + n);
            }
            GeometryFit fit = GeometryFit.to(Geometry.ofWindow(n)).with(partial);
            OptionalDouble aim = objectPx != null ? OptionalDouble.of(objectPx) : recordedObjectExtentPx(model, n);
            steps.add(aim.isPresent() ? fit.withObjectExtentPx(aim.getAsDouble()) : fit);
        } else if (window != null) {
            steps.add(Window.of(window));
        }
        return Preprocessor.of(steps);
    }

    /**
     * The training objects' size recorded with {@code model} when it is a model for window
     * {@code windowPx}; empty for an older file or another window. With {@code model} null, the shipped
     * model's, or empty when there is none.
     *
     * @throws org.dpr.nn.ModelFileException if the given {@code model} cannot be read
     */
    static OptionalDouble recordedObjectExtentPx(Path model, int windowPx) {
        ModelDescriptor descriptor;
        if (model != null) {
            descriptor = ModelDescriptor.read(model);
        } else {
            try {
                descriptor = ModelDescriptor.read(Models.defaultModel());
            } catch (DprException noShippedModel) {
                return OptionalDouble.empty();
            }
        }
        return descriptor.windowPx() == windowPx ? descriptor.trainedObjectExtentPx() : OptionalDouble.empty();
    }

    private static PreprocessStep background(String value) {
        try {
            return BackgroundSubtraction.constant(Double.parseDouble(value.strip()));
        } catch (NumberFormatException notANumber) {
            Path file = Path.of(value.strip());
            if (!Files.isRegularFile(file)) {
                throw new PreprocessException("--background " + value + " is neither a number of photons nor an existing file");
            }
            return BackgroundSubtraction.fromFile(file);
        }
    }

    private static PreprocessStep centring(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if ("auto".equals(v)) {
            return Centring.auto();
        }
        String[] parts = v.split(",");
        try {
            if (parts.length == 2) {
                return Centring.at(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new IllegalArgumentException("--centre must be 'auto' or ROW,COL (integers ≥ 0), got '" + value + "'");
    }

    static final class NegativeConverter implements ITypeConverter<InvalidPixels.NegativePolicy> {
        @Override
        public InvalidPixels.NegativePolicy convert(String value) {
            try {
                return InvalidPixels.NegativePolicy.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("must be keep, zero or mask, got '" + value + "'");
            }
        }
    }

    static final class RectConverter implements ITypeConverter<RectangleMask.Rect> {
        @Override
        public RectangleMask.Rect convert(String value) {
            try {
                return RectangleMask.Rect.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
