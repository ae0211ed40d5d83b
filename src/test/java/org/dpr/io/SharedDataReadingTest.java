package org.dpr.io;

import io.jhdf.HdfFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every file of {@code ../shared/data} reads with the right shape and mask convention. Expected
 * counts come from {@code ../shared/data/README.md} and from reading the files with jhdf directly.
 */
class SharedDataReadingTest {

    @Test
    void minimalCxiIsOneFrameOfFiftyByHundredWithEveryPixelMeasured() {
        Path file = SharedData.file("cxi-minimal.cxi");
        assertThat(FrameSources.detect(file)).isEqualTo(FileFormat.CXI);
        try (FrameSource source = FrameSources.open(file); HdfFile direct = new HdfFile(file)) {
            assertThat(source.frameCount()).isEqualTo(1);
            assertThat(source.height()).isEqualTo(50);
            assertThat(source.width()).isEqualTo(100);
            DiffractionFrame frame = source.read(0);
            assertThat(frame.measuredPixels()).isEqualTo(50 * 100);
            double[][] stored = (double[][]) direct.getDatasetByPath(CxiPaths.DATA).getData();
            for (int r : new int[]{0, 17, 49}) {
                for (int c : new int[]{0, 42, 99}) {
                    assertThat(frame.intensity()[r * 100 + c]).isEqualTo((float) stored[r][c]);
                }
            }
        }
    }

    @Test
    void typicalRawCxiFollowsTheSoftLinkToTheFirstDetectorAndReadsItsGeometry() {
        Path file = SharedData.file("cxi-typical-raw.cxi");
        try (FrameSource source = FrameSources.open(file); HdfFile direct = new HdfFile(file)) {
            assertThat(source.frameCount()).isEqualTo(1);
            assertThat(source.height()).isEqualTo(50);
            assertThat(source.width()).isEqualTo(100);
            assertThat(source.description()).contains(CxiPaths.DATA).contains("/entry_1/instrument_1/detector_1/data");
            DiffractionFrame frame = source.read(0);
            double[][] detector1 = (double[][]) direct.getDatasetByPath("/entry_1/instrument_1/detector_1/data").getData();
            assertThat(frame.intensity()[10 * 100 + 10]).isEqualTo((float) detector1[10][10]);
            assertThat(frame.metadata().number(FrameMetadata.DETECTOR_DISTANCE_M)).hasValue(0.15);
            // source energy 2.8893e-16 J = 1803.3 eV
            assertThat(frame.metadata().number(FrameMetadata.PHOTON_ENERGY_EV).getAsDouble()).isCloseTo(1803.3, within(0.1));
        }
    }

    @Test
    void typicalRawCxiSecondDetectorIsReachableThroughItsLinkWithItsOwnDistance() {
        Path file = SharedData.file("cxi-typical-raw.cxi");
        try (FrameSource source = FrameSources.open(file, ReadOptions.withDefaults().withDataPath("/entry_1/data_2/data"));
             HdfFile direct = new HdfFile(file)) {
            DiffractionFrame frame = source.read(0);
            double[][] detector2 = (double[][]) direct.getDatasetByPath("/entry_1/instrument_1/detector_2/data").getData();
            assertThat(frame.intensity()[3 * 100 + 7]).isEqualTo((float) detector2[3][7]);
            assertThat(frame.metadata().number(FrameMetadata.DETECTOR_DISTANCE_M)).hasValue(0.65);
        }
    }

    @Test
    void pnccdBooleanMaskMarksTrueAsMeasuredAndFlagsTheFiftyOneThousandGapPixels() {
        Path file = SharedData.file("lcls-amo-pnccd-front-mask.h5");
        assertThat(FrameSources.detect(file)).isEqualTo(FileFormat.HDF5);
        DetectorMask mask = FrameSources.readMask(file, ReadOptions.withDefaults());
        assertThat(mask.height()).isEqualTo(1024);
        assertThat(mask.width()).isEqualTo(1024);
        // README: 51 408 pixels flagged; they are the FALSE values (the outer frame and the central gap)
        assertThat(mask.missingPixels()).isEqualTo(51_408);
        assertThat(mask.measured()[0]).as("corner pixel lies on the flagged outer frame").isZero();
        assertThat(mask.measured()[300 * 1024 + 300]).as("a pixel inside the upper-left panel").isEqualTo((byte) 1);
    }

