package org.dpr.io.image;

import org.dpr.io.DiffractionFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A picture of a diffraction pattern: intensities on a log scale, {@code log10(1 + I)} with I in
 * photons (negative values shown as 0), mapped through a perceptually uniform colour map from 0
 * to the largest measured value, missing pixels (mask 0) in a neutral grey, and a colour bar
 * labelled in photons (ticks at 0, 1, 10, 100, …). Headless AWT; written as PNG atomically.
 *
 * <p>Options (immutable, {@link #withDefaults()}): colour map {@link Colormap#VIRIDIS};
 * magnification automatic (integer, the smallest that makes the pattern ≥ 256 px); colour bar
 * {@link ColourBar#SHOWN}.
 */
public final class PatternPicture {

    /** Whether the picture carries a colour bar with tick labels. */
    public enum ColourBar {
        SHOWN,
        HIDDEN
    }

    /** Colour of missing pixels: neutral mid grey, outside the viridis range. */
    public static final int MISSING_RGB = 0x808080;

    private static final Logger LOG = LoggerFactory.getLogger(PatternPicture.class);
    private static final int GAP_PX = 8;
    private static final int BAR_PX = 14;
    private static final int LABELS_PX = 44;
    private static final PatternPicture DEFAULTS = new PatternPicture(Colormap.VIRIDIS, 0, ColourBar.SHOWN);

    private final Colormap colormap;
    private final int magnification;
    private final ColourBar colourBar;

    private PatternPicture(Colormap colormap, int magnification, ColourBar colourBar) {
        this.colormap = colormap;
        this.magnification = magnification;
        this.colourBar = colourBar;
    }

    public static PatternPicture withDefaults() {
        return DEFAULTS;
    }

    public PatternPicture withColormap(Colormap map) {
        return new PatternPicture(Objects.requireNonNull(map, "map"), magnification, colourBar);
    }

    /** Each pattern pixel becomes a {@code factor}×{@code factor} block; 0 = automatic. */
    public PatternPicture withMagnification(int factor) {
        if (factor < 0 || factor > 64) {
            throw new IllegalArgumentException("magnification must be 0 (automatic) to 64, got " + factor);
        }
        return new PatternPicture(colormap, factor, colourBar);
    }

    public PatternPicture withColourBar(ColourBar bar) {
        return new PatternPicture(colormap, magnification, Objects.requireNonNull(bar, "bar"));
    }

    /** Writes a PNG of the frame's intensity and mask. */
    public void write(Path png, DiffractionFrame frame) {
        write(png, frame.height(), frame.width(), frame.intensity(), frame.mask());
    }

    /** Writes a PNG of a row-major pattern; {@code mask} may be null (all measured). */
    public void write(Path png, int height, int width, float[] intensity, byte[] mask) {
        Pictures.writePng(png, render(height, width, intensity, mask));
    }

    /** The picture as an image: the pattern at the top left ({@code height·m} × {@code width·m}), the bar to its right. */
    public BufferedImage render(int height, int width, float[] intensity, byte[] mask) {
        Pictures.requireSize(height, width, intensity.length, "pattern");
        if (mask != null) {
            Pictures.requireSize(height, width, mask.length, "mask");
        }
        int m = Pictures.magnification(magnification, height, width);
        double top = 0;
        for (int i = 0; i < intensity.length; i++) {
            if ((mask == null || mask[i] != 0) && intensity[i] > 0 && Float.isFinite(intensity[i])) {
                top = Math.max(top, Math.log10(1 + intensity[i]));
            }
        }
        double scale = top > 0 ? top : 1;
        int picW = width * m;
        int picH = height * m;
        int totalW = colourBar == ColourBar.SHOWN ? picW + GAP_PX + BAR_PX + LABELS_PX : picW;
        BufferedImage image = new BufferedImage(totalW, picH, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                int i = r * width + c;
                int rgb;
                if (mask != null && mask[i] == 0) {
                    rgb = MISSING_RGB;
                } else {
                    float v = intensity[i];
                    rgb = colormap.rgb(v > 0 && Float.isFinite(v) ? Math.log10(1 + v) / scale : Float.isNaN(v) ? 0 : v > 0 ? 1 : 0);
                }
                for (int dy = 0; dy < m; dy++) {
                    for (int dx = 0; dx < m; dx++) {
                        image.setRGB(c * m + dx, r * m + dy, rgb);
                    }
                }
            }
        }
        if (colourBar == ColourBar.SHOWN) {
            drawBar(image, picW + GAP_PX, picH, scale);
        }
        return image;
    }

    private void drawBar(BufferedImage image, int x0, int height, double scale) {
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(x0 - GAP_PX, 0, image.getWidth() - x0 + GAP_PX, height);
            // inside a one-pixel frame: row 1 is the top of the scale, row height − 2 its bottom
            for (int y = 1; y < height - 1; y++) {
                int rgb = colormap.rgb(1 - (y - 1) / (double) Math.max(1, height - 3));
                for (int x = 0; x < BAR_PX; x++) {
                    image.setRGB(x0 + x, y, rgb);
                }
            }
            g.setColor(Color.BLACK);
            g.drawRect(x0, 0, BAR_PX - 1, height - 1);
            drawTicks(g, x0, height, scale);
        } catch (RuntimeException | LinkageError | InternalError e) {
            // no usable font in this runtime: the bar stays, its labels do not
            LOG.debug("colour bar labels skipped: {}", e.toString());
        } finally {
            g.dispose();
        }
    }

    private static void drawTicks(Graphics2D g, int x0, int height, double scale) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        FontMetrics fm = g.getFontMetrics();
        int lastY = Integer.MAX_VALUE;
        for (int k = -1; k <= 12; k++) {
            double photons = k < 0 ? 0 : Math.pow(10, k);
            double t = Math.log10(1 + photons) / scale;
            if (t > 1.0001) {
                break;
            }
            int y = 1 + (int) Math.round((1 - t) * (height - 3));
            if (lastY - y < fm.getAscent() && k >= 0) {
                continue;
            }
            g.drawLine(x0 + BAR_PX, y, x0 + BAR_PX + 3, y);
            String label = k < 0 ? "0" : k <= 3 ? Long.toString((long) photons) : "1e" + k;
            int baseline = Math.max(fm.getAscent(), Math.min(height - 1, y + fm.getAscent() / 2));
            g.drawString(label, x0 + BAR_PX + 5, baseline);
            lastY = y;
        }
    }
}
