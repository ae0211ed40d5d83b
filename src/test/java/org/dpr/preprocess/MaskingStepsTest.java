package org.dpr.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dpr.io.DetectorMask;
import org.dpr.io.DiffractionFrame;
import org.junit.jupiter.api.Test;

class MaskingStepsTest {

    private static DiffractionFrame frame(float... values) {
        return DiffractionFrame.fullyMeasured(1, values.length, values);
    }

    @Test
    void saturationMasksPixelsAtOrAboveTheThresholdAndKeepsTheirValues() {
        float[] values = new float[40];
        System.arraycopy(new float[] {10, 64999, 65000, 65535, 3}, 0, values, 0, 5);
        PreprocessStep.StepResult r = SaturationMask.atOrAbove(65000).apply(frame(values));
        assertThat(java.util.Arrays.copyOf(r.frame().mask(), 5)).containsExactly(1, 1, 0, 0, 1);
        assertThat(java.util.Arrays.copyOf(r.frame().intensity(), 5)).containsExactly(10, 64999, 65000, 65535, 3);
        assertThat(r.frame().measuredPixels()).isEqualTo(38);
        assertThat(r.record().number("masked_px")).isEqualTo(2);
        assertThat(r.record().line()).isEqualTo("saturation: masked 2 px ≥ 65000");
        PreprocessStep.StepResult most = SaturationMask.atOrAbove(1).apply(frame(5, 5, 5, 0));
        assertThat(most.record().warnings()).singleElement().asString().contains("75.0 % of the frame");
    }

    @Test
    void invalidPixelsMasksNanAndInfinityAndNegativesAsAsked() {
        DiffractionFrame in = frame(Float.NaN, -0.4f, 5, Float.POSITIVE_INFINITY);
        DiffractionFrame kept = InvalidPixels.withDefaults().apply(in).frame();
        assertThat(kept.mask()).containsExactly(0, 1, 1, 0);
        assertThat(kept.intensity()).containsExactly(0, -0.4f, 5, 0);
        DiffractionFrame zeroed = InvalidPixels.withDefaults().with(InvalidPixels.NegativePolicy.ZERO).apply(in).frame();
        assertThat(zeroed.mask()).containsExactly(0, 1, 1, 0);
        assertThat(zeroed.intensity()[1]).isZero();
        DiffractionFrame masked = InvalidPixels.withDefaults().with(InvalidPixels.NegativePolicy.MASK).apply(in).frame();
        assertThat(masked.mask()).containsExactly(0, 0, 1, 0);
    }

    @Test
    void rectanglesAreHalfOpenAndMayRunToTheEdge() {
        DiffractionFrame in = DiffractionFrame.fullyMeasured(4, 5, new float[20]);
        PreprocessStep.StepResult r = RectangleMask.of(RectangleMask.Rect.parse("1:3,2:"), RectangleMask.Rect.parse("3:4,0:1"))
                .apply(in);
        assertThat(r.frame().measuredPixels()).isEqualTo(20 - 6 - 1);
        assertThat(r.frame().mask()[1 * 5 + 2]).isZero();
        assertThat(r.frame().mask()[2 * 5 + 4]).isZero();
        assertThat(r.frame().mask()[3 * 5 + 2]).isEqualTo((byte) 1);
        assertThat(r.frame().mask()[3 * 5]).isZero();
        assertThatThrownBy(() -> RectangleMask.Rect.parse("3:1,0:2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RectangleMask.of(RectangleMask.Rect.parse("9:10,0:2")).apply(in))
                .isInstanceOf(PreprocessException.class).hasMessageContaining("outside the 4×5 frame");
    }

    @Test
    void aDetectorMaskCombinesWithTheFramesMaskAndMustHaveItsShape() {
        DetectorMask detector = new DetectorMask(1, 4, new byte[] {1, 0, 1, 0});
        DiffractionFrame in = new DiffractionFrame(1, 4, new float[4], new byte[] {1, 1, 0, 0}, null, null);
        PreprocessStep.StepResult r = DetectorMaskStep.of(detector, "test").apply(in);
        assertThat(r.frame().mask()).containsExactly(1, 0, 0, 0);
        assertThat(r.record().number("masked_px")).isEqualTo(1);
        assertThatThrownBy(() -> DetectorMaskStep.of(detector, "gaps.h5").apply(frame(1, 2, 3)))
                .isInstanceOf(PreprocessException.class)
                .hasMessage("the detector mask gaps.h5 is 1×4 but the frames are 1×3");
    }

    @Test
    void backgroundIsSubtractedAndClippedAtZero() {
        DiffractionFrame in = frame(10, 3, 0, 7);
        DiffractionFrame constant = BackgroundSubtraction.constant(4).apply(in).frame();
        assertThat(constant.intensity()).containsExactly(6, 0, 0, 3);
        DiffractionFrame dark = BackgroundSubtraction.darkFrame(new float[] {1, 1, 2, 8}, 1, 4, "dark").apply(in).frame();
        assertThat(dark.intensity()).containsExactly(9, 2, 0, 0);
        assertThat(dark.mask()).containsExactly(1, 1, 1, 1);
        assertThatThrownBy(() -> BackgroundSubtraction.darkFrame(new float[6], 2, 3, "dark.tif").apply(in))
                .isInstanceOf(PreprocessException.class).hasMessageContaining("dark frame dark.tif is 2×3");
    }
}
