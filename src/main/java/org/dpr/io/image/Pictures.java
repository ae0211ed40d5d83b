package org.dpr.io.image;

import org.dpr.io.AtomicFiles;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/** Helpers shared by the picture writers. */
final class Pictures {

    /** Pictures smaller than this (in pixels along the longer side) are magnified by an integer factor. */
    static final int MINIMUM_SIDE_PX = 256;

    private Pictures() {
    }

    static void requireSize(int height, int width, int length, String what) {
        if (height <= 0 || width <= 0 || length != height * width) {
            throw new IllegalArgumentException(what + " of " + height + "×" + width + " needs " + (long) height * width
                    + " values, got " + length);
        }
    }

    /** The integer magnification: the requested one, or (0 = automatic) the smallest that reaches {@link #MINIMUM_SIDE_PX}. */
    static int magnification(int requested, int height, int width) {
        if (requested > 0) {
            return requested;
        }
        int side = Math.max(height, width);
        return Math.max(1, (MINIMUM_SIDE_PX + side - 1) / side);
    }

    static void writePng(Path file, BufferedImage image) {
        AtomicFiles.write(file, temporary -> {
            if (!ImageIO.write(image, "png", temporary.toFile())) {
                throw new IOException("no PNG writer in this Java runtime");
            }
        });
    }
}
