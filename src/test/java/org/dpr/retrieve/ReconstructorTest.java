package org.dpr.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.List;
import org.dpr.DprException;
import org.dpr.io.DiffractionFrame;
import org.dpr.io.FrameMetadata;
import org.junit.jupiter.api.Test;

class ReconstructorTest {
    private static final int N = 64;
    private static final int BOX = 8;

    private static DiffractionFrame frame(NDManager m, long seed) {
        return TestFrames.frame(m, TestFrames.blob(BOX, seed), BOX, N);
    }

    private static IterativeReconstructor quick() {
        return IterativeReconstructor.withDefaults().withStarts(3).withIterations(60).withSeed(17);
    }

    /** An operator that sets every pixel of the given rows to NaN, as a diverging start would. */
    private static Operator poison(int... rows) {
        return state -> {
            PhasingState s = state.inRealSpace();
            float[] u = s.object().toFloatArray();
            int size = s.height() * s.width();
            for (int row : rows) {
                Arrays.fill(u, row * size, (row + 1) * size, Float.NaN);
            }
            NDArray next = s.object().getManager().create(u, s.object().getShape());
            s.object().close();
            return new PhasingState(next, PhasingState.Domain.REAL, null, s.support(), s.measurement(), s.iteration(),
                    s.shrinkWrapUpdates(), s.listener());
        };
    }

    @Test
    void sameSeedGivesTheSameReconstructionAndAnotherSeedAnother() {
        try (NDManager m = NDManager.newBaseManager()) {
            DiffractionFrame f = frame(m, 1);
            Reconstruction a = quick().reconstruct(m, f);
            Reconstruction b = quick().reconstruct(m, f);
            Reconstruction c = quick().withSeed(18).reconstruct(m, f);
            assertThat(b.windowObject()).containsExactly(a.windowObject());
            assertThat(b.startRf()).containsExactly(a.startRf());
            assertThat(c.startRf()).isNotEqualTo(a.startRf());
        }
    }

    @Test
    void aFramesStartsDoNotDependOnHowTheyAreBatched() {
        try (NDManager m = NDManager.newBaseManager()) {
            DiffractionFrame f = frame(m, 1).withMetadata(FrameMetadata.empty().with(FrameMetadata.FRAME_INDEX, 7));
            DiffractionFrame g = frame(m, 2);
            IterativeReconstructor four = quick().withStarts(4);
            Reconstruction alone = four.reconstruct(m, f);
            List<Reconstruction> together = four.reconstruct(m, List.of(g, f));
            assertThat(together).hasSize(2);
            // the frame's four starts split over two batches of two rows. (A batch of one row takes another
            // FFT code path whose last-bit differences HIO amplifies, so it is not compared.)
            Reconstruction split = four.withMaxBatchRows(2).reconstruct(m, f);
            float[] expected = alone.startRf();
            for (float[] actual : List.of(together.get(1).startRf(), split.startRf())) {
                for (int s = 0; s < expected.length; s++) {
                    assertThat(actual[s]).isCloseTo(expected[s], within(1e-5f));
                }
            }
            assertThat(split.selectedStart()).isEqualTo(alone.selectedStart());
            assertThat(split.rf()).isCloseTo(alone.rf(), within(1e-5));
            assertThat(together.get(0).startRf()).isNotEqualTo(expected);
        }
    }

    @Test
    void aStartThatBecomesNanIsDroppedWhileTheOthersRunOnUntouched() {
        try (NDManager m = NDManager.newBaseManager()) {
            DiffractionFrame f = frame(m, 4);
            Operator clean = Hio.withDefaults().times(20).then(Er.withDefaults().times(10));
            Operator poisoned = Hio.withDefaults().times(10).then(poison(1)).then(Hio.withDefaults().times(10))
                    .then(Er.withDefaults().times(10));
            Reconstruction reference = quick().withRecipe(clean).reconstruct(m, f);
            Reconstruction r = quick().withRecipe(poisoned).reconstruct(m, f);
            assertThat(r.startsDropped()).isEqualTo(1);
            assertThat(r.startRf()[1]).isNaN();
            assertThat(r.startRf()[0]).isCloseTo(reference.startRf()[0], within(1e-6f));
            assertThat(r.startRf()[2]).isCloseTo(reference.startRf()[2], within(1e-6f));
            assertThat(r.selectedStart()).isNotEqualTo(1);
            for (float v : r.windowObject()) {
                assertThat(v).isFinite();
            }
            assertThat(r.rf()).isFinite();
        }
    }

    @Test
    void whenEveryStartDivergesTheRunFailsWithAClearMessage() {
        try (NDManager m = NDManager.newBaseManager()) {
            DiffractionFrame f = frame(m, 4);
            Operator poisoned = Hio.withDefaults().times(5).then(poison(0, 1, 2)).then(Er.withDefaults());
            assertThatThrownBy(() -> quick().withRecipe(poisoned).reconstruct(m, f))
                    .isInstanceOf(StartsDivergedException.class).isInstanceOf(DprException.class)
                    .hasMessageContaining("all 3 random starts diverged");
        }
    }

