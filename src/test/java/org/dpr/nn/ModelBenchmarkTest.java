package org.dpr.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelBenchmarkTest {

    @Test
    void recordsDescribeEachRequestedBatchOfTheNetworkMeasured() {
        List<BenchmarkRecord> records = ModelBenchmark.withDefaults().withWarmupRuns(0).withTimedRuns(2)
                .withDevice(Device.cpu()).measure(DprConfig.of(DprPreset.SMALL).withEncoder(EncoderKind.PC), 1, 2);
        assertThat(records).extracting(BenchmarkRecord::batchSize).containsExactly(1, 2);
        for (BenchmarkRecord r : records) {
            assertThat(r.preset()).isEqualTo("small");
            assertThat(r.windowPx()).isEqualTo(128);
            assertThat(r.ngf()).isEqualTo(32);
            assertThat(r.encoder()).isEqualTo(EncoderKind.PC);
            assertThat(r.device()).isEqualTo(Device.cpu().toString());
            assertThat(r.timedRuns()).isEqualTo(2);
            assertThat(r.minSecondsPerFrame()).isPositive().isLessThanOrEqualTo(r.medianSecondsPerFrame());
            assertThat(r.toRow()).contains("small").contains("batch   " + r.batchSize());
        }
    }

    @Test
    void invalidSettingsAreRefused() {
        assertThatThrownBy(() -> ModelBenchmark.withDefaults().withTimedRuns(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModelBenchmark.withDefaults().withWarmupRuns(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
