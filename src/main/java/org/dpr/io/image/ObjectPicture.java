package org.dpr.io.image;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * A picture of an object (a reconstruction or a ground truth, amplitude units): a linear grey
 * scale from {@code low} (black) to {@code high} (white). By default the range is
 * [min(0, smallest value), largest value], so that zero is black for non-negative objects and
 * the brightest pixel white; a fixed range makes pictures of several objects comparable. NaN
 * pixels are black. Headless AWT; written as PNG atomically.
 */
public final class ObjectPicture {

    private static final ObjectPicture DEFAULTS = new ObjectPicture(0, Double.NaN, Double.NaN);

    private final int magnification;
    private final double low;
    private final double high;

    private ObjectPicture(int magnification, double low, double high) {
        this.magnification = magnification;
        this.low = low;
        this.high = high;
    }

    public static ObjectPicture withDefaults() {
        return DEFAULTS;
    }

    /** Each object pixel becomes a {@code factor}×{@code factor} block; 0 = automatic (≥ 256 px). */
    public ObjectPicture withMagnification(int factor) {
        if (factor < 0 || factor > 64) {
            throw new IllegalArgumentException("magnification must be 0 (automatic) to 64, got " + factor);
        }
        return new ObjectPicture(factor, low, high);
    }

    /** Maps {@code lowValue} to black and {@code highValue} to white (values outside are clamped). */
    public ObjectPicture withRange(double lowValue, double highValue) {
        if (!(highValue > lowValue) || !Double.isFinite(lowValue) || !Double.isFinite(highValue)) {
            throw new IllegalArgumentException("grey range needs finite low < high, got " + lowValue + " … " + highValue);
        }
        return new ObjectPicture(magnification, lowValue, highValue);
    }

    public void write(Path png, int height, int width, float[] values) {
        Pictures.writePng(png, render(height, width, values));
    }

    public BufferedImage render(int height, int width, float[] values) {
        Pictures.requireSize(height, width, values.length, "object");
        double lo = low;
        double hi = high;
        if (Double.isNaN(lo)) {
            lo = 0;
            hi = Double.NEGATIVE_INFINITY;
            for (float v : values) {
                if (Float.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            if (!(hi > lo)) {
                hi = lo + 1;
            }
        }
        int m = Pictures.magnification(magnification, height, width);
        BufferedImage image = new BufferedImage(width * m, height * m, BufferedImage.TYPE_BYTE_GRAY);
        var raster = image.getRaster();
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                float v = values[r * width + c];
                double t = Float.isNaN(v) ? 0 : Math.max(0, Math.min(1, (v - lo) / (hi - lo)));
                int grey = (int) Math.round(255 * t);
                for (int dy = 0; dy < m; dy++) {
                    for (int dx = 0; dx < m; dx++) {
                        raster.setSample(c * m + dx, r * m + dy, 0, grey);
                    }
                }
            }
        }
        return image;
    }
}