    @Test
    void badInputIsRejectedWithAClearMessage() {
        try (NDManager m = NDManager.newBaseManager()) {
            DiffractionFrame good = frame(m, 1);
            DiffractionFrame masked = good.withMask(new byte[N * N]);
            assertThatThrownBy(() -> quick().reconstruct(m, masked)).isInstanceOf(DprException.class)
                    .hasMessageContaining("every pixel is masked");
            DiffractionFrame dark = good.withIntensity(N, N, new float[N * N], good.mask());
            assertThatThrownBy(() -> quick().reconstruct(m, dark)).isInstanceOf(DprException.class)
                    .hasMessageContaining("intensity is zero");
            float[] nan = good.intensity().clone();
            nan[N * N / 2 + 3] = Float.NaN;
            assertThatThrownBy(() -> quick().reconstruct(m, good.withIntensity(N, N, nan, good.mask())))
                    .isInstanceOf(DprException.class).hasMessageContaining("non-finite");
            // a NaN on a masked pixel is ignored
            byte[] mask = good.mask().clone();
            mask[N * N / 2 + 3] = 0;
            assertThat(quick().reconstruct(m, good.withIntensity(N, N, nan, mask)).rf()).isFinite();
            assertThatThrownBy(() -> quick().withInitialSupport(InitialSupport.centredSquarePx(N + 2)).reconstruct(m, good))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("larger than the window");
            assertThatThrownBy(() -> quick().withInitialSupport(InitialSupport.given(new float[70 * 70], 70)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
            float[] big = new float[70 * 70];
            big[0] = 1;
            assertThatThrownBy(() -> quick().withInitialSupport(InitialSupport.given(big, 70)).reconstruct(m, good))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("larger than the window");
            DiffractionFrame odd = DiffractionFrame.fullyMeasured(N - 1, N - 1, new float[(N - 1) * (N - 1)]);
            assertThatThrownBy(() -> quick().reconstruct(m, odd)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("even");
            assertThatThrownBy(() -> quick().reconstruct(m, List.of())).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void resultCarriesTheRecipeTheHistoryOfTheSelectedStartAndItsGeometry() {
        try (NDManager m = NDManager.newBaseManager()) {
            IterativeReconstructor r = quick().withIterations(100).withHistoryInterval(10);
            Reconstruction out = r.reconstruct(m, frame(m, 2));
            assertThat(out.recipe()).isEqualTo(r.recipe().toString()).isEqualTo("ER**10 * HIO**40 * ShrinkWrap * HIO**50");
            assertThat(out.history().iterations()).containsExactly(10, 20, 30, 40, 50, 60, 70, 80, 90, 100);
            // the last record is R_F of the final estimate of the selected start
            assertThat(out.history().rf()[9]).isCloseTo((float) out.rf(), within(1e-6f));
            assertThat(out.rf()).isEqualTo(out.startRf()[out.selectedStart()], within(1e-9));
            for (float v : out.startRf()) {
                assertThat(v).isGreaterThanOrEqualTo(out.startRf()[out.selectedStart()]);
            }
            assertThat(out.object()).hasSize(BOX * BOX);
            assertThat(out.windowObject()).hasSize(N * N);
            assertThat(out.objectBoxPx()).isEqualTo(BOX);
            assertThat(out.seconds()).isPositive();
            assertThat(out.starts()).isEqualTo(3);
        }
    }

    @Test
    void averageOfTheBestStartsIsAlignedOverShiftsAndTwins() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] object = TestFrames.blob(16, 21);
            DiffractionFrame f = TestFrames.frame(m, object, 16, 128);
            Reconstruction r = IterativeReconstructor.withDefaults().withStarts(4).withIterations(200).withSeed(2)
                    .withSelection(Selection.averageOfBest(4)).reconstruct(m, f);
            assertThat(r.selection()).isEqualTo(Selection.averageOfBest(4));
            // an unaligned mean of twins and shifted copies would be a blur far below this
            assertThat(TestFrames.alignedPsnr(r.windowObject(), 128, object, 16)).isGreaterThanOrEqualTo(30);
            assertThat(r.rf()).isLessThan(0.01);
        }
    }

    @Test
    void alignerUndoesAKnownShiftAndTheTwinExactly() {
        try (NDManager m = NDManager.newBaseManager()) {
            int n = 32;
            float[] reference = new float[n * n];
            float[] blob = TestFrames.blob(8, 5);
            for (int y = 0; y < 8; y++) {
                System.arraycopy(blob, y * 8, reference, (12 + y) * n + 12, 8);
            }
            float[] shifted = WindowAligner.roll(reference, n, n, 3, -5);
            assertThat(WindowAligner.align(m, reference, shifted, n, n)).containsExactly(reference);
            float[] twin = WindowAligner.roll(WindowAligner.rotate180(reference, n, n), n, n, -2, 4);
            assertThat(WindowAligner.align(m, reference, twin, n, n)).containsExactly(reference);
        }
    }
}
