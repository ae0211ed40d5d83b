package org.dpr.io;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading HDF5 files written by the reference library (h5py/libhdf5), see {@code make_fixtures.py}. */
class Hdf5ReadingTest {

    @Test
    void chunkedStackBehindASoftLinkReadsFrameByFrameWithItsPerFrameBitMask() {
        Path file = Fixtures.path("stack-linked.cxi");
        try (FrameSource source = FrameSources.open(file)) {
            assertThat(source.frameCount()).isEqualTo(4);
            assertThat(source.height()).isEqualTo(6);
            assertThat(source.width()).isEqualTo(5);
            for (int k : new int[]{3, 0, 2}) {
                DiffractionFrame f = source.read(k);
                for (int r = 0; r < 6; r++) {
                    for (int c = 0; c < 5; c++) {
                        int i = r * 5 + c;
                        assertThat(f.intensity()[i]).isEqualTo((float) Fixtures.ramp(k, r, c, 0.25));
                        // CXI bits (1, 2, 4 or 8) set where (k + r + c) % 3 == 0: those pixels are missing
                        assertThat(f.mask()[i]).as("mask at %d,%d,%d", k, r, c)
                                .isEqualTo((byte) ((k + r + c) % 3 == 0 ? 0 : 1));
                    }
                }
                for (int r = 0; r < 3; r++) {
                    for (int c = 0; c < 3; c++) {
                        assertThat(f.groundTruth()[r * 3 + c]).isEqualTo((float) Fixtures.ramp(k, r, c, 0.5));
                    }
                }
                assertThat(f.metadata().number(FrameMetadata.FLUX_FACTOR)).hasValue(k + 1.0);
                assertThat(f.metadata().number(FrameMetadata.SEED)).hasValue(11.0 + k);
                assertThat(f.metadata().number(FrameMetadata.COHERENCE_LENGTH_PX)).hasValue(50.0);
                assertThat(f.metadata().number(FrameMetadata.DETECTOR_DISTANCE_M)).hasValue(0.5);
                assertThat(f.metadata().text("command_line")).hasValue("simulate --frames 4");
            }
        }
    }

    @Test
    void validConventionOverrideInvertsTheMaskOfACxiFile() {
        ReadOptions options = ReadOptions.withDefaults().withMaskConvention(MaskConvention.VALID);
        try (FrameSource source = FrameSources.open(Fixtures.path("stack-linked.cxi"), options)) {
            DiffractionFrame f = source.read(1);
            for (int i = 0; i < 30; i++) {
                int r = i / 5;
                int c = i % 5;
                assertThat(f.mask()[i]).isEqualTo((byte) ((1 + r + c) % 3 == 0 ? 1 : 0));
            }
        }
    }

    @Test
    void frameRangeSelectsFramesAndKeepsTheirIndexInTheFile() {
        ReadOptions options = ReadOptions.withDefaults().withFrames(FrameRange.parse("1:3"));
        try (FrameSource source = FrameSources.open(Fixtures.path("stack-linked.cxi"), options)) {
            assertThat(source.frameCount()).isEqualTo(2);
            DiffractionFrame f = source.read(1);
            assertThat(f.intensity()[0]).isEqualTo((float) Fixtures.ramp(2, 0, 0, 0.25));
            assertThat(f.metadata().number(FrameMetadata.FRAME_INDEX)).hasValue(2.0);
            assertThat(source).hasSize(2);
        }
    }

    @Test
    void plainHdf5WithTwoImagesAsksForADataPathAndListsTheDatasets() {
        assertThatThrownBy(() -> FrameSources.open(Fixtures.path("generic-int16.h5")))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("--data")
                .hasMessageContaining("/scan/frames [3×4×4]")
                .hasMessageContaining("/scan/valid [4×4]");
    }

    @Test
    void explicitDataAndBooleanMaskPathsReadSignedIntegersAndTrueAsMeasured() {
        ReadOptions options = ReadOptions.withDefaults().withDataPath("/scan/frames").withMaskPath("scan/valid");
        try (FrameSource source = FrameSources.open(Fixtures.path("generic-int16.h5"), options)) {
            assertThat(FrameSources.detect(Fixtures.path("generic-int16.h5"))).isEqualTo(FileFormat.HDF5);
            DiffractionFrame f = source.read(2);
            for (int r = 0; r < 4; r++) {
                for (int c = 0; c < 4; c++) {
                    assertThat(f.intensity()[r * 4 + c]).isEqualTo((float) Fixtures.ramp(2, r, c, -50));
                    assertThat(f.mask()[r * 4 + c]).isEqualTo((byte) ((10 * r + c) % 5 != 0 ? 1 : 0));
                }
            }
        }
    }
}
