package org.dpr.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.inference.PValueMethod;
import org.junit.jupiter.api.Test;

class MannWhitneyTest {

    @Test
    void smallSamplesGiveTheCountedUAndTheExactPValue() {
        double[] a = {1, 3, 5};
        double[] b = {2, 4, 6, 7};
        // U_a counts pairs with a > b: 1 beats none, 3 beats 2, 5 beats 2 and 4 → U = 3.
        // Under H0 all C(7,3) = 35 rank arrangements are equally likely; U ≤ 3 occurs for the
        // partitions of 0, 1, 2, 3 into ≤ 3 parts ≤ 4: 1 + 1 + 2 + 3 = 7 arrangements.
        // Two-sided p = 2·7/35 = 0.4.
        MannWhitneyResult r = MannWhitney.withDefaults().test(a, b);
        assertThat(r.u()).isEqualTo(3.0);
        assertThat(r.pValue()).isCloseTo(0.4, within(1e-12));
        assertThat(r.stars()).isEqualTo("ns");
        assertThat(r.tiedValues()).isFalse();
    }

    @Test
    void swappingTheSamplesKeepsThePValueAndMirrorsU() {
        double[] a = {1, 3, 5};
        double[] b = {2, 4, 6, 7};
        MannWhitneyResult ab = MannWhitney.withDefaults().test(a, b);
        MannWhitneyResult ba = MannWhitney.withDefaults().test(b, a);
        assertThat(ba.pValue()).isCloseTo(ab.pValue(), within(1e-15));
        assertThat(ba.u()).isEqualTo(3 * 4 - ab.u());
    }

    @Test
    void completelySeparatedSamplesGiveTheSmallestExactPValue() {
        double[] a = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] b = {11, 12, 13, 14, 15, 16, 17, 18, 19, 20};
        // only 2 of the C(20,10) = 184 756 arrangements are as extreme (U = 0 or U = 100)
        MannWhitneyResult r = MannWhitney.withDefaults().test(a, b);
        assertThat(r.u()).isEqualTo(0.0);
        assertThat(r.pValue()).isCloseTo(2.0 / 184_756, within(1e-15));
        assertThat(r.stars()).isEqualTo("***");
        assertThat(r.probabilityAExceedsB()).isEqualTo(0.0);
    }

    @Test
    void tiedSamplesUseTheNormalApproximationWithTieAndContinuityCorrection() {
        double[] a = {1, 2, 2, 3};
        double[] b = {2, 3, 4, 5};
        // pooled 1,2,2,2,3,3,4,5 → mid-ranks 1, 3,3,3, 5.5,5.5, 7, 8; R_a = 1+3+3+5.5 = 12.5
        // U_a = 12.5 − 4·5/2 = 2.5 (pairs: 2 vs 2 ties count ½ twice, 3 > 2 and 3 vs 3 tie: 1 + 1.5)
        // E[U] = 8; ties t = 3 and 2: Σ(t³ − t) = 24 + 6 = 30;
        // Var = (16/12)·((8 + 1) − 30/(8·7)) = 11.2857…; z = (2.5 − 8 + 0.5)/√Var
        double variance = 16.0 / 12 * (9 - 30.0 / 56);
        double z = (2.5 - 8 + 0.5) / Math.sqrt(variance);
        double expected = 2 * NormalDistribution.of(0, 1).cumulativeProbability(z);
        MannWhitneyResult r = MannWhitney.withDefaults().test(a, b);
        assertThat(r.u()).isEqualTo(2.5);
        assertThat(r.tiedValues()).isTrue();
        assertThat(r.pValue()).isCloseTo(expected, within(1e-12));
    }

    @Test
    void theAsymptoticMethodCanBeForced() {
        double[] a = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] b = {11, 12, 13, 14, 15, 16, 17, 18, 19, 20};
        // U = 0, E = 50, Var = 10·10·21/12 = 175, z = (0 − 50 + 0.5)/√175
        double expected = 2 * NormalDistribution.of(0, 1).cumulativeProbability(-49.5 / Math.sqrt(175));
        MannWhitneyResult r = MannWhitney.withDefaults().with(PValueMethod.ASYMPTOTIC).test(a, b);
        assertThat(r.pValue()).isCloseTo(expected, within(1e-12));
    }

    @Test
    void emptyOrNaNSamplesAreRejected() {
        assertThatThrownBy(() -> MannWhitney.withDefaults().test(new double[0], new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-empty");
        assertThatThrownBy(() -> MannWhitney.withDefaults().test(new double[] {Double.NaN}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> MannWhitney.withDefaults().with(PValueMethod.ESTIMATE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
