package org.dpr.preprocess;

import static org.assertj.core.api.Assertions.assertThat;

import org.dpr.io.DiffractionFrame;
import org.dpr.io.MetadataKeys;
import org.junit.jupiter.api.Test;

class WindowTest {

    @Test
    void cropKeepsTheCentreAtHalfTheWindow() {
        float[] v = new float[100 * 80];
        v[50 * 80 + 40] = 7f;           // centre
        v[(50 + 3) * 80 + 40 - 5] = 2f;  // (+3, −5) from it
        DiffractionFrame out = Window.of(32).apply(DiffractionFrame.fullyMeasured(100, 80, v)).frame();
        assertThat(out.height()).isEqualTo(32);
        assertThat(out.intensity()[16 * 32 + 16]).isEqualTo(7f);
        assertThat(out.intensity()[19 * 32 + 11]).isEqualTo(2f);
        assertThat(out.measuredPixels()).isEqualTo(32 * 32);
        assertThat(out.metadata().number(MetadataKeys.CENTRE_ROW_PX).getAsDouble()).isEqualTo(16);
    }

    @Test
    void padKeepsTheCentreAndMarksEverythingOutsideTheDataMissing() {
        float[] v = new float[20 * 20];
        java.util.Arrays.fill(v, 1f);
        v[10 * 20 + 10] = 9f;
        PreprocessStep.StepResult r = Window.of(32).apply(DiffractionFrame.fullyMeasured(20, 20, v));
        DiffractionFrame out = r.frame();
        assertThat(out.intensity()[16 * 32 + 16]).isEqualTo(9f);
        assertThat(out.measuredPixels()).isEqualTo(400);
        assertThat(out.mask()[0]).isZero();
        assertThat(out.intensity()[0]).isZero();
        assertThat(out.mask()[6 * 32 + 6]).isEqualTo((byte) 1);  // input (0, 0)
        assertThat(out.mask()[5 * 32 + 6]).isZero();
        assertThat(r.record().number("padded_px")).isEqualTo(32 * 32 - 400);
        assertThat(r.record().warnings()).isNotEmpty();
    }

    @Test
    void aWindowOfTheSameSizeKeepsTheGroundTruthAndAnotherSizeDropsIt() {
        DiffractionFrame in = new DiffractionFrame(16, 16, new float[256], Patterns.ones(256), new float[4], null);
        assertThat(Window.of(16).apply(in).frame().hasGroundTruth()).isTrue();
        assertThat(Window.of(8).apply(in).frame().hasGroundTruth()).isFalse();
    }
}
