package org.dpr.io;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** TIFF (tifffile) and PNG (Pillow) reference files read through the JDK's ImageIO. */
class ImageFormatsReadingTest {

    private static void assertRamp(String file, int frame, double offset) {
        try (FrameSource source = FrameSources.open(Fixtures.path(file))) {
            assertThat(source.height()).as(file).isEqualTo(4);
            assertThat(source.width()).as(file).isEqualTo(5);
            DiffractionFrame f = source.read(frame);
            for (int r = 0; r < 4; r++) {
                for (int c = 0; c < 5; c++) {
                    assertThat(f.intensity()[r * 5 + c]).as(file + " at " + r + "," + c)
                            .isEqualTo((float) Fixtures.ramp(frame, r, c, offset));
                }
            }
        }
    }

    @Test
    void eightSixteenAndThirtyTwoBitGreyTiffsKeepTheirUnsignedAndFloatValues() {
        assertRamp("grey8.tif", 0, 200);
        assertRamp("grey16.tif", 0, 60000);
        assertRamp("grey32f.tif", 0, 0.75);
    }

    @Test
    void everyPageOfAMultiPageTiffIsAFrame() {
        try (FrameSource source = FrameSources.open(Fixtures.path("stack16.tif"))) {
            assertThat(source.frameCount()).isEqualTo(3);
        }
        assertRamp("stack16.tif", 2, 1000);
    }

    @Test
    void greyPngsOfEightAndSixteenBitsAndAGreyImageSavedAsRgbRead() {
        assertRamp("grey8.png", 0, 200);
        assertRamp("grey16.png", 0, 60000);
        assertRamp("rgb-grey.png", 0, 0);
        assertThat(FrameSources.detect(Fixtures.path("grey8.png"))).isEqualTo(FileFormat.PNG);
        assertThat(FrameSources.detect(Fixtures.path("grey8.tif"))).isEqualTo(FileFormat.TIFF);
    }

    @Test
    void colourImagesAreRefusedNamingThePixel() {
        for (String file : new String[]{"colour.png", "colour.tif"}) {
            assertThatThrownBy(() -> {
                try (FrameSource source = FrameSources.open(Fixtures.path(file))) {
                    source.read(0);
                }
            }).as(file).isInstanceOf(DataFormatException.class).hasMessageContaining("colour image");
        }
    }
}
