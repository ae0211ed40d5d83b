package org.dpr.nn;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the forward time per pattern of DPR networks in inference mode, for {@code dpr bench model}
 * and {@code docs/benchmarks.md}. An immutable configuration: {@code with…} returns a new instance.
 *
 * <p>Each measurement builds an untrained network (the time does not depend on the weights), makes a
 * batch of synthetic patterns (random positive objects' diffraction with a centre beamstop), runs
 * {@code warmupRuns} untimed and {@code timedRuns} timed forward passes through {@link DprPredictor}
 * (input normalisation, network, output scale) and reads the result back to the host, which also waits
 * for an accelerator to finish.
 */
public final class ModelBenchmark {
    /** Batch sizes of the standard benchmark. */
    public static final int[] STANDARD_BATCH_SIZES = {1, 8};

    private static final ModelBenchmark DEFAULT = new ModelBenchmark(1, 5, null, 1L);

    private final int warmupRuns;
    private final int timedRuns;
    private final Device device;
    private final long seed;

    private ModelBenchmark(int warmupRuns, int timedRuns, Device device, long seed) {
        this.warmupRuns = warmupRuns;
        this.timedRuns = timedRuns;
        this.device = device;
        this.seed = seed;
    }

    /** 1 warm-up and 5 timed runs on the engine's default device. */
    public static ModelBenchmark withDefaults() {
        return DEFAULT;
    }

    public ModelBenchmark withWarmupRuns(int runs) {
        if (runs < 0) {
            throw new IllegalArgumentException("warm-up runs must be ≥ 0, got " + runs);
        }
        return new ModelBenchmark(runs, timedRuns, device, seed);
    }

    public ModelBenchmark withTimedRuns(int runs) {
        if (runs <= 0) {
            throw new IllegalArgumentException("timed runs must be positive, got " + runs);
        }
        return new ModelBenchmark(warmupRuns, runs, device, seed);
    }

    /** Runs on {@code newDevice} instead of the engine's default device. */
    public ModelBenchmark withDevice(Device newDevice) {
        return new ModelBenchmark(warmupRuns, timedRuns, java.util.Objects.requireNonNull(newDevice, "device"), seed);
    }

    /** Seed of the synthetic patterns and of nothing else. */
    public ModelBenchmark withSeed(long newSeed) {
        return new ModelBenchmark(warmupRuns, timedRuns, device, newSeed);
    }

    /** Both presets (paper, small) at batch sizes 1 and 8. */
    public List<BenchmarkRecord> measureStandard() {
        List<BenchmarkRecord> records = new ArrayList<>();
        for (DprPreset preset : DprPreset.values()) {
            records.addAll(measure(DprConfig.of(preset), STANDARD_BATCH_SIZES));
        }
        return records;
    }

    /** One network at several batch sizes (the network is built once). */
    public List<BenchmarkRecord> measure(DprConfig config, int... batchSizes) {
        Device target = device != null ? device : Engine.getInstance().defaultDevice();
        List<BenchmarkRecord> records = new ArrayList<>();
        try (DprModel model = DprModel.create(config, target)) {
            for (int batch : batchSizes) {
                records.add(measure(model, batch));
            }
        }
        return records;
    }

    private BenchmarkRecord measure(DprModel model, int batch) {
        if (batch <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batch);
        }
        DprConfig config = model.config();
        int window = config.geometry().windowPx();
        DprPredictor predictor = model.newPredictor(batch);
        double[] perFrame = new double[timedRuns];
        try (NDManager scope = model.manager().newSubManager()) {
            NDArray[] inputs = SyntheticPatterns.make(scope, batch, config.geometry(), seed);
            for (int run = 0; run < warmupRuns + timedRuns; run++) {
                long start = System.nanoTime();
                try (NDArray out = predictor.predict(inputs[0], inputs[1])) {
                    out.toFloatArray();
                }
                if (run >= warmupRuns) {
                    perFrame[run - warmupRuns] = (System.nanoTime() - start) / 1e9 / batch;
                }
            }
        }
        return new BenchmarkRecord(config.presetName(), window, config.ngf(), config.encoder(), config.decoder(), batch,
                model.device().toString(), intraOpThreads(), timedRuns, median(perFrame), min(perFrame));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static double min(double[] values) {
        return java.util.Arrays.stream(values).min().orElseThrow();
    }

    private static int intraOpThreads() {
        return "PyTorch".equals(Engine.getInstance().getEngineName()) ? ai.djl.pytorch.jni.JniUtils.getNumThreads() : 0;
    }

    /** Synthetic inputs for timing. */
    static final class SyntheticPatterns {
        private SyntheticPatterns() {
        }

        /** (I, M), each (B, 1, N, N): |F(pad object)|² of random discs, a centre beamstop of half-size N/32. */
        static NDArray[] make(NDManager manager, int batch, org.dpr.Geometry geometry, long seed) {
            int window = geometry.windowPx();
            int n = geometry.objectBoxPx();
            java.util.Random rnd = new java.util.Random(seed);
            float[] object = new float[batch * n * n];
            for (int i = 0; i < object.length; i++) {
                int y = (i / n) % n;
                int x = i % n;
                boolean inside = Math.hypot(y - n / 2.0, x - n / 2.0) < n / 3.0;
                object[i] = inside ? (float) rnd.nextDouble() : 0f;
            }
            try (NDArray objects = manager.create(object, new Shape(batch, 1, n, n))) {
                NDArray intensity = DiffractionScaling.powerSpectrum(objects, window);
                float[] mask = new float[batch * window * window];
                int half = Math.max(1, window / 32);
                for (int i = 0; i < mask.length; i++) {
                    int y = (i / window) % window;
                    int x = i % window;
                    boolean stopped = Math.abs(y - window / 2) <= half && Math.abs(x - window / 2) <= half;
                    mask[i] = stopped ? 0f : 1f;
                }
                return new NDArray[] {intensity, manager.create(mask, new Shape(batch, 1, window, window))};
            }
        }
    }
}
