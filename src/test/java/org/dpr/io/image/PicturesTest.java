package org.dpr.io.image;

import org.dpr.io.DiffractionFrame;
import org.dpr.io.FrameSource;
import org.dpr.io.FrameSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** PNG and float TIFF pictures read back with the right size, colours and values. */
class PicturesTest {

    /** matplotlib's viridis at 0, 0.5 and 1 (#440154, #21918c, #fde725). */
    private static final int VIRIDIS_LOW = 0x440154;
    private static final int VIRIDIS_MID = 0x21918c;
    private static final int VIRIDIS_HIGH = 0xfde725;

    @Test
    void floatTiffRoundTripsEveryValueExactlyAsThirtyTwoBitIeeeFloat(@TempDir Path dir) throws IOException {
        float[] values = {0f, -1.5f, 3.25e-7f, 65535.5f, Float.MIN_VALUE, 1e30f, (float) Math.PI, -0f, 42f, 7e-3f, 1f, 2f};
        Path tiff = dir.resolve("object.tif");
        FloatTiff.write(tiff, 3, 4, values);
        try (FrameSource source = FrameSources.open(tiff)) {
            assertThat(source.height()).isEqualTo(3);
            assertThat(source.width()).isEqualTo(4);
            assertThat(source.read(0).intensity()).containsExactly(values);
        }
        TIFFDirectory ifd = firstDirectory(tiff);
        assertThat(ifd.getTIFFField(BaselineTIFFTagSet.TAG_BITS_PER_SAMPLE).getAsInt(0)).isEqualTo(32);
        assertThat(ifd.getTIFFField(BaselineTIFFTagSet.TAG_SAMPLE_FORMAT).getAsInt(0))
                .isEqualTo(BaselineTIFFTagSet.SAMPLE_FORMAT_FLOATING_POINT);
        assertThat(ifd.getTIFFField(BaselineTIFFTagSet.TAG_COMPRESSION).getAsInt(0))
                .isEqualTo(BaselineTIFFTagSet.COMPRESSION_NONE);
        assertThat(ifd.getTIFFField(BaselineTIFFTagSet.TAG_PHOTOMETRIC_INTERPRETATION).getAsInt(0))
                .isEqualTo(BaselineTIFFTagSet.PHOTOMETRIC_INTERPRETATION_BLACK_IS_ZERO);
    }

    private static TIFFDirectory firstDirectory(Path tiff) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(tiff.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            IIOMetadata metadata = reader.getImageMetadata(0);
            reader.dispose();
            return TIFFDirectory.createFromMetadata(metadata);
        }
    }

    @Test
    void floatTiffStackHasOnePagePerFrame(@TempDir Path dir) {
        Path tiff = dir.resolve("stack.tif");
        FloatTiff.writeStack(tiff, 2, 2, List.of(new float[]{1, 2, 3, 4}, new float[]{5, 6, 7, 8}, new float[]{9, 10, 11, 12}));
        try (FrameSource source = FrameSources.open(tiff)) {
            assertThat(source.frameCount()).isEqualTo(3);
            assertThat(source.read(2).intensity()).containsExactly(9, 10, 11, 12);
        }
    }

    @Test
    void patternPngShowsLogIntensityInViridisMissingPixelsGreyAndAColourBar(@TempDir Path dir) throws IOException {
        int n = 8;
        float[] intensity = new float[n * n];
        byte[] mask = new byte[n * n];
        java.util.Arrays.fill(mask, (byte) 1);
        intensity[0] = 9999f;                 // brightest measured: log10(1 + 9999) = 4 → top colour
        intensity[1] = 99f;                   // log10(100) = 2 = half of 4 → middle colour
        intensity[2] = 0f;                    // bottom colour
        intensity[3] = 1e9f;                  // brighter, but missing: grey, and it does not set the scale
        mask[3] = 0;
        Path png = dir.resolve("pattern.png");
        PatternPicture.withDefaults().withMagnification(4)
                .write(png, DiffractionFrame.fullyMeasured(n, n, intensity).withMask(mask));
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getHeight()).isEqualTo(n * 4);
        assertThat(image.getWidth()).isEqualTo(n * 4 + 8 + 14 + 44);
        assertThat(image.getRGB(0 * 4 + 1, 1) & 0xFFFFFF).isEqualTo(VIRIDIS_HIGH);
        assertThat(image.getRGB(1 * 4 + 1, 1) & 0xFFFFFF).isEqualTo(VIRIDIS_MID);
        assertThat(image.getRGB(2 * 4 + 1, 1) & 0xFFFFFF).isEqualTo(VIRIDIS_LOW);
        assertThat(image.getRGB(3 * 4 + 1, 1) & 0xFFFFFF).isEqualTo(PatternPicture.MISSING_RGB);
        int barX = n * 4 + 8 + 7;
        assertThat(image.getRGB(barX, 1) & 0xFFFFFF).as("bar top").isEqualTo(VIRIDIS_HIGH);
        assertThat(image.getRGB(barX, n * 4 - 2) & 0xFFFFFF).as("bar bottom").isEqualTo(VIRIDIS_LOW);
        int dark = 0;
        for (int x = n * 4 + 8 + 14 + 4; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                dark += (image.getRGB(x, y) & 0xFF) < 128 ? 1 : 0;
            }
        }
        assertThat(dark).as("tick labels are drawn beside the bar").isPositive();
    }

    @Test
    void patternPngIsMagnifiedToAtLeast256PixelsByDefaultAndCanDropTheBar(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("small.png");
        PatternPicture.withDefaults().withColourBar(PatternPicture.ColourBar.HIDDEN)
                .write(png, 100, 60, new float[6000], null);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(60 * 3);
        assertThat(image.getHeight()).isEqualTo(100 * 3);
    }

    @Test
    void objectPngIsALinearGreyScaleFromZeroToTheMaximum(@TempDir Path dir) throws IOException {
        float[] object = {0f, 1f, 2f, 4f};
        Path png = dir.resolve("object.png");
        ObjectPicture.withDefaults().withMagnification(3).write(png, 2, 2, object);
        assertThat(Files.exists(png)).isTrue();
        try (FrameSource source = FrameSources.open(png)) {
            assertThat(source.height()).isEqualTo(6);
            assertThat(source.width()).isEqualTo(6);
            float[] grey = source.read(0).intensity();
            assertThat(grey[0]).isEqualTo(0f);
            assertThat(grey[3]).isEqualTo(Math.round(255 * 0.25));
            assertThat(grey[3 * 6]).isEqualTo(Math.round(255 * 0.5));
            assertThat(grey[3 * 6 + 5]).isEqualTo(255f);
        }
    }

    @Test
    void objectPngWithAFixedRangeClampsOutsideValues(@TempDir Path dir) throws IOException {
        BufferedImage image = ObjectPicture.withDefaults().withMagnification(1).withRange(1, 3)
                .render(1, 3, new float[]{0f, 2f, 5f});
        assertThat(image.getRaster().getSample(0, 0, 0)).isZero();
        assertThat(image.getRaster().getSample(1, 0, 0)).isEqualTo(128);
        assertThat(image.getRaster().getSample(2, 0, 0)).isEqualTo(255);
    }
}
