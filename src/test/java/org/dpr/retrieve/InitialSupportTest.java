package org.dpr.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import org.dpr.io.DiffractionFrame;
import org.junit.jupiter.api.Test;

class InitialSupportTest {

    private static int count(float[] s) {
        int c = 0;
        for (float v : s) {
            c += v > 0 ? 1 : 0;
        }
        return c;
    }

    @Test
    void centredSquaresScaleWithTheObjectBoxAsThePaperSixtyAndThirtyOfSixtyFour() {
        try (NDManager m = NDManager.newBaseManager()) {
            DiffractionFrame big = DiffractionFrame.fullyMeasured(512, 512, new float[512 * 512]);
            float[] sim = InitialSupport.simulation().create(m, big, 64);
            assertThat(count(sim)).isEqualTo(60 * 60);
            // rows/columns 226 … 285: symmetric about the window centre 255.5
            assertThat(sim[226 * 512 + 226]).isEqualTo(1f);
            assertThat(sim[285 * 512 + 285]).isEqualTo(1f);
            assertThat(sim[225 * 512 + 256]).isZero();
            assertThat(sim[286 * 512 + 256]).isZero();
            assertThat(count(InitialSupport.experiment().create(m, big, 64))).isEqualTo(30 * 30);
            DiffractionFrame small = DiffractionFrame.fullyMeasured(128, 128, new float[128 * 128]);
            assertThat(count(InitialSupport.simulation().create(m, small, 16))).isEqualTo(15 * 15);
            assertThat(count(InitialSupport.experiment().create(m, small, 16))).isEqualTo(8 * 8);
            assertThat(count(InitialSupport.centredSquarePx(10).create(m, small, 16))).isEqualTo(100);
        }
    }

    @Test
    void autocorrelationSupportOfASquareIsWhereTheTriangleFunctionExceedsTheThreshold() {
        int n = 64;
        int side = 8;
        float[] object = new float[side * side];
        java.util.Arrays.fill(object, 1f);
        try (NDManager m = NDManager.newBaseManager()) {
            DiffractionFrame f = TestFrames.frame(m, object, side, n);
            float[] s = InitialSupport.autocorrelation(0.04).create(m, f, side);
            // autocorrelation of an 8×8 square of ones: (8 − |dx|)(8 − |dy|), maximum 64
            int expected = 0;
            for (int dy = -side; dy <= side; dy++) {
                for (int dx = -side; dx <= side; dx++) {
                    double a = Math.max(0, side - Math.abs(dx)) * Math.max(0, side - Math.abs(dy));
                    if (a > 0.04 * 64) {
                        expected++;
                        assertThat(s[(n / 2 + dy) * n + n / 2 + dx]).isEqualTo(1f);
                    }
                }
            }
            assertThat(count(s)).isEqualTo(expected);
        }
    }

    @Test
    void givenSupportIsPlacedInTheCentreOfTheWindow() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] image = new float[4 * 4];
            image[0] = 1;
            image[15] = 0.5f;
            DiffractionFrame f = DiffractionFrame.fullyMeasured(16, 16, new float[256]);
            float[] s = InitialSupport.given(image, 4).create(m, f, 2);
            assertThat(count(s)).isEqualTo(2);
            assertThat(s[6 * 16 + 6]).isEqualTo(1f);
            assertThat(s[9 * 16 + 9]).isEqualTo(1f);
            assertThatThrownBy(() -> InitialSupport.centredSquare(0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> InitialSupport.autocorrelation(1.5)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
