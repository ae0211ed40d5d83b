package org.dpr.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecipeTest {

    @Test
    void recipePrintsItselfInPyNxNotationAppliedRightToLeft() {
        Operator recipe = Hio.withDefaults().withBeta(0.9).times(50)
                .then(ShrinkWrap.withDefaults()).times(18)
                .then(Er.withDefaults().times(100));
        assertThat(recipe).hasToString("ER**100 * (ShrinkWrap * HIO**50)**18");
        assertThat(Hio.withDefaults().withBeta(0.8).then(Raar.withDefaults()).times(3))
                .hasToString("(RAAR * HIO(beta=0.8))**3");
        assertThat(Er.withDefaults().times(2).times(3)).hasToString("(ER**2)**3");
    }

    @Test
    void paperRecipesHaveTheScheduleOfSection45() {
        assertThat(Algorithms.paperRecipe(Algorithm.HIO, 1000)).hasToString("ER**100 * (ShrinkWrap * HIO**50)**18");
        assertThat(Algorithms.paperRecipe(Algorithm.RAAR, 1000)).hasToString("ER**100 * (ShrinkWrap * RAAR**50)**18");
        // GPS: shrink-wrap after every 50 iterations but not after the last one; schedules over the 1000
        assertThat(Algorithms.paperRecipe(Algorithm.GPS_R, 1000))
                .hasToString("(GPS-R**50 * ShrinkWrap)**19 * GPS-R**50");
        assertThat(Algorithms.paperRecipe(Algorithm.GPS_R, 200))
                .hasToString("(GPS-R(length=200)**50 * ShrinkWrap)**3 * GPS-R(length=200)**50");
        assertThat(Algorithms.recipe(Gps.withDefaults().withSmoothing(Gps.Smoothing.FOURIER_SPACE), 100, ShrinkWrap.withDefaults().scaledToObjectBox(16), 50, 0))
                .hasToString("GPS-F(length=100)**50 * ShrinkWrap(box=16px) * GPS-F(length=100)**50");
        assertThat(Algorithms.recipe(Hio.withDefaults(), 130, ShrinkWrap.withDefaults(), 50, 0.1))
                .hasToString("ER**13 * HIO**17 * (ShrinkWrap * HIO**50)**2");
        assertThat(Algorithms.recipe(Gps.refinementDefaults(), 50))
                .hasToString("GPS-R(sigma=0.1→1@40%, alphaStages=5, length=50)**50");
    }

    @Test
    void recipeRunsTheStatedNumbersOfIterationsAndSupportUpdates() {
        try (NDManager m = NDManager.newBaseManager()) {
            List<Integer> seen = new ArrayList<>();
            PhasingState start = PhasingState.randomStarts(m.randomUniform(0, 5, new Shape(16, 16)), m.ones(new Shape(16, 16)),
                    m.ones(new Shape(16, 16)), 2, 3).withListener(s -> seen.add(s.iteration()));
            Operator recipe = Algorithms.recipe(Hio.withDefaults(), 130, ShrinkWrap.withDefaults(), 50, 0.1);
            try (PhasingState end = recipe.apply(start)) {
                assertThat(end.iteration()).isEqualTo(130);
                assertThat(end.shrinkWrapUpdates()).isEqualTo(2);
                assertThat(seen).hasSize(130).startsWith(1, 2, 3).endsWith(129, 130);
            }
        }
    }

    @Test
    void invalidParametersAreRejectedWhereTheyEnter() {
        assertThatThrownBy(() -> Er.withDefaults().times(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hio.withDefaults().withBeta(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Raar.withDefaults().withBeta(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Gps.withDefaults().withDualStep(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Gps.withDefaults().withSigmaSchedule(StepSchedule.of(0, -0.1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StepSchedule.of(0, 1, 0.4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StepSchedule.of(0.1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShrinkWrap.withDefaults().withThreshold(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Algorithms.recipe(Er.withDefaults(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Algorithm.parse("fienup")).hasMessageContaining("hio");
        assertThat(Algorithm.parse("GPS")).isEqualTo(Algorithm.GPS_R);
        assertThat(Algorithm.parse("gps_f")).isEqualTo(Algorithm.GPS_F);
    }
}
