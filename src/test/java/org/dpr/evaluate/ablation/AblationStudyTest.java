package org.dpr.evaluate.ablation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.dpr.nn.DprConfig;
import org.dpr.nn.DprPreset;
import org.dpr.simulate.SimulationConfig;
import org.dpr.train.TrainingConfig;
import org.junit.jupiter.api.Test;

class AblationStudyTest {
    private static final DprConfig NETWORK = DprConfig.of(DprPreset.SMALL).withWindowPx(32).withNgf(16);
    private static final TrainingConfig TRAINING = TrainingConfig.withDefaults().withNetwork(NETWORK).withEpochs(2)
            .withBatchSize(4);
    private static final SimulationConfig SIMULATION = SimulationConfig.withDefaults().withGeometry(NETWORK.geometry());

    @Test
    void theReferenceIsWpcPlusDWhenListedElseTheFirstVariant() {
        AblationStudy study = AblationStudy.of(TRAINING, SIMULATION);
        assertThat(study.reference()).isEqualTo(AblationVariant.REFERENCE);
        assertThat(study.withVariants(AblationVariant.parseList("pc,ffc+d")).reference())
                .isEqualTo(AblationVariant.parse("pc"));
    }

    @Test
    void aBudgetWithoutAWholeBatchPerEpochIsRefused() {
        AblationStudy study = AblationStudy.of(TRAINING, SIMULATION);
        assertThat(study.withBudgetFrames(8).budgetFrames()).isEqualTo(8);
        assertThatThrownBy(() -> study.withBudgetFrames(7)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no whole batch");
    }

    @Test
    void sizesMustIncreaseAndHoldABatch() {
        AblationStudy study = AblationStudy.of(TRAINING, SIMULATION);
        assertThat(study.withSizes(List.of(4L, 8L)).sizes()).containsExactly(4L, 8L);
        assertThatThrownBy(() -> study.withSizes(List.of(8L, 8L))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> study.withSizes(List.of(2L))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theNetworkAndSimulatorMustShareTheirGeometry() {
        assertThatThrownBy(() -> AblationStudy.of(TRAINING, SimulationConfig.withDefaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("geometry");
        assertThat(AblationVariant.parse("wpc+d").folderName()).isEqualTo("wpc+d");
        assertThat(AblationStudy.sizeLabel(AblationVariant.REFERENCE, 1200)).isEqualTo("WPC+D n=1200");
    }
}
