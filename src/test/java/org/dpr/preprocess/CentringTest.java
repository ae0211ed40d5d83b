package org.dpr.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.dpr.io.DiffractionFrame;
import org.junit.jupiter.api.Test;

class CentringTest {

    /** A noisy N = 128 pattern of a 16-px disc (σ = 8), centred at (64, 64). */
    private static final DiffractionFrame PATTERN = Patterns.ofOversampling(128, 8, 1e7, 11);

    @Test
    void findsAKnownOffCentreCentreWithinOnePixel() {
        DiffractionFrame detector = Patterns.onDetector(PATTERN, 150, 170, 70, 93);
        CentreEstimate c = CentreFinder.withDefaults().find(detector);
        assertThat(c.rowPx()).isCloseTo(70, within(1.0));
        assertThat(c.colPx()).isCloseTo(93, within(1.0));
        assertThat(c.peakCorrelation()).isGreaterThan(0.9);
        assertThat(c.peakRatio()).isGreaterThan(1.2);
    }

    @Test
    void findsTheCentreBehindABeamstopAndPanelGaps() {
        DiffractionFrame detector = Patterns.onDetector(PATTERN, 150, 170, 70, 93);
        detector = Patterns.beamstop(detector, 70, 93, 7);
        detector = Patterns.gaps(detector, 80, 84, 60, 63); // a horizontal and a vertical gap, off the centre
        CentreEstimate c = CentreFinder.withDefaults().find(detector);
        assertThat(c.row()).isBetween(69, 71);
        assertThat(c.col()).isBetween(92, 94);
    }

    @Test
    void findsTheCentreOfALargeFrameCoarseToFine() {
        DiffractionFrame big = Patterns.onDetector(Patterns.ofOversampling(512, 24, 1e8, 4), 700, 600, 333, 290);
        big = Patterns.beamstop(big, 333, 290, 12);
        CentreEstimate c = CentreFinder.withDefaults().find(big);
        assertThat(c.rowPx()).isCloseTo(333, within(1.0));
        assertThat(c.colPx()).isCloseTo(290, within(1.0));
    }

    @Test
    void centringMovesTheFoundCentreToHalfTheFrame() {
        DiffractionFrame detector = Patterns.onDetector(PATTERN, 150, 170, 70, 93);
        PreprocessStep.StepResult r = Centring.auto().apply(detector);
        DiffractionFrame out = r.frame();
        assertThat(out.height()).isEqualTo(150);
        assertThat(out.width()).isEqualTo(170);
        int row = (int) r.record().number("centre_row_px");
        int col = (int) r.record().number("centre_col_px");
        // every measured output pixel is the input pixel moved by (H/2 − row, W/2 − col)
        for (int y = 0; y < 150; y++) {
            for (int x = 0; x < 170; x++) {
                if (out.mask()[y * 170 + x] != 0) {
                    int sy = y - 75 + row;
                    int sx = x - 85 + col;
                    assertThat(out.intensity()[y * 170 + x]).isEqualTo(detector.intensity()[sy * 170 + sx]);
                }
            }
        }
        assertThat(out.metadata().number(Centring.FOUND_ROW_PX).getAsDouble()).isEqualTo(row);
        assertThat(Math.abs(r.record().number("shift_rows_px") - 5)).isLessThanOrEqualTo(1);
    }

    @Test
    void aGivenCentreOutsideTheFrameIsRefused() {
        assertThatThrownBy(() -> Centring.at(200, 10).apply(PATTERN))
                .isInstanceOf(PreprocessException.class)
                .hasMessage("the centre (200, 10) is outside the 128×128 frame");
        assertThatThrownBy(() -> Centring.at(200, 10).outputSize(PreprocessStep.FrameSize.of(PATTERN)))
                .isInstanceOf(PreprocessException.class);
    }
}
