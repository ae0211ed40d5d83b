package org.dpr.retrieve;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Objects;
import org.dpr.io.DiffractionFrame;
import org.dpr.tensor.CentredFft;

/**
 * How the support starts (paper §4.5): a centred square scaled with the object box, the thresholded
 * autocorrelation of the pattern, or an image the user gives. Each makes an N×N 0/1 mask in dpr's
 * centred layout.
 */
public sealed interface InitialSupport permits InitialSupport.CentredSquare, InitialSupport.Autocorrelation,
        InitialSupport.Given {

    /** The paper's simulations: a 60×60 square for the 64-px object box, i.e. 60/64 of n. */
    static InitialSupport simulation() {
        return centredSquare(60.0 / 64);
    }

    /** The paper's experiments: 30×30 for the 64-px object box, i.e. 30/64 of n. */
    static InitialSupport experiment() {
        return centredSquare(30.0 / 64);
    }

    /** A centred square of side round(fraction · n) pixels. */
    static InitialSupport centredSquare(double fractionOfObjectBox) {
        return new CentredSquare(fractionOfObjectBox, 0);
    }

    /** A centred square of {@code sidePx} pixels whatever the object box. */
    static InitialSupport centredSquarePx(int sidePx) {
        return new CentredSquare(0, sidePx);
    }

    /**
     * The pixels where the pattern's autocorrelation |F⁻¹(I·M)| exceeds {@code threshold} × its maximum
     * (Marchesini et al. 2003 start shrink-wrap this way, e.g. at 0.04). The autocorrelation spans twice
     * the object, so this support is loose; shrink-wrap tightens it.
     */
    static InitialSupport autocorrelation(double threshold) {
        return new Autocorrelation(threshold);
    }

    /**
     * A given support image, row-major {@code sizePx}×{@code sizePx}: pixels > 0 are inside. An image
     * smaller than the window is placed in its centre.
     */
    static InitialSupport given(float[] image, int sizePx) {
        return new Given(image, sizePx);
    }

    /**
     * The support for {@code frame} as N×N centred 0/1 values.
     *
     * @throws IllegalArgumentException if it does not fit the window or is empty
     */
    float[] create(NDManager manager, DiffractionFrame frame, int objectBoxPx);

    /** A centred square: {@code sidePx} if positive, else round(fraction · n). */
    record CentredSquare(double fractionOfObjectBox, int sidePx) implements InitialSupport {
        public CentredSquare {
            if (sidePx < 0 || (sidePx == 0 && !(fractionOfObjectBox > 0 && Double.isFinite(fractionOfObjectBox)))) {
                throw new IllegalArgumentException("a square support needs a positive side or fraction of the object box,"
                        + " got side " + sidePx + ", fraction " + fractionOfObjectBox);
            }
        }

        /** The side in pixels for an object box of {@code objectBoxPx}. */
        public int sideFor(int objectBoxPx) {
            return sidePx > 0 ? sidePx : Math.max(1, (int) Math.round(fractionOfObjectBox * objectBoxPx));
        }

        @Override
        public float[] create(NDManager manager, DiffractionFrame frame, int objectBoxPx) {
            int h = frame.height();
            int w = frame.width();
            int side = sideFor(objectBoxPx);
            if (side > h || side > w) {
                throw new IllegalArgumentException("the support (" + side + "×" + side + " px) is larger than the window ("
                        + h + "×" + w + ")");
            }
            float[] s = new float[h * w];
            int top = h / 2 - side / 2;
            int left = w / 2 - side / 2;
            for (int y = top; y < top + side; y++) {
                Arrays.fill(s, y * w + left, y * w + left + side, 1f);
            }
            return s;
        }
    }

    /** The thresholded autocorrelation of the measured intensity. */
    record Autocorrelation(double threshold) implements InitialSupport {
        public Autocorrelation {
            if (!(threshold > 0 && threshold < 1)) {
                throw new IllegalArgumentException("autocorrelation threshold must be in (0, 1), got " + threshold);
            }
        }

        @Override
        public float[] create(NDManager manager, DiffractionFrame frame, int objectBoxPx) {
            int h = frame.height();
            int w = frame.width();
            float[] measured = new float[h * w];
            for (int i = 0; i < measured.length; i++) {
                float v = frame.intensity()[i];
                measured[i] = frame.mask()[i] != 0 && Float.isFinite(v) ? Math.max(v, 0f) : 0f;
            }
            float[] auto;
            try (NDManager m = manager.newSubManager(); CentredFft fft = CentredFft.of(m, h, w)) {
                NDArray i = m.create(measured, new Shape(h, w));
                auto = fft.inverse(i).abs().toFloatArray();
            }
            float max = 0;
            for (float v : auto) {
                max = Math.max(max, v);
            }
            float[] s = new float[h * w];
            for (int k = 0; k < s.length; k++) {
                s[k] = auto[k] > threshold * max ? 1f : 0f;
            }
            return s;
        }
    }

    /** A user's support image. */
    record Given(float[] image, int sizePx) implements InitialSupport {
        public Given {
            Objects.requireNonNull(image, "image");
            if (sizePx <= 0 || image.length != sizePx * sizePx) {
                throw new IllegalArgumentException("a support image must be sizePx² = " + sizePx * sizePx
                        + " values, got " + image.length);
            }
            image = image.clone();
            boolean any = false;
            for (float v : image) {
                any |= v > 0;
            }
            if (!any) {
                throw new IllegalArgumentException("the given support image is empty (no pixel > 0)");
            }
        }

        @Override
        public float[] image() {
            return image.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Given g && g.sizePx == sizePx && Arrays.equals(g.image, image);
        }

        @Override
        public int hashCode() {
            return 31 * sizePx + Arrays.hashCode(image);
        }

        @Override
        public String toString() {
            return "Given[" + sizePx + "×" + sizePx + "]";
        }

        @Override
        public float[] create(NDManager manager, DiffractionFrame frame, int objectBoxPx) {
            int h = frame.height();
            int w = frame.width();
            if (sizePx > h || sizePx > w) {
                throw new IllegalArgumentException("the support image (" + sizePx + "×" + sizePx
                        + ") is larger than the window (" + h + "×" + w + ")");
            }
            float[] s = new float[h * w];
            int top = (h - sizePx) / 2;
            int left = (w - sizePx) / 2;
            for (int y = 0; y < sizePx; y++) {
                for (int x = 0; x < sizePx; x++) {
                    s[(top + y) * w + left + x] = image[y * sizePx + x] > 0 ? 1f : 0f;
                }
            }
            return s;
        }
    }
}
