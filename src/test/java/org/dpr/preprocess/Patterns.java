package org.dpr.preprocess;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.dpr.io.DiffractionFrame;
import org.dpr.io.FrameMetadata;
import org.dpr.metrics.FourierAmplitudes;

/** Synthetic diffraction patterns of objects of known extent, computed independently of the code under test. */
final class Patterns {
    private Patterns() {
    }

    /**
     * A real, positive object: a disc of {@code diameterPx} with a random density in [1, 1.5), in a
     * box of side ⌈diameter⌉ (row-major).
     */
    static float[] disc(int boxPx, double diameterPx, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] object = new float[boxPx * boxPx];
        double c = (boxPx - 1) / 2.0;
        for (int y = 0; y < boxPx; y++) {
            for (int x = 0; x < boxPx; x++) {
                if (Math.hypot(y - c, x - c) <= diameterPx / 2) {
                    object[y * boxPx + x] = (float) (1 + 0.5 * random.nextDouble());
                }
            }
        }
        return object;
    }

    /** |F(pad object)|² in an H×W window (centred), scaled to {@code photons} in total. */
    static float[] intensity(float[] object, int boxPx, int height, int width, double photons) {
        float[] a = FourierAmplitudes.ofObject(object, boxPx, boxPx, height, width);
        double sum = 0;
        for (float v : a) {
            sum += (double) v * v;
        }
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) (photons * a[i] * a[i] / sum);
        }
        return out;
    }

    /** Poisson counts of mean {@code lambda} (Knuth below 30, a rounded normal above), seeded. */
    static float[] poisson(float[] lambda, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] out = new float[lambda.length];
        for (int i = 0; i < lambda.length; i++) {
            double l = lambda[i];
            if (l < 30) {
                double limit = Math.exp(-l);
                int k = 0;
                double p = random.nextDouble();
                while (p > limit) {
                    k++;
                    p *= random.nextDouble();
                }
                out[i] = k;
            } else {
                double g = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
                out[i] = (float) Math.max(0, Math.rint(l + Math.sqrt(l) * g));
            }
        }
        return out;
    }

    /** A noisy centred N×N pattern of a disc of diameter N/σ (linear oversampling σ). */
    static DiffractionFrame ofOversampling(int windowPx, double sigma, double photons, long seed) {
        double d = windowPx / sigma;
        int box = (int) Math.ceil(d) + 1;
        float[] intensity = poisson(intensity(disc(box, d, seed), box, windowPx, windowPx, photons), seed + 1);
        return DiffractionFrame.fullyMeasured(windowPx, windowPx, intensity);
    }

    /** A copy of {@code frame} with a disc of {@code radiusPx} about (cy, cx) missing. */
    static DiffractionFrame beamstop(DiffractionFrame frame, int cy, int cx, double radiusPx) {
        byte[] mask = frame.mask().clone();
        int w = frame.width();
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < w; x++) {
                if (Math.hypot(y - cy, x - cx) <= radiusPx) {
                    mask[y * w + x] = 0;
                }
            }
        }
        return frame.withMask(mask);
    }

    /** A copy with rows [r0, r1) and columns [c0, c1) missing (panel gaps; an empty range adds none). */
    static DiffractionFrame gaps(DiffractionFrame frame, int r0, int r1, int c0, int c1) {
        byte[] mask = frame.mask().clone();
        int w = frame.width();
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < w; x++) {
                if ((y >= r0 && y < r1) || (x >= c0 && x < c1)) {
                    mask[y * w + x] = 0;
                }
            }
        }
        return frame.withMask(mask);
    }

    /**
     * The centred N×N {@code pattern} placed in a larger detector of height×width with its centre at
     * (row, col); detector pixels the pattern does not cover are missing.
     */
    static DiffractionFrame onDetector(DiffractionFrame pattern, int height, int width, int row, int col) {
        int n = pattern.height();
        float[] intensity = new float[height * width];
        byte[] mask = new byte[height * width];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                int dy = row - n / 2 + y;
                int dx = col - n / 2 + x;
                if (dy >= 0 && dy < height && dx >= 0 && dx < width) {
                    intensity[dy * width + dx] = pattern.intensity()[y * n + x];
                    mask[dy * width + dx] = pattern.mask()[y * n + x];
                }
            }
        }
        return new DiffractionFrame(height, width, intensity, mask, null, FrameMetadata.empty());
    }

    static float sum(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return (float) s;
    }

    static byte[] ones(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) 1);
        return b;
    }
}