    @Test
    void pnccdMaskReadInTheCxiConventionInvertsEveryPixel() {
        Path file = SharedData.file("lcls-amo-pnccd-front-mask.h5");
        DetectorMask valid = FrameSources.readMask(file, ReadOptions.withDefaults());
        DetectorMask cxi = FrameSources.readMask(file, ReadOptions.withDefaults().withMaskFileConvention(MaskConvention.CXI));
        assertThat(cxi.missingPixels()).isEqualTo(1024 * 1024 - 51_408);
        for (int i = 0; i < valid.measured().length; i += 997) {
            assertThat(cxi.measured()[i]).isEqualTo((byte) (1 - valid.measured()[i]));
        }
    }

    @Test
    void pnccdMaskFileAppliedToAFrameSourceMasksTheSamePixels(@TempDir Path dir) {
        Path mask = SharedData.file("lcls-amo-pnccd-front-mask.h5");
        Path data = dir.resolve("flat.npy");
        float[] ones = new float[1024 * 1024];
        java.util.Arrays.fill(ones, 1f);
        Npy.write(data, NpyArray.ofFloat32(ones, 1024, 1024));
        try (FrameSource source = FrameSources.open(data, ReadOptions.withDefaults().withMaskFile(mask))) {
            assertThat(source.read(0).measuredPixels()).isEqualTo(1024 * 1024 - 51_408);
        }
    }

    @Test
    void rawOpticalRingIsOneLibspimageFrameWithSaturatedPixelsUnmasked(@TempDir Path dir) throws IOException {
        Path file = SharedData.gunzip("optical-ring-raw.h5.gz", dir);
        assertThat(FrameSources.detect(file)).isEqualTo(FileFormat.LIBSPIMAGE);
        try (FrameSource source = FrameSources.open(file)) {
            assertThat(source.frameCount()).isEqualTo(1);
            assertThat(source.height()).isEqualTo(1544);
            assertThat(source.width()).isEqualTo(1028);
            DiffractionFrame frame = source.read(0);
            assertThat(frame.measuredPixels()).as("README: mask all ones").isEqualTo(1544 * 1028);
            int saturated = 0;
            float max = 0;
            for (float v : frame.intensity()) {
                saturated += v == 65535f ? 1 : 0;
                max = Math.max(max, v);
            }
            assertThat(max).isEqualTo(65535f);
            assertThat(saturated).as("README: 6 759 saturated pixels").isEqualTo(6_759);
            assertThat(frame.metadata().number(MetadataKeys.CENTRE_ROW_PX)).hasValue(690.0);
            assertThat(frame.metadata().number(MetadataKeys.CENTRE_COL_PX)).hasValue(608.0);
        }
    }

    @Test
    void processedOpticalRingSquaresAmplitudesAndShiftsTheMaskedCoreToTheCentre() {
        Path file = SharedData.file("optical-ring-processed.h5");
        assertThat(FrameSources.detect(file)).isEqualTo(FileFormat.LIBSPIMAGE);
        float[][][] real;
        try (HdfFile direct = new HdfFile(file)) {
            real = (float[][][]) direct.getDatasetByPath("/real").getData();
        }
        try (FrameSource source = FrameSources.open(file)) {
            assertThat(source.frameCount()).isEqualTo(1);
            assertThat(source.height()).isEqualTo(98);
            assertThat(source.width()).isEqualTo(98);
            DiffractionFrame frame = source.read(0);
            // stored (r, c) moves to ((r + 49) mod 98, (c + 49) mod 98) and is squared
            for (int r : new int[]{0, 5, 60, 97}) {
                for (int c : new int[]{0, 13, 50, 97}) {
                    float a = real[r][c][0];
                    assertThat(frame.intensity()[((r + 49) % 98) * 98 + (c + 49) % 98]).isEqualTo(a * a);
                }
            }
            // the missing disc over the saturated core sits at the corners of the stored, shifted image;
            // after fftshift every missing pixel lies close to the centre (49, 49)
            int missing = 0;
            double farthest = 0;
            for (int i = 0; i < 98 * 98; i++) {
                if (frame.mask()[i] == 0) {
                    missing++;
                    farthest = Math.max(farthest, Math.hypot(i / 98 - 49, i % 98 - 49));
                }
            }
            assertThat(missing).isEqualTo(463);
            assertThat(farthest).isLessThan(16);
            // documented quirk: stored rows 42–48 (rows 91–97 after the shift) are zero yet marked valid
            for (int r = 91; r <= 97; r++) {
                assertThat(frame.intensity()[r * 98 + 20]).isZero();
                assertThat(frame.mask()[r * 98 + 20]).isEqualTo((byte) 1);
            }
        }
    }
}
