package org.dpr.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {
    private static final int K = 100;

    @Test
    void paperStepScheduleRuns1e3For500EpochsThen1e4ForTheLast100() {
        StepSchedule s = StepSchedule.withDefaults();
        assertThat(s.rate(0, 0, K)).isEqualTo(1e-3);
        assertThat(s.rate(499, K - 1, K)).isEqualTo(1e-3);
        assertThat(s.rate(500, 0, K)).isEqualTo(1e-4);
        assertThat(s.rate(599, K - 1, K)).isEqualTo(1e-4);
        assertThat(s.firstFinalEpoch()).isEqualTo(500);
    }

    @Test
    void stepScheduleScalesTheLastSixthToShorterRuns() {
        StepSchedule s = StepSchedule.withDefaults().withTotalEpochs(12);
        assertThat(s.rate(9, 0, 1)).isEqualTo(1e-3);
        assertThat(s.rate(10, 0, 1)).isEqualTo(1e-4);
    }

    @Test
    void cosineRestartsAtMaximumAfterPeriodsOf40And80And160Epochs() {
        CosineWarmRestarts s = CosineWarmRestarts.withDefaults();
        for (int restart : new int[] {40, 120, 280, 600}) {
            assertThat(s.rate(restart, 0, K)).as("restart at epoch %d", restart).isCloseTo(5e-3, within(1e-15));
            assertThat(s.rate(restart - 1, K - 1, K)).as("end of the period before %d", restart)
                    .isCloseTo(1e-8, within(1e-9));
        }
        assertThat(s.restartEpoch(1)).isEqualTo(40);
        assertThat(s.restartEpoch(2)).isEqualTo(120);
        assertThat(s.restartEpoch(3)).isEqualTo(280);
        assertThat(s.restartEpoch(4)).isEqualTo(600);
    }

    @Test
    void cosineIsHalfwayBetweenTheBoundsInTheMiddleOfEachPeriod() {
        CosineWarmRestarts s = CosineWarmRestarts.withDefaults();
        double mid = 1e-8 + 0.5 * (5e-3 - 1e-8);
        assertThat(s.rate(20, 0, K)).isCloseTo(mid, within(1e-12));
        assertThat(s.rate(40 + 40, 0, K)).isCloseTo(mid, within(1e-12));
        assertThat(s.rate(120 + 80, 0, K)).isCloseTo(mid, within(1e-12));
        // a quarter into the 80-epoch period: α_min + Δ(1 + cos(π/4))/2
        double quarter = 1e-8 + 0.5 * (5e-3 - 1e-8) * (1 + Math.cos(Math.PI / 4));
        assertThat(s.rate(60, 0, K)).isCloseTo(quarter, within(1e-12));
    }

    @Test
    void warmupRisesLinearlyToTheMaximumOverTheFirstEpoch() {
        CosineWarmRestarts s = CosineWarmRestarts.withDefaults();
        assertThat(s.rate(0, 0, K)).isCloseTo(5e-3 / K, within(1e-15));
        assertThat(s.rate(0, K / 2 - 1, K)).isCloseTo(5e-3 / 2, within(1e-15));
        assertThat(s.rate(0, K - 1, K)).isCloseTo(5e-3, within(1e-15));
        // after the warm-up the cosine continues at T = 1 of the first 40-epoch period
        assertThat(s.rate(1, 0, K)).isCloseTo(1e-8 + 0.5 * (5e-3 - 1e-8) * (1 + Math.cos(Math.PI / 40)),
                within(1e-15));
    }

    @Test
    void perEpochGranularityHoldsTheRateConstantInsideAnEpoch() {
        CosineWarmRestarts s = CosineWarmRestarts.withDefaults().withGranularity(ScheduleGranularity.PER_EPOCH);
        assertThat(s.rate(10, K - 1, K)).isEqualTo(s.rate(10, 0, K));
        CosineWarmRestarts fine = CosineWarmRestarts.withDefaults();
        assertThat(fine.rate(10, K - 1, K)).isLessThan(fine.rate(10, 0, K));
        assertThat(fine.rate(10, 0, K)).isEqualTo(s.rate(10, 0, K));
    }

    @Test
    void badSettingsAndPositionsAreRejected() {
        assertThatThrownBy(() -> CosineWarmRestarts.withDefaults().withRates(1e-8, 1e-3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CosineWarmRestarts.withDefaults().withWarmupEpochs(40))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StepSchedule.withDefaults().rate(0, 5, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LearningRateSchedule.constant(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
