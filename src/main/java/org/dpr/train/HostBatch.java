package org.dpr.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.dpr.DprException;
import org.dpr.Geometry;
import org.dpr.io.DiffractionFrame;
import org.dpr.io.FrameMetadata;

/**
 * A batch of frames packed on the host, ready to become arrays: intensities and masks (B, 1, N, N)
 * and loss targets (B, 1, n, n) in the units {@link LossScale} asks for.
 *
 * @param size      frames in the batch
 * @param intensity photons, B·N·N, row-major
 * @param mask      1 = measured, 0 = missing, B·N·N
 * @param target    the ground truth in loss units, B·n·n
 */
record HostBatch(int size, Geometry geometry, float[] intensity, float[] mask, float[] target) {

    /** Packs {@code frames} (all of {@code geometry}, with ground truth). */
    static HostBatch pack(List<DiffractionFrame> frames, Geometry geometry, LossScale scale) {
        int window = geometry.windowPx();
        int box = geometry.objectBoxPx();
        int pixels = window * window;
        int boxPixels = box * box;
        int b = frames.size();
        float[] intensity = new float[b * pixels];
        float[] mask = new float[b * pixels];
        float[] target = new float[b * boxPixels];
        for (int k = 0; k < b; k++) {
            DiffractionFrame f = frames.get(k);
            if (f.height() != window || f.width() != window || !f.hasGroundTruth() || f.groundTruthSize() != box) {
                throw new DprException("a training frame is " + f.height() + "×" + f.width() + " with "
                        + (f.hasGroundTruth() ? f.groundTruthSize() + "² ground truth" : "no ground truth")
                        + "; the network needs " + window + "² frames with a " + box + "² ground truth");
            }
            System.arraycopy(f.intensity(), 0, intensity, k * pixels, pixels);
            byte[] m = f.mask();
            for (int i = 0; i < pixels; i++) {
                mask[k * pixels + i] = m[i] != 0 ? 1f : 0f;
            }
            float factor = 1f;
            if (scale == LossScale.FLUX_FACTOR) {
                double s = f.metadata().number(FrameMetadata.FLUX_FACTOR).orElseThrow(() -> new DprException(
                        "loss scale flux-factor needs each frame's flux factor, and a frame has none"));
                factor = (float) Math.sqrt(s);
            }
            float[] gt = f.groundTruth();
            for (int i = 0; i < boxPixels; i++) {
                target[k * boxPixels + i] = gt[i] * factor;
            }
        }
        return new HostBatch(b, geometry, intensity, mask, target);
    }

    /** The three arrays (intensity, mask, target) on {@code manager}. */
    NDArray[] toArrays(NDManager manager) {
        long window = geometry.windowPx();
        long box = geometry.objectBoxPx();
        return new NDArray[] {
            manager.create(intensity, new Shape(size, 1, window, window)),
            manager.create(mask, new Shape(size, 1, window, window)),
            manager.create(target, new Shape(size, 1, box, box)),
        };
    }
}
