package org.dpr.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Random;
import org.dpr.io.DiffractionFrame;
import org.junit.jupiter.api.Test;

class RefinementTest {
    private static final int N = 128;
    private static final int BOX = 16;

    @Test
    void supportIsTheOutputAboveOnePercentOfItsNinetyNinthPercentile() {
        // 200 values: 0 … 199; numpy: percentile(v, 99) = 197.01 (position 0.99·199 = 197.01)
        float[] v = new float[200];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        float[] s = Refinement.withDefaults().supportOf(v);
        // threshold 1.9701: values 0, 1 are out, 2 … 199 in
        assertThat(s[0]).isZero();
        assertThat(s[1]).isZero();
        assertThat(s[2]).isEqualTo(1f);
        assertThat(s[199]).isEqualTo(1f);
        float[] t = Refinement.withDefaults().withSupportThreshold(0.5).supportOf(v);
        assertThat(t[98]).isZero(); // 98.505 is the threshold
        assertThat(t[99]).isEqualTo(1f);
        assertThatThrownBy(() -> Refinement.withDefaults().supportOf(new float[16])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refinementRecipeIsFiftyGpsRIterationsWithTheDprPlusRSchedule() {
        assertThat(Refinement.withDefaults().recipe()).hasToString("GPS-R(sigma=0.1→1@40%, alphaStages=5, length=50)**50");
    }

    @Test
    void refinementImprovesAPerturbedNetworkOutputAndKeepsAnExactOne() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] truth = TestFrames.blob(BOX, 8);
            float[] other = TestFrames.blob(BOX, 9);
            DiffractionFrame f = TestFrames.frame(m, truth, BOX, N);
            DiffractionFrame g = TestFrames.frame(m, other, BOX, N);
            // a "network output": the truth with 25 % multiplicative noise
            Random r = new Random(3);
            float[] rough = truth.clone();
            for (int i = 0; i < rough.length; i++) {
                rough[i] *= (float) (1 + 0.25 * r.nextGaussian());
                rough[i] = Math.max(rough[i], 0f);
            }
            List<Reconstruction> out = Refinement.withDefaults().refine(m, List.of(f, g), List.of(rough, other));
            assertThat(out).hasSize(2);
            double before = TestFrames.alignedPsnr(TestFrames.pad(rough, BOX, N), N, truth, BOX);
            double after = TestFrames.alignedPsnr(out.get(0).windowObject(), N, truth, BOX);
            assertThat(after).isGreaterThan(before + 3);
            assertThat(out.get(0).history().rf()).hasSize(5);
            // started from the exact object, the iteration stays there
            assertThat(out.get(1).rf()).isLessThan(1e-3);
            assertThat(TestFrames.alignedPsnr(out.get(1).windowObject(), N, other, BOX)).isGreaterThan(40);
            assertThat(out.get(0).recipe()).isEqualTo(Refinement.withDefaults().recipe().toString());
        }
    }

    @Test
    void mismatchedInputsAreRejected() {
        try (NDManager m = NDManager.newBaseManager()) {
            DiffractionFrame f = TestFrames.frame(m, TestFrames.blob(BOX, 8), BOX, N);
            assertThatThrownBy(() -> Refinement.withDefaults().refine(m, List.of(f), List.of()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Refinement.withDefaults().refine(m, f, new float[200 * 200]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("larger than the window");
        }
    }
}
