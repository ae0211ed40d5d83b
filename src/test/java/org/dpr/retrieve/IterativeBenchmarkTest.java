package org.dpr.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.Test;

class IterativeBenchmarkTest {

    @Test
    void benchmarkMeasuresEveryWindowBatchAndAlgorithmBesideTheFftFloor() {
        try (NDManager m = NDManager.newBaseManager()) {
            List<BenchmarkRow> rows = IterativeBenchmark.withDefaults().withWindows(32).withBatchSizes(1, 3)
                    .withIterations(2).withWarmupIterations(1).run(m);
            assertThat(rows).extracting(BenchmarkRow::algorithm).containsExactly("HIO", "GPS-R", "HIO", "GPS-R");
            assertThat(rows).extracting(BenchmarkRow::batch).containsExactly(1, 1, 3, 3);
            for (BenchmarkRow row : rows) {
                assertThat(row.windowPx()).isEqualTo(32);
                assertThat(row.msPerStartIteration()).isPositive().isFinite();
                assertThat(row.fftFloorMsPerStart()).isPositive().isFinite();
                assertThat(row.ratio()).isEqualTo(row.msPerStartIteration() / row.fftFloorMsPerStart());
                assertThat(row.device()).isEqualTo(m.getDevice().toString());
            }
        }
        assertThatThrownBy(() -> IterativeBenchmark.withDefaults().withWindows(30)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IterativeBenchmark.withDefaults().withBatchSizes()).isInstanceOf(IllegalArgumentException.class);
    }
}
