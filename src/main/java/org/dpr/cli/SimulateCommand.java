package org.dpr.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.dpr.DprException;
import org.dpr.Geometry;
import org.dpr.io.DetectorMask;
import org.dpr.io.DiffractionFrame;
import org.dpr.io.FrameSources;
import org.dpr.io.MaskConvention;
import org.dpr.io.ReadOptions;
import org.dpr.io.image.ObjectPicture;
import org.dpr.io.image.PatternPicture;
import org.dpr.simulate.CifarDensities;
import org.dpr.simulate.EmnistShapes;
import org.dpr.simulate.MaskRecipe;
import org.dpr.simulate.Noise;
import org.dpr.simulate.SimulationConfig;
import org.dpr.simulate.SimulationWriter;
import org.dpr.simulate.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dpr simulate}: the paper's diffraction model (§4.2) to a CXI file. */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulate single-shot diffraction patterns with the paper's diffraction model (§4.2):",
                "objects = shape × density in the n×n box (n = N/8), partial coherence (eq. 3), flux,",
                "Poisson + Gaussian noise (eq. 4) and masks. Writes a CXI file with the ground truth."})
public final class SimulateCommand implements Callable<Integer> {

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE.cxi", description = "Output CXI file.")
    Path out;

    @Option(names = {"-n", "--frames"}, defaultValue = "100", description = "Number of frames (default: ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--first", defaultValue = "0",
            description = "Index of the first frame; frame k is the same in any run with the same seed (default: ${DEFAULT-VALUE}).")
    long first;

    @Option(names = {"-N", "--window"}, defaultValue = "512",
            description = "Window N in pixels, a multiple of 8; the object box is N/8 (default: ${DEFAULT-VALUE}, the paper's; 128 for the CPU-sized model).")
    int windowPx;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the run (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--flux-min", paramLabel = "PHOTONS", defaultValue = "1e6",
            description = "Least total photons per frame at N = 512 (default: ${DEFAULT-VALUE}); scaled by (N/512)² unless --absolute-flux.")
    double fluxMinPhotons;

    @Option(names = "--flux-max", paramLabel = "PHOTONS", defaultValue = "1e7",
            description = "Most total photons per frame at N = 512, uniform in between (default: ${DEFAULT-VALUE}).")
    double fluxMaxPhotons;

    @Option(names = "--absolute-flux", description = "Use --flux and --coherence as given at this N instead of scaling them from N = 512.")
    boolean absoluteFlux;

    @Option(names = "--coherence", defaultValue = "200", paramLabel = "PX",
            description = "Spatial coherence length σ_μ at N = 512 in pixels (eq. 3; default: ${DEFAULT-VALUE}); 'inf' for full coherence.")
    double coherenceLengthPx;

    @Option(names = "--coherence-deviation", defaultValue = "0.1",
            description = "Relative random deviation of σ_μ (default: ${DEFAULT-VALUE}).")
    double coherenceDeviation;

    @Option(names = "--noise", defaultValue = "poisson-gaussian", paramLabel = "KIND",
            description = "poisson-gaussian (eq. 4), poisson or none (default: ${DEFAULT-VALUE}).")
    String noise;

    @Option(names = "--masks", defaultValue = "irregular,beamstop", paramLabel = "KINDS",
            description = "Comma-separated mask kinds: beamstop, irregular, centre-square, panel-gaps, quadrant-beamstop, "
                    + "dead-pixels, detector, or none (default: ${DEFAULT-VALUE}, the paper's).")
    String masks;

    @Option(names = "--detector-mask", paramLabel = "FILE",
            description = "A detector mask file (HDF5, TIFF, PNG, .npy) cropped to the window; implies the 'detector' mask kind.")
    Path detectorMask;

    @Option(names = "--detector-mask-convention", paramLabel = "cxi|valid",
            description = "How --detector-mask is stored: cxi = non-zero is bad, valid = non-zero is measured (default: cxi for CXI files, valid otherwise).")
    String detectorMaskConvention;

    @Option(names = "--emnist", paramLabel = "FILE", description = "Shapes from a real EMNIST IDX image file (.gz or not) instead of procedural strokes.")
    Path emnist;

    @Option(names = "--cifar", paramLabel = "FILE", split = ",",
            description = "Densities from real CIFAR-100 binary files (comma-separated) instead of procedural textures.")
    List<Path> cifar;

