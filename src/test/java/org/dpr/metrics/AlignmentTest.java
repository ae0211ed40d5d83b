package org.dpr.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlignmentTest {

    /** A random non-negative object in a centred box, zero margins of {@code margin} px. */
    private static float[] boxedObject(int height, int width, int margin, long seed) {
        Random rnd = new Random(seed);
        float[] x = new float[height * width];
        for (int y = margin; y < height - margin; y++) {
            for (int c = margin; c < width - margin; c++) {
                x[y * width + c] = rnd.nextFloat();
            }
        }
        return x;
    }

    /** out[y][x] = in[y − dy][x − dx], zero outside; written independently of the code under test. */
    private static float[] moved(float[] in, int height, int width, int dy, int dx) {
        float[] out = new float[in.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int sy = y - dy;
                int sx = x - dx;
                if (sy >= 0 && sy < height && sx >= 0 && sx < width) {
                    out[y * width + x] = in[sy * width + sx];
                }
            }
        }
        return out;
    }

    private static float[] rotated(float[] in) {
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            out[in.length - 1 - i] = in[i];
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource({"5, -7", "-12, 3", "0, 0", "16, -16"})
    void aShiftedObjectInsideItsMarginsIsMovedBackExactly(int dy, int dx) {
        int n = 64;
        float[] original = boxedObject(n, n, 16, 1);
        float[] image = moved(original, n, n, dy, dx);
        AlignmentResult r = Alignment.withDefaults().align(image, original, n, n);
        assertThat(r.orientation()).isEqualTo(Orientation.DIRECT);
        assertThat(r.dy()).isEqualTo(-dy);
        assertThat(r.dx()).isEqualTo(-dx);
        assertThat(r.aligned()).containsExactly(original);
        assertThat(r.correlation()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void aShiftedFullImageIsRecoveredExactlyOnTheOverlapAndZeroElsewhere() {
        int h = 40;
        int w = 48;
        float[] original = boxedObject(h, w, 0, 2);
        float[] image = moved(original, h, w, 3, 4); // rows 0–2 and columns 0–3 are lost
        AlignmentResult r = Alignment.withDefaults().align(image, original, h, w);
        assertThat(r.dy()).isEqualTo(-3);
        assertThat(r.dx()).isEqualTo(-4);
        assertThat(r.isTwin()).isFalse();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float expected = y < h - 3 && x < w - 4 ? original[y * w + x] : 0f;
                assertThat(r.aligned()[y * w + x]).isEqualTo(expected);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"64, 64, 2, -5", "24, 40, -3, 6", "15, 21, 1, 2"})
    void theTwinOfAShiftedObjectIsRecognisedAndUndoneExactly(int h, int w, int dy, int dx) {
        int margin = Math.min(h, w) / 4;
        float[] original = boxedObject(h, w, margin, 3);
        float[] image = rotated(moved(original, h, w, dy, dx));
        AlignmentResult r = Alignment.withDefaults().align(image, original, h, w);
        // rotating back gives moved(original, dy, dx); the shift then undoes (dy, dx)
        assertThat(r.orientation()).isEqualTo(Orientation.TWIN);
        assertThat(r.dy()).isEqualTo(-dy);
        assertThat(r.dx()).isEqualTo(-dx);
        assertThat(r.aligned()).containsExactly(original);
    }

    @Test
    void translationOnlySearchNeverReturnsTheTwin() {
        int n = 32;
        float[] original = boxedObject(n, n, 8, 4);
        AlignmentResult r = Alignment.withDefaults().with(Alignment.Search.TRANSLATION)
                .align(rotated(original), original, n, n);
        assertThat(r.orientation()).isEqualTo(Orientation.DIRECT);
        assertThat(r.correlation()).isLessThan(0.99);
    }

    @Test
    void theSearchStaysWithinTheMaximumShift() {
        int n = 32;
        float[] original = boxedObject(n, n, 8, 5);
        float[] image = moved(original, n, n, 6, -6);
        AlignmentResult limited = Alignment.withDefaults().withMaxShiftPx(2).align(image, original, n, n);
        assertThat(Math.abs(limited.dy())).isLessThanOrEqualTo(2);
        assertThat(Math.abs(limited.dx())).isLessThanOrEqualTo(2);
        assertThat(Alignment.withDefaults().withMaxShiftPx(6).align(image, original, n, n).dy()).isEqualTo(-6);
    }

    @Test
    void theFoundTransformCanBeAppliedToAnotherImage() {
        int n = 32;
        float[] original = boxedObject(n, n, 8, 6);
        float[] image = rotated(moved(original, n, n, 4, 1));
        AlignmentResult r = Alignment.withDefaults().align(image, original);
        assertThat(r.apply(image, n, n)).containsExactly(r.aligned());
    }

    @Test
    void aHundredFramesOf64PxAreAllAlignedExactly() {
        // the workload the brief names (100 frames of 64×64); correctness only, timing is in the report
        int n = 64;
        Alignment alignment = Alignment.withDefaults();
        Random rnd = new Random(7);
        for (int f = 0; f < 100; f++) {
            float[] original = boxedObject(n, n, 16, 100 + f);
            int dy = rnd.nextInt(33) - 16;
            int dx = rnd.nextInt(33) - 16;
            boolean twin = rnd.nextBoolean();
            float[] image = moved(original, n, n, dy, dx);
            AlignmentResult r = alignment.align(twin ? rotated(image) : image, original, n, n);
            assertThat(r.isTwin()).isEqualTo(twin);
            assertThat(r.aligned()).containsExactly(original);
        }
    }

    @Test
    void aCentrosymmetricObjectStaysDirectAndUnshifted() {
        // a centred symmetric square: direct at shift 0 and twin at shift 0 score the same
        int n = 16;
        float[] square = new float[n * n];
        for (int y = 5; y < 11; y++) {
            for (int x = 5; x < 11; x++) {
                square[y * n + x] = 1;
            }
        }
        AlignmentResult r = Alignment.withDefaults().align(square, square);
        assertThat(r.orientation()).isEqualTo(Orientation.DIRECT);
        assertThat(r.dy()).isZero();
        assertThat(r.dx()).isZero();
    }

    @Test
    void anEmptyImageIsReturnedUnchanged() {
        float[] reference = boxedObject(8, 8, 2, 8);
        AlignmentResult r = Alignment.withDefaults().align(new float[64], reference);
        assertThat(r.dy()).isZero();
        assertThat(r.dx()).isZero();
        assertThat(r.aligned()).containsOnly(0f);
        assertThat(r.correlation()).isNaN();
    }

    @Test
    void centredByMassMovesAnOffCentreObjectToTheMiddleWithoutLosingIt() {
        int n = 16;
        float[] image = new float[n * n];
        for (int y = 1; y < 5; y++) {
            for (int x = 9; x < 15; x++) {
                image[y * n + x] = 1 + y; // a 4×6 block near the top right, heavier at the bottom
            }
        }
        float[] centred = Alignment.centredByMass(image, n, n);
        double total = 0;
        double cy = 0;
        double cx = 0;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                total += centred[y * n + x];
                cy += centred[y * n + x] * y;
                cx += centred[y * n + x] * x;
            }
        }
        assertThat(total).isEqualTo(4 * 6 + 6 * (2 + 3 + 4 + 5) - 6 * 4, within(1e-9)); // nothing cut off
        assertThat(cy / total).isCloseTo(7.5, within(0.5));
        assertThat(cx / total).isCloseTo(7.5, within(0.5));
        assertThat(Alignment.centredByMass(new float[n * n], n, n)).containsOnly(0f);
    }
}
