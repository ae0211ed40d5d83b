package org.dpr.simulate;

/**
 * Separable image resampling with a triangle (bilinear) kernel that widens when shrinking, as
 * PIL and torchvision's antialiased resize do, so that a crop of a 32 px image resized to any box
 * keeps its mean grey level and does not alias.
 */
final class Resample {
    private Resample() {
    }

    /**
     * Resizes the sub-image rows [top, top + height), columns [left, left + width) of the
     * {@code srcWidth}-wide row-major image {@code src} to {@code outHeight × outWidth}.
     */
    static float[] resize(float[] src, int srcWidth, int top, int left, int height, int width,
                          int outHeight, int outWidth) {
        float[] horizontal = new float[height * outWidth];
        Kernel kx = Kernel.of(width, outWidth);
        for (int i = 0; i < height; i++) {
            int row = (top + i) * srcWidth + left;
            for (int j = 0; j < outWidth; j++) {
                double sum = 0;
                for (int t = 0; t < kx.count[j]; t++) {
                    sum += kx.weights[j][t] * src[row + kx.first[j] + t];
                }
                horizontal[i * outWidth + j] = (float) sum;
            }
        }
        float[] out = new float[outHeight * outWidth];
        Kernel ky = Kernel.of(height, outHeight);
        for (int i = 0; i < outHeight; i++) {
            for (int j = 0; j < outWidth; j++) {
                double sum = 0;
                for (int t = 0; t < ky.count[i]; t++) {
                    sum += ky.weights[i][t] * horizontal[(ky.first[i] + t) * outWidth + j];
                }
                out[i * outWidth + j] = (float) sum;
            }
        }
        return out;
    }

    /** Normalised triangle weights from {@code in} samples to {@code out}. */
    private record Kernel(int[] first, int[] count, double[][] weights) {
        static Kernel of(int in, int out) {
            double scale = in / (double) out;
            double support = Math.max(1.0, scale);
            int[] first = new int[out];
            int[] count = new int[out];
            double[][] weights = new double[out][];
            for (int i = 0; i < out; i++) {
                double centre = (i + 0.5) * scale;
                int lo = Math.max(0, (int) Math.floor(centre - support));
                int hi = Math.min(in, (int) Math.ceil(centre + support));
                double[] w = new double[Math.max(1, hi - lo)];
                double total = 0;
                for (int t = 0; t < hi - lo; t++) {
                    double d = Math.abs(lo + t + 0.5 - centre) / support;
                    w[t] = Math.max(0, 1 - d);
                    total += w[t];
                }
                if (total <= 0) {
                    lo = Math.min(in - 1, Math.max(0, (int) Math.floor(centre)));
                    w = new double[] {1};
                    hi = lo + 1;
                    total = 1;
                }
                for (int t = 0; t < w.length; t++) {
                    w[t] /= total;
                }
                first[i] = lo;
                count[i] = Math.max(1, hi - lo);
                weights[i] = w;
            }
            return new Kernel(first, count, weights);
        }
    }
}
