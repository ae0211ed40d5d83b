package org.dpr.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.dpr.Geometry;
import org.dpr.io.DiffractionFrame;
import org.dpr.simulate.MaskKind;
import org.dpr.simulate.MaskRecipe;
import org.dpr.simulate.SimulationConfig;
import org.dpr.simulate.Simulator;
import org.dpr.simulate.StrokeShapes;
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

    /**
     * The size recorded with a model is the 95th percentile of its training objects' larger side: the
     * paper's recipe gives {@link Geometry#trainedObjectExtentPx()} (10 px at N 128), letters scaled
     * 1.4–2.1 instead of 0.8–1.5 give larger objects that still fit the 16-px box.
     */
    @Test
    void theObjectExtentIsThe95thPercentileOfTheTrainingObjectsAndGrowsWithTheirScale() {
        SimulationConfig paper = SimulationConfig.withDefaults().withGeometry(Geometry.SMALL).withSeed(3);
        StrokeShapes strokes = StrokeShapes.withDefaults();
        SimulationConfig large = paper.withShapes(strokes.withAugmentation(strokes.augmentation().withScale(1.4, 2.1)));
        double paperPx = SimulatedData.of(paper, 96_000, 1).objectExtentPx().orElseThrow();
        double largePx = SimulatedData.of(large, 96_000, 1).objectExtentPx().orElseThrow();
        assertThat(paperPx).isCloseTo(Geometry.SMALL.trainedObjectExtentPx(), within(1.0));
        assertThat(largePx).isGreaterThanOrEqualTo(1.2 * paperPx).isLessThanOrEqualTo(Geometry.SMALL.objectBoxPx());
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
