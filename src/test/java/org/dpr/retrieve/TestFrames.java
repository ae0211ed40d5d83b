package org.dpr.retrieve;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Random;
import org.dpr.io.DiffractionFrame;
import org.dpr.io.FrameMetadata;
import org.dpr.tensor.CentredFft;
import org.dpr.tensor.Tensors;

/**
 * Test data made here, independent of the engine: simple positive objects with texture, their
 * diffraction through the shared {@link CentredFft}, Poisson noise and a beamstop, and an aligned
 * PSNR computed by brute force over translations and the twin.
 */
final class TestFrames {
    private TestFrames() {
    }

    /**
     * A positive blob with texture inside an n×n box: a star-shaped region of smoothly varying radius
     * (0.3–0.45 n) with a smooth random density between about 0.3 and 1.
     */
    static float[] blob(int n, long seed) {
        Random r = new Random(seed);
        double[] radial = new double[4];
        double[] phase = new double[4];
        for (int k = 0; k < 4; k++) {
            radial[k] = 0.04 * n * r.nextDouble();
            phase[k] = 2 * Math.PI * r.nextDouble();
        }
        double[][] waves = new double[5][4];
        for (double[] wv : waves) {
            double angle = 2 * Math.PI * r.nextDouble();
            double k = 2 * Math.PI * (0.5 + 1.5 * r.nextDouble()) / n;
            wv[0] = k * Math.cos(angle);
            wv[1] = k * Math.sin(angle);
            wv[2] = 2 * Math.PI * r.nextDouble();
            wv[3] = 0.5 + 0.5 * r.nextDouble();
        }
        float[] obj = new float[n * n];
        double c = (n - 1) / 2.0;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double dy = y - c;
                double dx = x - c;
                double theta = Math.atan2(dy, dx);
                double radius = 0.38 * n;
                for (int k = 0; k < 4; k++) {
                    radius += radial[k] * Math.cos((k + 1) * theta + phase[k]);
                }
                if (Math.hypot(dy, dx) > radius) {
                    continue;
                }
                double t = 0;
                double norm = 0;
                for (double[] wv : waves) {
                    t += wv[3] * Math.cos(wv[0] * x + wv[1] * y + wv[2]);
                    norm += wv[3];
                }
                obj[y * n + x] = (float) (0.65 + 0.35 * t / norm);
            }
        }
        return obj;
    }

    /** I = |F(pad(object))|² in the centred N×N window, through the shared centred FFT. */
    static float[] intensity(NDManager manager, float[] object, int n, int window) {
        try (NDManager m = manager.newSubManager(); CentredFft fft = CentredFft.of(m, window, window)) {
            NDArray padded = Tensors.padCentre(m.create(object, new Shape(n, n)), window);
            return fft.forward(padded).abs().square().toFloatArray();
        }
    }

    /** The n×n box in the centre of a zero N×N window. */
    static float[] pad(float[] box, int n, int window) {
        float[] out = new float[window * window];
        int top = (window - n) / 2;
        for (int y = 0; y < n; y++) {
            System.arraycopy(box, y * n, out, (top + y) * window + top, n);
        }
        return out;
    }

    /** A noise-free, fully measured frame of {@code object}. */
    static DiffractionFrame frame(NDManager manager, float[] object, int n, int window) {
        float[] intensity = intensity(manager, object, n, window);
        byte[] mask = new byte[window * window];
        Arrays.fill(mask, (byte) 1);
        return new DiffractionFrame(window, window, intensity, mask, object, FrameMetadata.empty());
    }

    /**
     * The frame scaled to {@code photons} in total, Poisson-sampled (seeded), with a centred square
     * beamstop of half-size {@code beamstopHalfPx} masked out.
     */
    static DiffractionFrame noisyFrame(NDManager manager, float[] object, int n, int window, double photons,
                                       int beamstopHalfPx, long seed) {
        float[] clean = intensity(manager, object, n, window);
        double total = 0;
        for (float v : clean) {
            total += v;
        }
        double scale = photons / total;
        Random r = new Random(seed);
        float[] noisy = new float[clean.length];
        byte[] mask = new byte[clean.length];
        for (int y = 0; y < window; y++) {
            for (int x = 0; x < window; x++) {
                int i = y * window + x;
                noisy[i] = poisson(r, clean[i] * scale);
                boolean stopped = Math.abs(y - window / 2) < beamstopHalfPx && Math.abs(x - window / 2) < beamstopHalfPx;
                mask[i] = (byte) (stopped ? 0 : 1);
            }
        }
        float[] truth = object.clone();
        float amplitudeScale = (float) Math.sqrt(scale);
        for (int i = 0; i < truth.length; i++) {
            truth[i] *= amplitudeScale;
        }
        return new DiffractionFrame(window, window, noisy, mask, truth, FrameMetadata.empty());
    }

    private static float poisson(Random r, double mean) {
        if (mean > 50) {
            return (float) Math.max(0, Math.round(mean + Math.sqrt(mean) * r.nextGaussian()));
        }
        double l = Math.exp(-mean);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= r.nextDouble();
        } while (p > l);
        return k - 1;
    }

    /**
     * PSNR = 20·log10(max truth / RMSE) of the n×n box of {@code window} (H = W = N) against
     * {@code truth} (n×n), maximised by brute force over integer translations of up to n pixels and
     * the 180° rotation of the window.
     */
    static double alignedPsnr(float[] window, int size, float[] truth, int n) {
        double max = 0;
        for (float v : truth) {
            max = Math.max(max, v);
        }
        double best = Double.MAX_VALUE;
        int top = (size - n) / 2;
        for (int twin = 0; twin < 2; twin++) {
            for (int dy = -n; dy <= n; dy++) {
                for (int dx = -n; dx <= n; dx++) {
                    double sum = 0;
                    for (int y = 0; y < n; y++) {
                        for (int x = 0; x < n; x++) {
                            int sy = Math.floorMod(top + y + dy, size);
                            int sx = Math.floorMod(top + x + dx, size);
                            if (twin == 1) {
                                sy = size - 1 - sy;
                                sx = size - 1 - sx;
                            }
                            double d = window[sy * size + sx] - truth[y * n + x];
                            sum += d * d;
                        }
                    }
                    best = Math.min(best, sum / (n * n));
                }
            }
        }
        return 20 * Math.log10(max / Math.sqrt(best));
    }
}