    @Option(names = "--threads", defaultValue = "0", description = "Worker threads (default: all cores).")
    int threads;

    @Option(names = "--png", paramLabel = "DIR", description = "Write pictures of the first frames (pattern, log scale; object) to DIR.")
    Path pngDir;

    @Option(names = "--png-frames", defaultValue = "4", description = "How many frames --png draws (default: ${DEFAULT-VALUE}).")
    int pngFrames;

    @Mixin
    ObjectRecipeOptions objectRecipe;

    @Spec
    CommandSpec spec;

    /** Builds the simulator these options describe (the Java API behind the command). */
    SimulationConfig config() {
        SimulationConfig config = SimulationConfig.withDefaults()
                .withGeometry(Geometry.ofWindow(windowPx))
                .withSeed(seed)
                .withFluxPhotons(fluxMinPhotons, fluxMaxPhotons)
                .withCoherenceLengthPx(coherenceLengthPx)
                .withCoherenceDeviation(coherenceDeviation)
                .withNoise(parseNoise(noise));
        if (absoluteFlux) {
            config = config.withScaling(org.dpr.simulate.WindowScaling.ABSOLUTE);
        }
        MaskRecipe recipe = "none".equalsIgnoreCase(masks.strip()) ? MaskRecipe.none() : MaskRecipe.parse(masks);
        if (detectorMask != null) {
            ReadOptions options = ReadOptions.withDefaults();
            if (detectorMaskConvention != null) {
                options = options.withMaskConvention(MaskConvention.parse(detectorMaskConvention));
            }
            DetectorMask mask = FrameSources.readMask(detectorMask, options);
            recipe = recipe.with(org.dpr.simulate.MaskKind.DETECTOR)
                    .withDetectorMask(org.dpr.simulate.DetectorMask.cropped(mask.height(), mask.width(), mask.measured()));
        }
        config = config.withMasks(recipe);
        if (emnist != null) {
            config = config.withShapes(EmnistShapes.read(emnist));
        }
        if (cifar != null && !cifar.isEmpty()) {
            config = config.withDensities(CifarDensities.read(cifar.toArray(Path[]::new)));
        }
        return objectRecipe.apply(config);
    }

    private static Noise parseNoise(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "poisson-gaussian" -> Noise.POISSON_GAUSSIAN;
            case "poisson" -> Noise.POISSON;
            case "none" -> Noise.NONE;
            default -> throw new IllegalArgumentException("unknown --noise '" + text + "': use poisson-gaussian, poisson or none");
        };
    }

    @Override
    public Integer call() {
        if (frames < 1) {
            throw new IllegalArgumentException("--frames must be at least 1, got " + frames);
        }
        OutputFiles.requireHdf5Target(spec, out);
        Simulator simulator = Simulator.of(config());
        int workers = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("command_line", Provenance.commandLine(spec));
        attributes.put("dpr_version", Provenance.version());
        try (ProgressBar bar = Progress.bar("simulate", frames, "frames")) {
            SimulationWriter.write(simulator, out, first, frames, workers, attributes, bar::stepTo);
        }
        if (pngDir != null) {
            writePictures(simulator);
        }
        Geometry g = simulator.geometry();
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %d frames of %d×%d (object box %d×%d) to %s%n",
                frames, g.windowPx(), g.windowPx(), g.objectBoxPx(), g.objectBoxPx(), out);
        return 0;
    }

    private void writePictures(Simulator simulator) {
        try {
            Files.createDirectories(pngDir);
        } catch (java.io.IOException e) {
            throw new DprException("cannot create " + pngDir + ": " + e.getMessage(), e);
        }
        int count = Math.min(pngFrames, frames);
        for (int k = 0; k < count; k++) {
            long index = first + k;
            DiffractionFrame frame = simulator.frame(index);
            PatternPicture.withDefaults().write(pngDir.resolve(String.format(Locale.ROOT, "frame-%05d-pattern.png", index)), frame);
            int n = frame.groundTruthSize();
            ObjectPicture.withDefaults().withMagnification(Math.max(1, 256 / n))
                    .write(pngDir.resolve(String.format(Locale.ROOT, "frame-%05d-object.png", index)), n, n, frame.groundTruth());
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "pictures of %d frame%s in %s%n", count, count == 1 ? "" : "s", pngDir);
    }
}
