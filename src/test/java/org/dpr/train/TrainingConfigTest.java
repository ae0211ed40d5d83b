package org.dpr.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TrainingConfigTest {

    @Test
    void adamwUsesThePaperStepScheduleScaledToTheRunsLength() {
        TrainingConfig config = TrainingConfig.withDefaults().withEpochs(12);
        TrainingStep step = config.trainingStep();
        assertThat(step.asam()).isNull();
        assertThat(step.clipNorm()).isEqualTo(1.0);
        assertThat(step.schedule().rate(9, 5, 10)).isEqualTo(1e-3);
        assertThat(step.schedule().rate(10, 0, 10)).isCloseTo(1e-4, within(1e-12)); // last 1/6 of 12 epochs
        TrainingStep faster = config.withLearningRate(2e-3).trainingStep();
        assertThat(faster.schedule().rate(0, 0, 10)).isEqualTo(2e-3);
        assertThat(faster.schedule().rate(11, 0, 10)).isCloseTo(2e-4, within(1e-12));
    }

    @Test
    void adamwrRestartsEveryFifteenthOfTheRunWithAsamAsTheAuthorsCodeDoes() {
        TrainingConfig config = TrainingConfig.withDefaults().withOptimizer(OptimizerKind.ADAMWR).withEpochs(600);
        assertThat(config.restartPeriodEpochs()).isEqualTo(40);
        TrainingStep step = config.trainingStep();
        assertThat(step.asam()).isNotNull();
        assertThat(step.schedule().rate(40, 0, 100)).isCloseTo(5e-3, within(1e-12));
        assertThat(step.schedule().rate(39, 99, 100)).isLessThan(1e-5);
        assertThat(config.withRestartPeriodEpochs(3).restartPeriodEpochs()).isEqualTo(3);
    }

    @Test
    void anEpochIsWholeBatchesOfTheSetOrOfTheGivenLength() {
        TrainingConfig config = TrainingConfig.withDefaults().withBatchSize(16);
        assertThat(config.iterationsPerEpoch(96_000)).isEqualTo(6000);
        assertThat(config.withFramesPerEpoch(4_810).iterationsPerEpoch(96_000)).isEqualTo(300);
        assertThatThrownBy(() -> config.iterationsPerEpoch(15)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no whole batch");
    }

    @Test
    void badValuesAreRefusedWhereTheyEnter() {
        TrainingConfig c = TrainingConfig.withDefaults();
        assertThatThrownBy(() -> c.withEpochs(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.withBatchSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.withLearningRate(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.withLearningRate(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.withMaxDuration(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.withLogEveryIterations(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OptimizerKind.parse("sgd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LossScale.parse("photons")).isInstanceOf(IllegalArgumentException.class);
        assertThat(c.learningRate()).isEqualTo(1e-3);
        assertThat(c.withOptimizer(OptimizerKind.ADAMWR).learningRate()).isEqualTo(5e-3);
    }
}
