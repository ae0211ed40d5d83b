package org.dpr.report;

import java.awt.Rectangle;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.text.TextUtils;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes charts as PNG (raster, for HTML pages and quick looks) or SVG (vector, for papers), with
 * no display needed: run with {@code -Djava.awt.headless=true} (the launcher and the tests do).
 * Files are written atomically.
 */
public final class ChartFiles {

    /** The file formats a chart can be written in. */
    public enum Format {
        PNG, SVG;

        /** The format a file name's extension names (.png or .svg, any case). */
        public static Format of(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".png")) {
                return PNG;
            }
            if (name.endsWith(".svg")) {
                return SVG;
            }
            throw new IllegalArgumentException("chart files must end in .png or .svg, got " + file.getFileName());
        }
    }

    private ChartFiles() {
    }

    /** Writes the chart in the format named by the file's extension (.png or .svg). */
    public static Path write(JFreeChart chart, Path file, int widthPx, int heightPx) {
        return Format.of(file) == Format.PNG
                ? writePng(chart, file, widthPx, heightPx)
                : writeSvg(chart, file, widthPx, heightPx);
    }

    /** Writes a widthPx × heightPx PNG. */
    public static Path writePng(JFreeChart chart, Path file, int widthPx, int heightPx) {
        Objects.requireNonNull(chart, "chart");
        checkSize(widthPx, heightPx);
        AtomicFiles.write(file, out -> ChartUtils.writeChartAsPNG(out, chart, widthPx, heightPx));
        return file;
    }

    /** Writes an SVG document of widthPx × heightPx user units (text kept as text). */
    public static Path writeSvg(JFreeChart chart, Path file, int widthPx, int heightPx) {
        Objects.requireNonNull(chart, "chart");
        checkSize(widthPx, heightPx);
        AtomicFiles.writeString(file, svg(chart, widthPx, heightPx));
        return file;
    }

    /**
     * The chart as an SVG document string. Rotated labels (the value axis) are kept as
     * {@code <text>} too: JFreeChart by default draws rotated strings as glyph outlines (a
     * workaround for old JDKs), which would make them unsearchable and uneditable; the switch is
     * turned off for the duration of the drawing and restored.
     */
    public static String svg(JFreeChart chart, int widthPx, int heightPx) {
        Objects.requireNonNull(chart, "chart");
        checkSize(widthPx, heightPx);
        SVGGraphics2D g = new SVGGraphics2D(widthPx, heightPx);
        synchronized (ChartFiles.class) {
            boolean workaround = TextUtils.isUseDrawRotatedStringWorkaround();
            TextUtils.setUseDrawRotatedStringWorkaround(false);
            try {
                chart.draw(g, new Rectangle(0, 0, widthPx, heightPx));
            } finally {
                TextUtils.setUseDrawRotatedStringWorkaround(workaround);
            }
        }
        return g.getSVGDocument();
    }

    private static void checkSize(int widthPx, int heightPx) {
        if (widthPx < 16 || heightPx < 16 || widthPx > 20_000 || heightPx > 20_000) {
            throw new IllegalArgumentException("chart size must be 16–20000 px per side, got " + widthPx + "×" + heightPx);
        }
    }
}
