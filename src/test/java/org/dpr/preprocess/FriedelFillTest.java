package org.dpr.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.dpr.io.DiffractionFrame;
import org.junit.jupiter.api.Test;

class FriedelFillTest {

    private static final int N = 64;

    /** A noise-free pattern of a real object: centrosymmetric about (N/2, N/2) by Friedel's law. */
    private static DiffractionFrame pattern() {
        float[] object = Patterns.disc(9, 8.5, 3);
        return DiffractionFrame.fullyMeasured(N, N, Patterns.intensity(object, 9, N, N, 1e6));
    }

    private static int at(int y, int x) {
        return y * N + x;
    }

    @Test
    void restoresHiddenPixelsExactlyOnANoiseFreeCentrosymmetricPattern() {
        DiffractionFrame full = pattern();
        byte[] mask = full.mask().clone();
        float[] intensity = full.intensity().clone();
        int[][] hidden = {{30, 31}, {32, 40}, {5, 60}, {50, 7}};
        for (int[] p : hidden) {
            mask[at(p[0], p[1])] = 0;
            intensity[at(p[0], p[1])] = -99f; // junk under the mask must not survive
        }
        DiffractionFrame holes = full.withIntensity(N, N, intensity, mask);

        PreprocessStep.StepResult r = FriedelFill.withDefaults().apply(holes);

        for (int[] p : hidden) {
            int i = at(p[0], p[1]);
            assertThat(r.frame().mask()[i]).isEqualTo((byte) 1);
            assertThat(r.frame().intensity()[i]).isCloseTo(full.intensity()[i], within(1e-5f * full.intensity()[i] + 1e-6f));
        }
        assertThat(r.record().number("filled_px")).isEqualTo(hidden.length);
        assertThat(r.record().number("missing_after_px")).isZero();
    }

    @Test
    void neverInventsAValueWhosePartnerIsMissingAndLeavesMeasuredPixelsAlone() {
        DiffractionFrame full = pattern();
        byte[] mask = full.mask().clone();
        mask[at(20, 25)] = 0;
        mask[at(N - 20, N - 25)] = 0; // its partner
        mask[at(10, 10)] = 0;
        DiffractionFrame holes = full.withMask(mask);

        DiffractionFrame out = FriedelFill.withDefaults().apply(holes).frame();

        assertThat(out.mask()[at(20, 25)]).isZero();
        assertThat(out.mask()[at(N - 20, N - 25)]).isZero();
        assertThat(out.intensity()[at(20, 25)]).isEqualTo(full.intensity()[at(20, 25)]);
        assertThat(out.mask()[at(10, 10)]).isEqualTo((byte) 1);
        for (int i = 0; i < N * N; i++) {
            if (mask[i] != 0) {
                assertThat(out.intensity()[i]).isEqualTo(full.intensity()[i]);
            }
        }
    }

    @Test
    void rowZeroAndColumnZeroHaveNoPartnerAndStayMissing() {
        DiffractionFrame full = pattern();
        byte[] mask = full.mask().clone();
        mask[at(0, 17)] = 0;
        mask[at(23, 0)] = 0;
        DiffractionFrame out = FriedelFill.withDefaults().apply(full.withMask(mask)).frame();
        assertThat(out.mask()[at(0, 17)]).isZero();
        assertThat(out.mask()[at(23, 0)]).isZero();
    }
}
