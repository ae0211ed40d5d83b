package org.dpr.simulate;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.dpr.DprException;
import org.dpr.Geometry;
import org.dpr.io.DiffractionFrame;
import org.dpr.io.FrameMetadata;

/**
 * The diffraction simulator of paper §4.2: for frame k of a run it draws an object (shape ×
 * density in the n×n box), computes its partially coherent pattern (eq. 3), scales it to a random
 * total flux, adds Poisson and Gaussian noise (eq. 4) and draws a mask.
 *
 * <p>Frame k depends only on the configuration and (seed, k): its random draws come from streams
 * seeded by a SplitMix64 hash of the two, never from a generator shared between frames, so frame 7
 * is the same in a run of 10 frames or of 10 000, made in any order on any number of threads.
 * A simulator is immutable and thread-safe; {@link #frames} and {@link #forEachFrame} use several
 * cores.
 *
 * <p>Per frame, in order (σ_μ, Φ as in {@link SimulationConfig}, lengths and photons scaled to the
 * window):
 * <ol>
 *   <li>x = shape × density; if x is empty the density is taken as 1 (x = shape), as the authors do;
 *       an empty shape is redrawn (at most 8 times);</li>
 *   <li>σ = σ_μ·(1 + d·U(−1, 1)); I' = eq. 3 ({@link DiffractionModel});</li>
 *   <li>Φ ~ U(Φ_min, Φ_max); s = Φ / Σ I'; λ = s·I' (photons);</li>
 *   <li>intensity = Pois(λ) + N(0, σ_G) (eq. 4), float32;</li>
 *   <li>mask from the recipe (1 = measured); masked pixels set to 0 unless {@link MaskedPixels#KEEP};</li>
 *   <li>ground truth = √s·x, so that |F(pad gt)|² is the noise-free coherent pattern at the frame's flux.</li>
 * </ol>
 * Metadata: {@link FrameMetadata#FLUX_FACTOR} (s), {@link FrameMetadata#FLUX_PHOTONS} (Φ),
 * {@link FrameMetadata#COHERENCE_LENGTH_PX} (σ), {@link FrameMetadata#SEED} (the frame's 53-bit seed),
 * {@link FrameMetadata#FRAME_INDEX} (k) and the text {@link #RUN_SEED} (the run's seed, exact).
 */
public final class Simulator {
    /** Text metadata key: the run's seed as a decimal long (a double cannot hold every long). */
    public static final String RUN_SEED = "run_seed";

    private static final int SHAPE_REDRAWS = 8;

    private final SimulationConfig config;
    private final DiffractionModel model;

    private Simulator(SimulationConfig config) {
        this.config = config;
        this.model = DiffractionModel.of(config.geometry());
    }

    /** A simulator for {@code config}. */
    public static Simulator of(SimulationConfig config) {
        return new Simulator(Objects.requireNonNull(config, "config"));
    }

    public SimulationConfig config() {
        return config;
    }

    public Geometry geometry() {
        return config.geometry();
    }

    /** Frame {@code index} of the run (index ≥ 0). */
    public DiffractionFrame frame(long index) {
        return run(index, false).frame();
    }

    /** Frame {@code index} with the model's intermediate products (costs one more transform). */
    public SimulatedFrame simulate(long index) {
        return run(index, true);
    }

