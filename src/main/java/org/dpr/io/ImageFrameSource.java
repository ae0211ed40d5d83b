package org.dpr.io;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;

/**
 * Frames from a grey TIFF (8-, 16- or 32-bit, integer or float; every page of a multi-page TIFF
 * is a frame, read lazily) or PNG (8- or 16-bit grey) through the JDK's ImageIO. Unsigned 8/16-bit
 * samples keep their unsigned values. An RGB picture is accepted only when its three channels
 * agree (a grey image saved as colour); a colour image is refused. Every pixel is measured.
 */
final class ImageFrameSource implements FrameSource {

    private final Path file;
    private final String format;
    private final ImageInputStream input;
    private final ImageReader reader;
    private final int frames;
    private final int height;
    private final int width;

    private ImageFrameSource(Path file, String format, ImageInputStream input, ImageReader reader) throws IOException {
        this.file = file;
        this.format = format;
        this.input = input;
        this.reader = reader;
        this.frames = reader.getNumImages(true);
        if (frames < 1) {
            throw new DataFormatException(file + " holds no image");
        }
        this.height = reader.getHeight(0);
        this.width = reader.getWidth(0);
    }

    /** Opens a TIFF or PNG file; {@code format} is "tiff" or "png". */
    static ImageFrameSource open(Path file, String format) {
        Hdf5Support.requireReadableFile(file);
        ImageInputStream input = null;
        try {
            input = ImageIO.createImageInputStream(file.toFile());
            Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
            if (readers == null || !readers.hasNext()) {
                throw new DataFormatException(file + " is not a readable " + format.toUpperCase() + " image");
            }
            ImageReader reader = readers.next();
            reader.setInput(input, false, true);
            return new ImageFrameSource(file, reader.getFormatName().toLowerCase(), input, reader);
        } catch (IOException | RuntimeException e) {
            closeQuietly(input);
            if (e instanceof DataFormatException d) {
                throw d;
            }
            throw new DataFormatException("cannot read " + file + " as " + format.toUpperCase() + ": "
                    + Hdf5Support.firstLine(String.valueOf(e.getMessage())), e);
        }
    }

    @Override
    public int frameCount() {
        return frames;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public synchronized DiffractionFrame read(int index) {
        if (index < 0 || index >= frames) {
            throw new IndexOutOfBoundsException("frame " + index + " of " + frames);
        }
        Raster raster;
        try {
            if (reader.canReadRaster()) {
                raster = reader.readRaster(index, null);
            } else {
                BufferedImage image = reader.read(index);
                raster = image.getColorModel() instanceof IndexColorModel palette
                        ? palette.convertToIntDiscrete(image.getRaster(), false).getRaster()
                        : image.getRaster();
            }
        } catch (IOException | RuntimeException e) {
            throw new DataFormatException("cannot read image " + index + " of " + file + ": "
                    + Hdf5Support.firstLine(String.valueOf(e.getMessage())), e);
        }
        if (raster.getWidth() != width || raster.getHeight() != height) {
            throw new DataFormatException("page " + index + " of " + file + " is " + raster.getHeight() + "×"
                    + raster.getWidth() + " but page 0 is " + height + "×" + width);
        }
        float[] intensity = grey(raster, index);
        byte[] mask = new byte[height * width];
        Arrays.fill(mask, (byte) 1);
        FrameMetadata meta = FrameMetadata.empty()
                .withText(MetadataKeys.SOURCE_FILE, file.toString())
                .withText(MetadataKeys.SOURCE_DATASET, format)
                .with(FrameMetadata.FRAME_INDEX, index);
        return new DiffractionFrame(height, width, intensity, mask, null, meta);
    }

    private float[] grey(Raster raster, int index) {
        int bands = raster.getNumBands();
        int type = raster.getDataBuffer().getDataType();
        float[] out = new float[height * width];
        int x0 = raster.getMinX();
        int y0 = raster.getMinY();
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                float v = sample(raster, x0 + c, y0 + r, 0, type);
                if (bands >= 3) {
                    float g = sample(raster, x0 + c, y0 + r, 1, type);
                    float b = sample(raster, x0 + c, y0 + r, 2, type);
                    if (g != v || b != v) {
                        throw new DataFormatException("image " + index + " of " + file + " is a colour image (pixel at row "
                                + r + ", column " + c + " is not grey); dpr reads grey images");
                    }
                }
                out[r * width + c] = v;
            }
        }
        return out;
    }

    private static float sample(Raster raster, int x, int y, int band, int type) {
        return switch (type) {
            case DataBuffer.TYPE_FLOAT, DataBuffer.TYPE_DOUBLE -> raster.getSampleFloat(x, y, band);
            case DataBuffer.TYPE_INT -> raster.getSample(x, y, band);
            // TYPE_BYTE and TYPE_USHORT come back unsigned, TYPE_SHORT signed
            default -> raster.getSample(x, y, band);
        };
    }

    @Override
    public String description() {
        return file + " (" + format + (frames > 1 ? ", " + frames + " pages" : "") + ")";
    }

    @Override
    public void close() {
        reader.dispose();
        closeQuietly(input);
    }

    private static void closeQuietly(ImageInputStream input) {
        if (input != null) {
            try {
                input.close();
            } catch (IOException ignored) {
                // read-only stream
            }
        }
    }
}
