package org.dpr.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.dpr.tensor.CentredFft;
import org.dpr.tensor.Tensors;

/** Diffraction patterns of random objects with a centre beamstop, for the network's tests. */
final class TestPatterns {
    private TestPatterns() {
    }

    /** A random non-negative object (B, 1, n, n) with a smooth support inside the box. */
    static NDArray objects(NDManager m, int batch, int n, long seed) {
        Random rnd = new Random(seed);
        float[] v = new float[batch * n * n];
        for (int b = 0; b < batch; b++) {
            double r = n * (0.25 + 0.15 * rnd.nextDouble());
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    double d = Math.hypot(y - n / 2.0 + 0.5, x - n / 2.0 + 0.5);
                    v[(b * n + y) * n + x] = d < r ? (float) (0.2 + rnd.nextDouble()) : 0f;
                }
            }
        }
        return m.create(v, new Shape(batch, 1, n, n));
    }

    /** (I, M): I = flux·|F(pad object)|² (B, 1, N, N) and a centre beamstop of half-size N/32 masked out. */
    static NDList patterns(NDManager m, NDArray objects, int windowPx, float flux) {
        try (CentredFft fft = CentredFft.of(m, windowPx, windowPx);
                NDArray padded = Tensors.padCentre(objects, windowPx);
                NDArray spectrum = fft.forward(padded)) {
            NDArray intensity = spectrum.abs().square().mul(flux);
            return new NDList(intensity, beamstopMask(m, (int) objects.getShape().get(0), windowPx));
        }
    }

    static NDArray beamstopMask(NDManager m, int batch, int windowPx) {
        float[] mask = new float[batch * windowPx * windowPx];
        int half = Math.max(1, windowPx / 32);
        int c = windowPx / 2;
        for (int b = 0; b < batch; b++) {
            for (int y = 0; y < windowPx; y++) {
                for (int x = 0; x < windowPx; x++) {
                    boolean stopped = Math.abs(y - c) <= half && Math.abs(x - c) <= half + b;
                    mask[(b * windowPx + y) * windowPx + x] = stopped ? 0f : 1f;
                }
            }
        }
        return m.create(mask, new Shape(batch, 1, windowPx, windowPx));
    }
}
