package org.dpr.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void summaryLeavesOutNaNAndGivesMeanStandardErrorAndMedian() {
        Summary s = Summary.of(new double[] {4, 1, Double.NaN, 3, 2});
        // values 1..4: mean 2.5, sample variance (2.25 + 0.25 + 0.25 + 2.25)/3 = 5/3,
        // SE = √(5/3)/√4, median (2 + 3)/2
        assertThat(s.n()).isEqualTo(4);
        assertThat(s.excluded()).isEqualTo(1);
        assertThat(s.mean()).isCloseTo(2.5, within(1e-12));
        assertThat(s.standardDeviation()).isCloseTo(Math.sqrt(5.0 / 3), within(1e-12));
        assertThat(s.standardError()).isCloseTo(Math.sqrt(5.0 / 3) / 2, within(1e-12));
        assertThat(s.median()).isEqualTo(2.5);
        assertThat(s.min()).isEqualTo(1.0);
        assertThat(s.max()).isEqualTo(4.0);
        assertThat(s.meanPlusMinus(2)).isEqualTo("2.50 ± 0.65");
    }

    @Test
    void aSingleValueHasNoStandardErrorAndNoValuesGiveNaN() {
        Summary one = Summary.of(new double[] {7});
        assertThat(one.mean()).isEqualTo(7.0);
        assertThat(one.standardError()).isNaN();
        assertThat(one.meanPlusMinus(1)).isEqualTo("7.0");
        Summary none = Summary.of(new double[] {Double.NaN});
        assertThat(none.n()).isZero();
        assertThat(none.mean()).isNaN();
        assertThat(none.meanPlusMinus(1)).isEqualTo("–");
    }
}
