package org.dpr.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PearsonIntervalTest {

    @Test
    void fisherIntervalMatchesTheHandComputation() {
        // r = 0.5, n = 28: z = atanh(0.5) = 0.549306, SE = 1/√25 = 0.2, z_0.975 = 1.959964
        // → tanh(0.549306 ∓ 0.391993) = tanh(0.157313), tanh(0.941299) = 0.156028, 0.735818
        // (also printed by src/test/resources/org/dpr/metrics/reference_values.py)
        PearsonInterval ci = PearsonInterval.of(0.5, 28);
        assertThat(ci.lower()).isCloseTo(0.156028362529, within(1e-9));
        assertThat(ci.upper()).isCloseTo(0.735818479444, within(1e-9));
        assertThat(ci.confidence()).isEqualTo(0.95);
    }

    @Test
    void intervalIsSymmetricAboutZeroAndDegenerateAtPerfectCorrelation() {
        PearsonInterval zero = PearsonInterval.of(0, 100);
        assertThat(zero.lower()).isCloseTo(-zero.upper(), within(1e-15));
        PearsonInterval one = PearsonInterval.of(1, 10);
        assertThat(one.lower()).isEqualTo(1.0);
        assertThat(one.upper()).isEqualTo(1.0);
    }

    @Test
    void higherConfidenceGivesAWiderInterval() {
        PearsonInterval p95 = PearsonInterval.of(0.8, 50);
        PearsonInterval p99 = PearsonInterval.of(0.8, 50, 0.99);
        assertThat(p99.lower()).isLessThan(p95.lower());
        assertThat(p99.upper()).isGreaterThan(p95.upper());
    }

    @Test
    void tooFewPairsOrAnImpossibleCorrelationAreRejected() {
        assertThatThrownBy(() -> PearsonInterval.of(0.5, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n ≥ 4");
        assertThatThrownBy(() -> PearsonInterval.of(1.5, 30)).isInstanceOf(IllegalArgumentException.class);
    }
}
