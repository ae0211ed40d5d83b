package org.dpr.io;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ChunkedDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Write → close → reopen round trips of {@link CxiWriter} and {@link HdfStackWriter}. */
class CxiWriterTest {

    private static DiffractionFrame frame(int index, int n, int box, long seed) {
        SplittableRandom random = new SplittableRandom(seed + index);
        float[] intensity = new float[n * n];
        byte[] mask = new byte[n * n];
        for (int i = 0; i < intensity.length; i++) {
            intensity[i] = (float) (random.nextDouble() * 1000);
            mask[i] = (byte) (random.nextInt(5) == 0 ? 0 : 1);
        }
        float[] truth = new float[box * box];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = (float) random.nextDouble();
        }
        FrameMetadata meta = FrameMetadata.empty()
                .with(FrameMetadata.FLUX_FACTOR, 1.5 + index)
                .with(FrameMetadata.FLUX_PHOTONS, 1e6 * (index + 1))
                .with(FrameMetadata.COHERENCE_LENGTH_PX, 50.0 - index)
                .with(FrameMetadata.SEED, 1_000_003L * index + 7)
                .with(FrameMetadata.DETECTOR_DISTANCE_M, 0.74)
                .with(FrameMetadata.PIXEL_SIZE_M, 75e-6)
                .with(FrameMetadata.PHOTON_ENERGY_EV, 1200.0);
        return new DiffractionFrame(n, n, intensity, mask, truth, meta);
    }

    @Test
    void writtenFramesReadBackWithIdenticalValuesMasksGroundTruthAndMetadata(@TempDir Path dir) {
        Path file = dir.resolve("sim.cxi");
        DiffractionFrame[] written = new DiffractionFrame[3];
        try (CxiWriter writer = CxiWriter.create(file)) {
            writer.putAttribute("command_line", "dpr simulate --frames 3 --window 16");
            writer.putAttribute("dpr_version", "0.1.0");
            for (int k = 0; k < 3; k++) {
                written[k] = frame(k, 16, 4, 42);
                writer.append(written[k]);
            }
            assertThat(Files.exists(file)).as("nothing is on disk before close").isFalse();
        }
        assertThat(FrameSources.detect(file)).isEqualTo(FileFormat.CXI);
        try (FrameSource source = FrameSources.open(file)) {
            assertThat(source.frameCount()).isEqualTo(3);
            for (int k = 2; k >= 0; k--) {
                DiffractionFrame read = source.read(k);
                assertThat(read.intensity()).containsExactly(written[k].intensity());
                assertThat(read.mask()).containsExactly(written[k].mask());
                assertThat(read.groundTruth()).containsExactly(written[k].groundTruth());
                FrameMetadata meta = read.metadata();
                for (String key : new String[]{FrameMetadata.FLUX_FACTOR, FrameMetadata.FLUX_PHOTONS,
                        FrameMetadata.COHERENCE_LENGTH_PX, FrameMetadata.SEED, FrameMetadata.DETECTOR_DISTANCE_M,
                        FrameMetadata.PIXEL_SIZE_M}) {
                    assertThat(meta.number(key)).as(key).isEqualTo(written[k].metadata().number(key));
                }
                assertThat(meta.number(FrameMetadata.PHOTON_ENERGY_EV).getAsDouble()).isCloseTo(1200.0,
                        org.assertj.core.api.Assertions.within(1e-9));
                assertThat(meta.number(FrameMetadata.FRAME_INDEX)).hasValue(k);
                assertThat(meta.text("command_line")).hasValue("dpr simulate --frames 3 --window 16");
                assertThat(meta.text("dpr_version")).hasValue("0.1.0");
            }
        }
    }

    @Test
    void fileHasTheCxiLayoutChunkedPerFrameAndDeflatedWithTheMaskInCxiConvention(@TempDir Path dir) {
        Path file = dir.resolve("layout.cxi");
        DiffractionFrame first = frame(0, 16, 4, 1);
        try (CxiWriter writer = CxiWriter.create(file)) {
            writer.append(first);
            writer.append(frame(1, 16, 4, 1));
        }
        try (HdfFile hdf = new HdfFile(file)) {
            Dataset data = hdf.getDatasetByPath(CxiPaths.DATA);
            assertThat(data.getDimensions()).containsExactly(2, 16, 16);
            assertThat(data.getJavaType()).isEqualTo(float.class);
            assertThat(((ChunkedDataset) data).getChunkDimensions()).containsExactly(1, 16, 16);
            assertThat(data.getFilters()).extracting(f -> f.getName()).contains("deflate");
            Dataset mask = hdf.getDatasetByPath(CxiPaths.MASK);
            assertThat(mask.getDimensions()).containsExactly(2, 16, 16);
            int[][][] stored = (int[][][]) mask.getData();
            for (int i = 0; i < 256; i++) {
                assertThat(stored[0][i / 16][i % 16]).isEqualTo(first.mask()[i] == 1 ? 0 : 1);
            }
            assertThat(hdf.getDatasetByPath(CxiPaths.GROUND_TRUTH).getDimensions()).containsExactly(2, 4, 4);
            assertThat(hdf.getDatasetByPath(CxiPaths.SAMPLE + "/flux_factor").getData()).isEqualTo(new double[]{1.5, 2.5});
            assertThat(((Number) hdf.getDatasetByPath(CxiPaths.CXI_VERSION).getData()).intValue()).isEqualTo(150);
            assertThat(hdf.getDatasetByPath(CxiPaths.DETECTOR + "/distance").getData()).isEqualTo(0.74);
        }
    }

    @Test
    void resultFileOfImagesWithSeriesAndAttributesReadsBackAsFramesWithPerFrameNumbers(@TempDir Path dir) {
        Path file = dir.resolve("result.cxi");
        float[][] images = {{1, 2, 3, 4}, {5, 6, 7, 8}};
        try (HdfStackWriter out = HdfStackWriter.create(file, WriteOptions.withDefaults())) {
            HdfStackWriter.FloatStack stack = out.floatStack(CxiPaths.IMAGE_DATA, 2, 2);
            HdfStackWriter.Series rFactor = out.float64Series("/entry_1/image_1/r_factor");
            HdfStackWriter.Series seconds = out.float64Series("/entry_1/image_1/seconds");
            out.putAttribute("/entry_1/image_1", "algorithm", "HIO(beta=0.9)^50 ER^10");
            out.putAttribute("/entry_1/image_1", "parameters", "{\"starts\":100}");
            out.putAttribute(CxiPaths.ENTRY, "command_line", "dpr reconstruct in.cxi");
            for (int k = 0; k < 2; k++) {
                stack.append(images[k]);
                rFactor.append(0.1 * (k + 1));
                seconds.append(2.5 * (k + 1));
            }
        }
        try (FrameSource source = FrameSources.open(file)) {
            assertThat(source.description()).contains(CxiPaths.IMAGE_DATA);
            DiffractionFrame second = source.read(1);
            assertThat(second.intensity()).containsExactly(images[1]);
            assertThat(second.metadata().number("r_factor")).hasValue(0.2);
            assertThat(second.metadata().number("seconds")).hasValue(5.0);
            assertThat(second.metadata().text("algorithm")).hasValue("HIO(beta=0.9)^50 ER^10");
            assertThat(second.metadata().text("parameters")).hasValue("{\"starts\":100}");
            assertThat(second.metadata().text("command_line")).hasValue("dpr reconstruct in.cxi");
        }
    }

    @Test
    void shortFileIsRefusedAndNothingIsLeftWhenFewerFramesThanExpectedWereAppended(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("short.cxi");
        CxiWriter writer = CxiWriter.create(file, WriteOptions.withDefaults().withExpectedFrames(5));
        writer.append(frame(0, 8, 0, 3));
        writer.append(frame(1, 8, 0, 3));
        assertThatThrownBy(writer::close).isInstanceOf(FileWriteException.class)
                .hasMessageContaining("incomplete").hasMessageContaining("2 frames where 5");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void abortedWriterLeavesNoFileAndKeepsAnOlderOneUntouched(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("keep.cxi");
        Files.writeString(file, "older content");
        try (CxiWriter writer = CxiWriter.create(file)) {
            writer.append(frame(0, 8, 0, 3));
            writer.abort();
        }
        assertThat(Files.readString(file)).isEqualTo("older content");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void failureWhileWritingDeletesTheTemporaryAndSaysWhy(@TempDir Path dir) throws IOException {
        Path folder = dir.resolve("out.cxi");
        Files.createDirectory(folder);
        CxiWriter writer = CxiWriter.create(folder);
        writer.append(frame(0, 8, 0, 3));
        assertThatThrownBy(writer::close).isInstanceOf(FileWriteException.class).hasMessageContaining("is a folder");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactly(folder);
        }
    }

    @Test
    void int64SeriesScalarsAndNumericAttributesRoundTrip(@TempDir Path dir) {
        Path file = dir.resolve("nested/folder/misc.h5");
        try (HdfStackWriter out = HdfStackWriter.create(file, WriteOptions.withDefaults().withDeflateLevel(0))) {
            HdfStackWriter.FloatStack stack = out.floatStack("/frames", 1, 2);
            HdfStackWriter.LongSeries seeds = out.int64Series("/seeds");
            out.putScalar("/sample/name", "ring");
            out.putAttribute("/frames", "exposure_s", 0.25);
            out.putAttribute("/", "run", 42L);
            for (long k = 0; k < 3; k++) {
                stack.append(new float[]{k, -k});
                seeds.append((1L << 53) + k);
            }
        }
        try (HdfFile hdf = new HdfFile(file)) {
            assertThat((long[]) hdf.getDatasetByPath("/seeds").getData())
                    .containsExactly((1L << 53), (1L << 53) + 1, (1L << 53) + 2);
            assertThat(hdf.getDatasetByPath("/sample/name").getData()).isEqualTo("ring");
            assertThat(hdf.getDatasetByPath("/frames").getAttribute("exposure_s").getData()).isEqualTo(0.25);
            assertThat(hdf.getAttribute("run").getData()).isEqualTo(42L);
        }
    }

    @Test
    void stackAndSeriesOfDifferentLengthsAreRefusedWithoutWritingAFile(@TempDir Path dir) {
        Path file = dir.resolve("uneven.h5");
        HdfStackWriter out = HdfStackWriter.create(file, WriteOptions.withDefaults());
        out.floatStack("/a", 2, 2).append(new float[4]);
        HdfStackWriter.Series series = out.float64Series("/b");
        series.append(1);
        series.append(2);
        assertThatThrownBy(out::close).isInstanceOf(FileWriteException.class).hasMessageContaining("/b holds 2 frames where 1");
        assertThat(Files.exists(file)).isFalse();
    }

    @Test
    void framesOfAnotherSizeAreRefused(@TempDir Path dir) {
        try (CxiWriter writer = CxiWriter.create(dir.resolve("x.cxi"))) {
            writer.append(frame(0, 8, 0, 3));
            assertThatThrownBy(() -> writer.append(frame(1, 16, 0, 3)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16×16");
            writer.abort();
        }
    }
}
