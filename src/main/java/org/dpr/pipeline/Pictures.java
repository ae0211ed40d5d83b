package org.dpr.pipeline;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.dpr.DprException;
import org.dpr.io.DiffractionFrame;
import org.dpr.io.image.ObjectPicture;
import org.dpr.io.image.PatternPicture;
import org.dpr.metrics.FourierAmplitudes;

/** Pictures of one reconstruction: the object, and the measured beside the reconstructed diffraction. */
public final class Pictures {
    private Pictures() {
    }

    /** Side of the object picture in screen pixels. */
    static final int OBJECT_PICTURE_PX = 256;

    /**
     * Writes {@code <method>-frame-<k>-object.png} and {@code <method>-frame-<k>-diffraction.png}
     * (measured | reconstructed, each on its own log colour scale; masked pixels grey in the
     * measured half).
     */
    public static void write(Path dir, String method, ObjectEstimate estimate, DiffractionFrame frame) {
        try {
            Files.createDirectories(dir);
            String stem = String.format(Locale.ROOT, "%s-frame-%05d", safe(method), estimate.frameIndex());
            int n = estimate.objectBoxPx();
            ObjectPicture.withDefaults().withMagnification(Math.max(1, OBJECT_PICTURE_PX / n))
                    .write(dir.resolve(stem + "-object.png"), n, n, estimate.object());
            ImageIO.write(diffractionPair(estimate, frame), "png", dir.resolve(stem + "-diffraction.png").toFile());
        } catch (IOException e) {
            throw new DprException("cannot write pictures to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Measured (left) and reconstructed |F(pad x)|² (right), log colour scales. */
    public static BufferedImage diffractionPair(ObjectEstimate estimate, DiffractionFrame frame) {
        int h = frame.height();
        int w = frame.width();
        float[] amplitudes = FourierAmplitudes.ofObject(estimate.object(), estimate.objectBoxPx(), estimate.objectBoxPx(), h, w);
        float[] model = new float[amplitudes.length];
        for (int i = 0; i < model.length; i++) {
            model[i] = amplitudes[i] * amplitudes[i];
        }
        byte[] all = new byte[h * w];
        java.util.Arrays.fill(all, (byte) 1);
        int magnification = Math.max(1, 256 / Math.max(h, w));
        PatternPicture picture = PatternPicture.withDefaults().withMagnification(magnification)
                .withColourBar(PatternPicture.ColourBar.HIDDEN);
        BufferedImage measured = picture.render(h, w, frame.intensity(), frame.mask());
        BufferedImage reconstructed = picture.render(h, w, model, all);
        int gap = 8;
        int title = 18;
        BufferedImage pair = new BufferedImage(measured.getWidth() * 2 + gap, measured.getHeight() + title, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = pair.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, pair.getWidth(), pair.getHeight());
        g.drawImage(measured, 0, title, null);
        g.drawImage(reconstructed, measured.getWidth() + gap, title, null);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString("measured", 2, 13);
        g.drawString(String.format(Locale.ROOT, "%s  R_F %.3f", estimate.method(), estimate.rf()), measured.getWidth() + gap + 2, 13);
        g.dispose();
        return pair;
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
