package org.dpr.io.image;

import org.dpr.io.AtomicFiles;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferFloat;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * 32-bit float grey TIFFs (BitsPerSample 32, SampleFormat 3 = IEEE float, uncompressed) through
 * the JDK's TIFF plugin: Fiji/ImageJ opens them as 32-bit images with the exact values, one
 * slice per frame for a stack. Read them back with {@link org.dpr.io.FrameSources}.
 */
public final class FloatTiff {

    private FloatTiff() {
    }

    /** Writes one row-major float image. */
    public static void write(Path tiff, int height, int width, float[] values) {
        writeStack(tiff, height, width, List.of(values));
    }

    /** Writes a multi-page TIFF, one page per frame. */
    public static void writeStack(Path tiff, int height, int width, List<float[]> frames) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("a TIFF needs at least one frame");
        }
        for (float[] f : frames) {
            Pictures.requireSize(height, width, f.length, "image");
        }
        AtomicFiles.write(tiff, temporary -> {
            Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("tiff");
            if (!writers.hasNext()) {
                throw new IOException("no TIFF writer in this Java runtime");
            }
            ImageWriter writer = writers.next();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(temporary.toFile())) {
                writer.setOutput(out);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_DISABLED);
                writer.prepareWriteSequence(null);
                for (float[] f : frames) {
                    BufferedImage image = image(height, width, f);
                    writer.writeToSequence(new IIOImage(image, null,
                            writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param)), param);
                }
                writer.endWriteSequence();
            } finally {
                writer.dispose();
            }
        });
    }

    private static BufferedImage image(int height, int width, float[] values) {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_FLOAT);
        var sampleModel = new PixelInterleavedSampleModel(DataBuffer.TYPE_FLOAT, width, height, 1, width, new int[]{0});
        WritableRaster raster = Raster.createWritableRaster(sampleModel, new DataBufferFloat(values.clone(), values.length), null);
        return new BufferedImage(model, raster, false, null);
    }
}
