package org.dpr.simulate;

import java.util.SplittableRandom;

/**
 * The random resized crop of the paper's densities (§4.2; torchvision's {@code RandomResizedCrop}):
 * a crop of random area fraction in [0.08, 1] and aspect ratio in [3/4, 4/3] (log-uniform), drawn
 * up to ten times until it fits the image, else the largest centred crop with a ratio in range;
 * the crop is then resized to the object box with an antialiased bilinear kernel.
 *
 * <p>Immutable; {@link #withDefaults()} holds the paper's values.
 */
public final class ResizedCrop {
    private static final ResizedCrop DEFAULT = new ResizedCrop(0.08, 1.0, 3.0 / 4, 4.0 / 3);

    private final double minArea;
    private final double maxArea;
    private final double minRatio;
    private final double maxRatio;

    private ResizedCrop(double minArea, double maxArea, double minRatio, double maxRatio) {
        this.minArea = minArea;
        this.maxArea = maxArea;
        this.minRatio = minRatio;
        this.maxRatio = maxRatio;
    }

    /** Area fraction 0.08–1, aspect ratio 0.75–1.33. */
    public static ResizedCrop withDefaults() {
        return DEFAULT;
    }

    /** Crop area as a fraction of the image, drawn uniformly in [min, max] ⊆ (0, 1]. */
    public ResizedCrop withAreaFraction(double min, double max) {
        if (!(min > 0) || !(max >= min) || !(max <= 1)) {
            throw new IllegalArgumentException("crop area needs 0 < min ≤ max ≤ 1, got " + min + ", " + max);
        }
        return new ResizedCrop(min, max, minRatio, maxRatio);
    }

    /** Aspect ratio width/height, drawn log-uniformly in [min, max]. */
    public ResizedCrop withAspectRatio(double min, double max) {
        if (!(min > 0) || !(max >= min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("aspect ratio needs 0 < min ≤ max, got " + min + ", " + max);
        }
        return new ResizedCrop(minArea, maxArea, min, max);
    }

    /** A crop box of an image. */
    record Box(int top, int left, int height, int width) {
    }

    /** Draws a crop box for an image of {@code height × width}. */
    Box draw(int height, int width, SplittableRandom random) {
        double area = height * (double) width;
        double logMin = Math.log(minRatio);
        double logMax = Math.log(maxRatio);
        for (int attempt = 0; attempt < 10; attempt++) {
            double target = area * (minArea + (maxArea - minArea) * random.nextDouble());
            double ratio = Math.exp(logMin + (logMax - logMin) * random.nextDouble());
            int w = (int) Math.round(Math.sqrt(target * ratio));
            int h = (int) Math.round(Math.sqrt(target / ratio));
            if (w > 0 && h > 0 && w <= width && h <= height) {
                int top = random.nextInt(height - h + 1);
                int left = random.nextInt(width - w + 1);
                return new Box(top, left, h, w);
            }
        }
        double ratio = width / (double) height;
        int w;
        int h;
        if (ratio < minRatio) {
            w = width;
            h = (int) Math.round(w / minRatio);
        } else if (ratio > maxRatio) {
            h = height;
            w = (int) Math.round(h * maxRatio);
        } else {
            w = width;
            h = height;
        }
        h = Math.max(1, Math.min(h, height));
        w = Math.max(1, Math.min(w, width));
        return new Box((height - h) / 2, (width - w) / 2, h, w);
    }

    /** A random resized crop of the {@code height × width} image, as a {@code boxPx × boxPx} image. */
    public float[] apply(float[] image, int height, int width, int boxPx, SplittableRandom random) {
        if (image.length != height * width) {
            throw new IllegalArgumentException("image must have " + height * width + " values, got " + image.length);
        }
        Box box = draw(height, width, random);
        return Resample.resize(image, width, box.top(), box.left(), box.height(), box.width(), boxPx, boxPx);
    }

    @Override
    public String toString() {
        return "resized crop (area " + minArea + "–" + maxArea + ", ratio " + minRatio + "–" + maxRatio + ")";
    }
}
