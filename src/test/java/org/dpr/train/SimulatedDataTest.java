package org.dpr.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dpr.io.DiffractionFrame;
import org.dpr.simulate.MaskKind;
import org.dpr.simulate.MaskRecipe;
import org.dpr.simulate.SimulationConfig;
import org.dpr.simulate.Simulator;
import org.junit.jupiter.api.Test;

class SimulatedDataTest {
    private static final SimulationConfig CONFIG = TinyTraining.simulation(21);

    @Test
    void trainingFrameKIsSimulatorFrameKAndValidationFramesStartAtTwoToTheForty() {
        SimulatedData data = SimulatedData.of(CONFIG, 100, 3);
        Simulator simulator = Simulator.of(CONFIG);
        assertThat(data.trainingFrame(42).intensity()).containsExactly(simulator.frame(42).intensity());
        DiffractionFrame validation = data.validationFrame(2);
        assertThat(validation.intensity()).containsExactly(simulator.frame((1L << 40) + 2).intensity());
        assertThat(validation.groundTruth()).isNotEqualTo(data.trainingFrame(2).groundTruth());
        assertThat(data.geometry().windowPx()).isEqualTo(TinyTraining.WINDOW);
        assertThat(data.description()).contains(CONFIG.toString()).contains("2^40");
    }

    @Test
    void alternateMasksGoToTheirFractionOfFramesAndChangeOnlyTheMask() {
        MaskRecipe centre = MaskRecipe.of(MaskKind.CENTRE_SQUARE);
        SimulatedData data = SimulatedData.of(CONFIG, 4000, 1).withAlternateMasks(centre, 0.25);
        int alternate = 0;
        for (long k = 0; k < 4000; k++) {
            alternate += data.usesAlternateMasks(k) ? 1 : 0;
        }
        // binomial(4000, 0.25): σ ≈ 27 frames
        assertThat(alternate).isBetween(1000 - 120, 1000 + 120);

        long k = 0;
        while (!data.usesAlternateMasks(k)) {
            k++;
        }
        DiffractionFrame mixed = data.trainingFrame(k);
        DiffractionFrame plain = Simulator.of(CONFIG).frame(k);
        DiffractionFrame centred = Simulator.of(CONFIG.withMasks(centre)).frame(k);
        assertThat(mixed.mask()).containsExactly(centred.mask()).isNotEqualTo(plain.mask());
        assertThat(mixed.groundTruth()).containsExactly(plain.groundTruth());
        assertThat(SimulatedData.of(CONFIG, 10, 1).withAlternateMasks(centre, 0).usesAlternateMasks(k)).isFalse();
    }

    @Test
    void badSizesAndFractionsAreRefused() {
        assertThatThrownBy(() -> SimulatedData.of(CONFIG, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimulatedData.of(CONFIG, 10, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimulatedData.of(CONFIG, 10, 1).withAlternateMasks(MaskRecipe.none(), 1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimulatedData.of(CONFIG, 10, 1).trainingFrame(10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
