package org.dpr.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignificanceTest {

    @ParameterizedTest(name = "p = {0} → {1}")
    @CsvSource({
        "0.9, ns", "0.0500001, ns", "0.05, *", "0.0100001, *", "0.01, **", "0.0010001, **",
        "0.001, ***", "2e-8, ***", "1e-8, ****", "0, ****", "NaN, ns"})
    void starsFollowThePapersThresholdsInclusiveAtEachBound(double p, String mark) {
        assertThat(Significance.stars(p)).isEqualTo(mark);
    }
}