    /** Frames first … first + count − 1, made in parallel on the common pool, in index order. */
    public List<DiffractionFrame> frames(long first, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be ≥ 0, got " + count);
        }
        return IntStream.range(0, count).parallel().mapToObj(i -> frame(first + i)).toList();
    }

    /**
     * Makes frames first … first + count − 1 on {@code threads} worker threads and hands them to
     * {@code sink} in index order on the calling thread (for writing to a file, with a progress
     * bar). At most 4·threads frames are held at once. An exception from a frame or from the sink
     * stops the run and is rethrown.
     */
    public void forEachFrame(long first, long count, int threads, Consumer<? super DiffractionFrame> sink) {
        if (count < 0 || threads < 1) {
            throw new IllegalArgumentException("need count ≥ 0 and threads ≥ 1, got " + count + ", " + threads);
        }
        Objects.requireNonNull(sink, "sink");
        AtomicInteger names = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "dpr-simulate-" + names.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            ArrayDeque<Future<DiffractionFrame>> pending = new ArrayDeque<>();
            long next = 0;
            int window = 4 * threads;
            while (next < count || !pending.isEmpty()) {
                while (next < count && pending.size() < window) {
                    long index = first + next++;
                    pending.add(pool.submit(() -> frame(index)));
                }
                sink.accept(await(pending.poll()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static DiffractionFrame await(Future<DiffractionFrame> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DprException("simulation interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new DprException("simulation failed: " + cause, cause);
        }
    }

    private SimulatedFrame run(long index, boolean detailed) {
        if (index < 0) {
            throw new IllegalArgumentException("frame index must be ≥ 0, got " + index);
        }
        Geometry g = config.geometry();
        int size = g.windowPx();
        long frameSeed = Seeds.frameSeed(config.seed(), index);
        float[] object = object(frameSeed);

        SplittableRandom physics = Seeds.stream(frameSeed, Seeds.Stream.PHYSICS);
        double sigma = config.effectiveCoherenceLengthPx()
                * (1 + config.coherenceDeviation() * (2 * physics.nextDouble() - 1));
        double flux = config.effectiveFluxMinPhotons()
                + (config.effectiveFluxMaxPhotons() - config.effectiveFluxMinPhotons()) * physics.nextDouble();

        double[] expected = model.partiallyCoherentIntensity(object, sigma);
        double total = 0;
        for (double v : expected) {
            total += v;
        }
        double fluxFactor = flux / total;
        for (int k = 0; k < expected.length; k++) {
            expected[k] *= fluxFactor;
        }
        float[] intensity = PhotonNoise.apply(expected, config.noise(), config.gaussianSigmaPhotons(),
                Seeds.stream(frameSeed, Seeds.Stream.NOISE));
        byte[] mask = config.masks().generate(size, config.lengthScale(), Seeds.stream(frameSeed, Seeds.Stream.MASK));
        if (config.maskedPixels() == MaskedPixels.ZERO) {
            for (int k = 0; k < mask.length; k++) {
                if (mask[k] == 0) {
                    intensity[k] = 0f;
                }
            }
        }
        float amplitude = (float) Math.sqrt(fluxFactor);
        float[] groundTruth = new float[object.length];
        for (int k = 0; k < object.length; k++) {
            groundTruth[k] = object[k] * amplitude;
        }
        FrameMetadata metadata = FrameMetadata.empty()
                .with(FrameMetadata.FLUX_FACTOR, fluxFactor)
                .with(FrameMetadata.FLUX_PHOTONS, flux)
                .with(FrameMetadata.COHERENCE_LENGTH_PX, sigma)
                .with(FrameMetadata.SEED, frameSeed)
                .with(FrameMetadata.FRAME_INDEX, index)
                .withText(RUN_SEED, Long.toString(config.seed()));
        DiffractionFrame frame = new DiffractionFrame(size, size, intensity, mask, groundTruth, metadata);
        double[] coherent;
        if (detailed) {
            coherent = model.coherentIntensity(object);
            for (int k = 0; k < coherent.length; k++) {
                coherent[k] *= fluxFactor;
            }
        } else {
            coherent = expected;
        }
        return new SimulatedFrame(frame, object, coherent, expected, fluxFactor, flux, sigma, frameSeed);
    }

    /** Shape × density, with the paper's rule for empty objects. */
    private float[] object(long frameSeed) {
        int box = config.geometry().objectBoxPx();
        SplittableRandom shapeRandom = Seeds.stream(frameSeed, Seeds.Stream.SHAPE);
        float[] shape = null;
        for (int attempt = 0; attempt <= SHAPE_REDRAWS && (shape == null || isEmpty(shape)); attempt++) {
            shape = checked(config.shapes().shape(box, shapeRandom), box, "shape source");
        }
        if (isEmpty(shape)) {
            throw new DprException("the shape source (" + config.shapes().description() + ") gave "
                    + (SHAPE_REDRAWS + 1) + " empty shapes in a row");
        }
        float[] density = checked(config.densities().density(box, Seeds.stream(frameSeed, Seeds.Stream.DENSITY)),
                box, "density source");
        float[] object = new float[shape.length];
        for (int k = 0; k < object.length; k++) {
            object[k] = shape[k] * density[k];
        }
        return isEmpty(object) ? shape.clone() : object;
    }

    private static float[] checked(float[] values, int box, String what) {
        if (values == null || values.length != box * box) {
            throw new IllegalStateException(what + " must return " + box + "×" + box + " values, got "
                    + (values == null ? "null" : values.length));
        }
        for (float v : values) {
            if (!Float.isFinite(v)) {
                throw new DprException(what + " returned a non-finite value");
            }
        }
        return values;
    }

    private static boolean isEmpty(float[] values) {
        for (float v : values) {
            if (v != 0f) {
                return false;
            }
        }
        return true;
    }
}
