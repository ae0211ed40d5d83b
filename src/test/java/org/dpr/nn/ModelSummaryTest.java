package org.dpr.nn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Expected counts come from {@code src/test/resources/org/dpr/nn/parameter_count.py}. */
class ModelSummaryTest {

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
        "PAPER, WPC, TWO_STAGE, 1553344, 13317216, 373010",
        "PAPER, FFC, SINGLE,    1408192, 25127520, 0",
        "SMALL, WPC, TWO_STAGE,  389600,  3334832, 94354",
        "SMALL, PC,  SINGLE,     389600,  6290864, 0",
        "SMALL, FFC, TWO_STAGE,  354656,  3334832, 94354"})
    void partsHaveTheParameterCountsOfTheHandCount(DprPreset preset, EncoderKind encoder, DecoderKind decoder,
            long encoderCount, long baseCount, long plusDCount) {
        ModelSummary s = ModelSummary.of(DprConfig.of(preset).withEncoder(encoder).withDecoder(decoder));
        assertThat(s.encoderParameters()).isEqualTo(encoderCount);
        assertThat(s.baseDecoderParameters()).isEqualTo(baseCount);
        assertThat(s.compensatedDecoderParameters()).isEqualTo(plusDCount);
        assertThat(s.totalParameters()).isEqualTo(encoderCount + baseCount + plusDCount);
    }

    @Test
    void paperSharesMatchTheTextTenPercentEncoderAndFortyThreePercentFewerThanTheSingleDecoder() {
        ModelSummary dpr = ModelSummary.of(DprConfig.withDefaults());
        ModelSummary single = ModelSummary.of(DprConfig.withDefaults().withDecoder(DecoderKind.SINGLE));
        // §3: "the WPC-based encoder comprising only 10% of the total trainable parameters"
        assertThat(Math.round(100.0 * dpr.encoderParameters() / dpr.totalParameters())).isEqualTo(10);
        // §2.1: "+D ... despite having 43% fewer total trainable parameters"
        assertThat(Math.round(100.0 * (1 - (double) dpr.totalParameters() / single.totalParameters()))).isEqualTo(43);
        assertThat(dpr.lines()).anyMatch(l -> l.contains("15,243,570")).anyMatch(l -> l.contains("N 512, n 64"));
        // BN running means and variances are reported apart: one of each per γ
        assertThat(dpr.runningStatistics()).isPositive();
    }
}
