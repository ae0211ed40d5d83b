package org.dpr.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jhdf.HdfFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dpr.Geometry;
import org.dpr.io.DiffractionFrame;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The LCLS AMO front pnCCD mask of ../shared/data as a simulator detector mask. Note: its 51 408
 * flagged pixels (edges, the central gap and hole) are the FALSE ones — the file stores
 * true = good, whatever data/README.md says (checked with h5dump: (0,0) and (500,500) are FALSE,
 * 997 168 pixels TRUE).
 */
class RealDetectorMaskTest {
    private static final Path FILE = Path.of("..", "shared", "data", "lcls-amo-pnccd-front-mask.h5");

    private static byte[] readValid() {
        Assumptions.assumeTrue(Files.isRegularFile(FILE), "shared test data missing: " + FILE.toAbsolutePath());
        try (HdfFile file = new HdfFile(FILE)) {
            // h5py stores bool as an enum {FALSE, TRUE}; jhdf reads it as strings
            String[][] good = (String[][]) file.getDatasetByPath("/data/data").getData();
            byte[] valid = new byte[1024 * 1024];
            for (int r = 0; r < 1024; r++) {
                for (int c = 0; c < 1024; c++) {
                    valid[r * 1024 + c] = (byte) ("TRUE".equals(good[r][c]) ? 1 : 0);
                }
            }
            return valid;
        }
    }

    private static int missing(byte[] mask) {
        int count = 0;
        for (byte b : mask) {
            count += b == 0 ? 1 : 0;
        }
        return count;
    }

    @Test
    void pnccdMaskKeepsEveryBadPixelWhenCroppedOrResizedToTheWindow() {
        byte[] valid = readValid();
        assertThat(missing(valid)).isEqualTo(51_408);
        assertThat(missing(DetectorMask.cropped(1024, 1024, valid).fitTo(1024))).isEqualTo(51_408);

        byte[] resized = new DetectorMask(1024, 1024, valid, DetectorMask.Fit.RESIZE).fitTo(128);
        int blocksWithBadPixels = 0;
        for (int i = 0; i < 128; i++) {
            for (int j = 0; j < 128; j++) {
                boolean bad = false;
                for (int r = 8 * i; r < 8 * i + 8; r++) {
                    for (int c = 8 * j; c < 8 * j + 8; c++) {
                        bad |= valid[r * 1024 + c] == 0;
                    }
                }
                blocksWithBadPixels += bad ? 1 : 0;
                assertThat(resized[i * 128 + j]).isEqualTo((byte) (bad ? 0 : 1));
            }
        }
        assertThat(missing(resized)).isEqualTo(blocksWithBadPixels).isGreaterThan(51_408 / 64);

        MaskRecipe recipe = MaskRecipe.none().withDetectorMask(new DetectorMask(1024, 1024, valid, DetectorMask.Fit.RESIZE));
        DiffractionFrame frame = Simulator.of(SimulationConfig.withDefaults().withGeometry(Geometry.SMALL).withMasks(recipe))
                .frame(0);
        assertThat(frame.mask()).containsExactly(resized);
    }
}
