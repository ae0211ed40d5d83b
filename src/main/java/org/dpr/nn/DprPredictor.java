package org.dpr.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link DprModel} on batches of patterns in inference mode (batch normalisation with its
 * running statistics, no autograd), on the model's device.
 *
 * <p>Patterns are N×N centred intensities in photons (zero frequency at (N/2, N/2)) with masks
 * (1 = measured, 0 = missing); a missing pixel's intensity is ignored, even when it is NaN. Objects come
 * back as n×n amplitudes x·√ŝ. With an automatic batch size the predictor runs 8·(128/N)² patterns at a
 * time on a CPU (8 at N 128, 1 at N 512: larger batches of 512² patterns are not faster per pattern on a
 * CPU, whose caches they overflow) and 32·(512/N)² (at most 256) on an accelerator.
 */
public final class DprPredictor {
    private static final int CPU_BATCH_AT_128 = 8;
    private static final int ACCELERATOR_BATCH_AT_512 = 32;
    private static final int MAX_BATCH = 256;

    private final DprModel model;
    private final int batchSize;

    DprPredictor(DprModel model, int requestedBatchSize) {
        this.model = model;
        this.batchSize = requestedBatchSize > 0 ? requestedBatchSize : automaticBatchSize(model);
    }

    /** The automatic batch size for {@code model}'s device and window. */
    static int automaticBatchSize(DprModel model) {
        int window = model.config().geometry().windowPx();
        if (Device.Type.CPU.equals(model.device().getDeviceType())) {
            double scale = 128.0 / window;
            return (int) Math.max(1, Math.min(MAX_BATCH, Math.round(CPU_BATCH_AT_128 * scale * scale)));
        }
        double scale = 512.0 / window;
        return (int) Math.max(1, Math.min(MAX_BATCH, Math.round(ACCELERATOR_BATCH_AT_512 * scale * scale)));
    }

    /** Patterns per forward pass. */
    public int batchSize() {
        return batchSize;
    }

    /**
     * Reconstructs the objects of {@code intensities} (each N×N, row-major) with {@code masks} (each N×N,
     * non-zero = measured).
     *
     * @throws IllegalArgumentException if the lists differ in length or an array is not N×N
     */
    public DprPrediction predict(List<float[]> intensities, List<byte[]> masks) {
        if (intensities.size() != masks.size()) {
            throw new IllegalArgumentException(intensities.size() + " patterns but " + masks.size() + " masks");
        }
        int window = model.config().geometry().windowPx();
        int pixels = window * window;
        long start = System.nanoTime();
        List<float[]> objects = new ArrayList<>(intensities.size());
        for (int first = 0; first < intensities.size(); first += batchSize) {
            int count = Math.min(batchSize, intensities.size() - first);
            float[] values = new float[count * pixels];
            float[] measured = new float[count * pixels];
            for (int b = 0; b < count; b++) {
                float[] intensity = intensities.get(first + b);
                byte[] mask = masks.get(first + b);
                if (intensity.length != pixels || mask.length != pixels) {
                    throw new IllegalArgumentException("pattern " + (first + b) + " has " + intensity.length
                            + " values and " + mask.length + " mask pixels; this model needs " + window + "×" + window);
                }
                for (int i = 0; i < pixels; i++) {
                    boolean valid = mask[i] != 0;
                    measured[b * pixels + i] = valid ? 1f : 0f;
                    values[b * pixels + i] = valid ? intensity[i] : 0f;
                }
            }
            try (NDManager scope = model.manager().newSubManager()) {
                Shape shape = new Shape(count, 1, window, window);
                NDArray out = predict(scope.create(values, shape), scope.create(measured, shape));
                float[] flat = out.toFloatArray();
                int n = model.config().geometry().objectBoxPx();
                for (int b = 0; b < count; b++) {
                    float[] object = new float[n * n];
                    System.arraycopy(flat, b * n * n, object, 0, n * n);
                    objects.add(object);
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new DprPrediction(objects, model.config().geometry().objectBoxPx(),
                intensities.isEmpty() ? 0 : seconds / intensities.size(), batchSize);
    }

    /**
     * Reconstructs the objects of a batch held in arrays: intensities and masks (B, 1, N, N) or (B, N, N) on
     * the model's device. Returns x·√ŝ (B, 1, n, n) on the intensities' manager; the whole batch runs at
     * once (split it yourself, or use {@link #predict(List, List)}).
     */
    public NDArray predict(NDArray intensity, NDArray mask) {
        model.requireOnDevice(intensity, mask);
        NDArray i4 = intensity.getShape().dimension() == 3 ? intensity.expandDims(1) : intensity;
        NDArray m4 = mask.getShape().dimension() == 3 ? mask.expandDims(1) : mask;
        try (GradMode noGrad = GradMode.disabled();
                NDList out = model.network().forward(new ParameterStore(model.manager(), false), new NDList(i4, m4),
                        false)) {
            return DiffractionScaling.amplitude(out.get(0), out.get(1));
        } finally {
            if (i4 != intensity) {
                i4.close();
            }
            if (m4 != mask) {
                m4.close();
            }
        }
    }
}
