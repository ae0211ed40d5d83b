package org.dpr.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad inputs end in a one-line {@link DataFormatException} that says what is wrong and where. */
class ReadErrorsTest {

    private static DataFormatException failure(Path file, ReadOptions options) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> {
            try (FrameSource source = FrameSources.open(file, options)) {
                for (DiffractionFrame ignored : source) {
                    // read everything
                }
            }
        });
        assertThat(thrown).isInstanceOf(DataFormatException.class);
        assertThat(thrown.getMessage()).as("one line").doesNotContain("\n");
        return (DataFormatException) thrown;
    }

    @Test
    void missingFileIsNamed(@TempDir Path dir) {
        Path file = dir.resolve("nowhere.cxi");
        assertThat(failure(file, ReadOptions.withDefaults())).hasMessage("no such file: " + file);
    }

    @Test
    void textFileWithAnHdf5NameIsNotHdf5(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("notes.h5");
        Files.writeString(file, "this is not HDF5\n");
        assertThat(failure(file, ReadOptions.withDefaults())).hasMessageContaining("is not a readable HDF5 file");
    }

    @Test
    void fileOfUnknownKindListsTheFormatsDprReads(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("data.bin");
        Files.write(file, new byte[]{1, 2, 3, 4, 5, 6, 7, 8, 9});
        assertThat(failure(file, ReadOptions.withDefaults())).hasMessageContaining("cannot tell the format")
                .hasMessageContaining("TIFF");
    }

    @Test
    void compressedFileAsksToBeUnzipped(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ring.h5.gz");
        Files.write(file, new byte[]{0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0});
        assertThat(failure(file, ReadOptions.withDefaults())).hasMessageContaining("gunzip");
    }

    @Test
    void wrongDatasetPathListsTheDatasetsThatExist() {
        DataFormatException e = failure(Fixtures.path("stack-linked.cxi"),
                ReadOptions.withDefaults().withDataPath("/entry_1/data_1/frames"));
        assertThat(e).hasMessageContaining("/entry_1/data_1/frames does not exist")
                .hasMessageContaining("/entry_1/data_1/data [4×6×5]")
                .hasMessageContaining("/entry_1/sample_1/ground_truth [4×3×3]");
    }

    @Test
    void groupGivenAsDataPathIsCalledAGroup() {
        assertThat(failure(Fixtures.path("stack-linked.cxi"), ReadOptions.withDefaults().withDataPath("/entry_1")))
                .hasMessageContaining("/entry_1 is a group, not a dataset");
    }

    @Test
    void oneDimensionalDataIsRefused() {
        assertThat(failure(Fixtures.path("one-d.cxi"), ReadOptions.withDefaults()))
                .hasMessageContaining("is 1-D [10]").hasMessageContaining("2-D frames or a 3-D stack");
    }

    @Test
    void nanValuesAreRefusedWithTheirCountAndFirstPosition() {
        assertThat(failure(Fixtures.path("nan.cxi"), ReadOptions.withDefaults()))
                .hasMessageContaining("frame 1")
                .hasMessageContaining("2 NaN")
                .hasMessageContaining("row 2, column 3");
    }

    @Test
    void nanValuesCanBeMaskedInstead() {
        try (FrameSource source = FrameSources.open(Fixtures.path("nan.cxi"),
                ReadOptions.withDefaults().withNanPolicy(NanPolicy.MASK))) {
            DiffractionFrame f = source.read(1);
            assertThat(f.measuredPixels()).isEqualTo(16 - 2);
            assertThat(f.mask()[2 * 4 + 3]).isZero();
            assertThat(f.mask()[3 * 4]).isZero();
            assertThat(f.intensity()[2 * 4 + 3]).isZero();
            assertThat(f.intensity()[2 * 4 + 2]).isEqualTo((float) Fixtures.ramp(1, 2, 2, 0));
        }
    }

    @Test
    void maskOfAnotherShapeThanTheFramesIsRefused() {
        assertThat(failure(Fixtures.path("mask-mismatch.cxi"), ReadOptions.withDefaults()))
                .hasMessageContaining("[3×3]").hasMessageContaining("[2×4×4]");
    }

    @Test
    void maskFileOfAnotherSizeIsRefused() {
        ReadOptions options = ReadOptions.withDefaults().withMaskFile(Fixtures.path("grey8.png"));
        assertThat(failure(Fixtures.path("stack-linked.cxi"), options))
                .hasMessageContaining("mask file is 4×5").hasMessageContaining("6×5");
    }

    @Test
    void frameRangeBeyondTheFileIsRefused() {
        assertThat(failure(Fixtures.path("stack-linked.cxi"), ReadOptions.withDefaults().withFrames(FrameRange.parse("7:9"))))
                .hasMessageContaining("frames 7:9 requested but the source has only 4 frames");
    }

    @Test
    void malformedOptionsAreIllegalArguments() {
        assertThatThrownBy(() -> FrameRange.parse("3:1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FrameRange.parse("a:b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MaskConvention.parse("bad")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReadOptions.withDefaults().withDataPath(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(FrameRange.parse(":5")).isEqualTo(new FrameRange(0, 5));
        assertThat(FrameRange.parse("4")).isEqualTo(new FrameRange(4, 5));
        assertThat(FrameRange.parse("2:").countIn(10)).isEqualTo(8);
    }
}
