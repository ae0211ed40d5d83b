package org.dpr.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.dpr.io.DiffractionFrame;
import org.dpr.io.FrameSource;
import org.junit.jupiter.api.Test;

class PreprocessorTest {

    private static DiffractionFrame offCentre() {
        return Patterns.onDetector(Patterns.ofOversampling(128, 8, 1e7, 2), 140, 150, 66, 80);
    }

    private static final Preprocessor PIPELINE = Preprocessor.of(
            SaturationMask.atOrAbove(1e6), Centring.auto(), FriedelFill.withDefaults(), Binning.by(2), Window.of(64));

    @Test
    void stepsRunInOrderAndEachLeavesOneRecord() {
        PreprocessResult r = PIPELINE.apply(offCentre());
        assertThat(r.log().steps()).extracting(StepRecord::step)
                .containsExactly("saturation", "centre", "friedel", "bin", "window");
        assertThat(r.frame().height()).isEqualTo(64);
        assertThat(r.log().find("centre").orElseThrow().number("centre_row_px")).isBetween(65.0, 67.0);
        assertThat(r.log().lines()).allSatisfy(line -> assertThat(line).doesNotContain("\n"));
        assertThat(PIPELINE.toString()).isEqualTo(
                "saturation(≥ 1000000) → centre(auto) → friedel-fill → bin(K=2, partial bins missing) → window(64×64)");
    }

    @Test
    void thePredictedOutputSizeIsTheSizeOfTheResult() {
        assertThat(PIPELINE.outputSize(140, 150)).isEqualTo(new PreprocessStep.FrameSize(64, 64));
        Preprocessor binOnly = Preprocessor.of(Binning.by(3));
        DiffractionFrame binned = binOnly.apply(offCentre()).frame();
        assertThat(binOnly.outputSize(140, 150)).isEqualTo(new PreprocessStep.FrameSize(binned.height(), binned.width()));
    }

    @Test
    void theLogRoundTripsThroughJson() {
        PreprocessLog log = PIPELINE.apply(offCentre()).log();
        PreprocessLog back = PreprocessLog.fromJson(log.toJson());
        assertThat(back.steps()).hasSameSizeAs(log.steps());
        for (int i = 0; i < log.steps().size(); i++) {
            StepRecord a = log.steps().get(i);
            StepRecord b = back.steps().get(i);
            assertThat(b.step()).isEqualTo(a.step());
            assertThat(b.summary()).isEqualTo(a.summary());
            assertThat(b.warnings()).isEqualTo(a.warnings());
            assertThat(b.values().keySet()).isEqualTo(a.values().keySet());
            for (String key : a.values().keySet()) {
                if (a.values().get(key) instanceof Number) {
                    assertThat(b.number(key)).isEqualTo(a.number(key));
                } else {
                    assertThat(b.values().get(key)).isEqualTo(a.values().get(key));
                }
            }
        }
        assertThatThrownBy(() -> PreprocessLog.fromJson("{\"not\": \"a log\"}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPreprocessedSourceKnowsItsSizeBeforeReadingAndPreprocessesEachFrameWhenRead() {
        CountingSource raw = new CountingSource(List.of(offCentre(), offCentre()));
        List<Integer> logged = new ArrayList<>();
        try (PreprocessedSource source = PreprocessedSource.of(raw, PIPELINE).withListener((i, log) -> logged.add(i))) {
            assertThat(source.height()).isEqualTo(64);
            assertThat(source.width()).isEqualTo(64);
            assertThat(raw.reads).isZero();
            DiffractionFrame second = source.read(1);
            assertThat(second.height()).isEqualTo(64);
            assertThat(raw.reads).isEqualTo(1);
            assertThat(logged).containsExactly(1);
        }
        assertThat(raw.closed).isTrue();
        assertThat(PreprocessedSource.wrap(raw, Preprocessor.empty())).isSameAs(raw);
    }

    @Test
    void aPipelineThatCannotApplyToTheSourceIsRefusedBeforeAnyFrameIsRead() {
        CountingSource raw = new CountingSource(List.of(offCentre()));
        assertThatThrownBy(() -> PreprocessedSource.of(raw, Preprocessor.of(Binning.by(4).withMinimumOutputPx(64))))
                .isInstanceOf(PreprocessException.class)
                .hasMessageContaining("less than the 64×64 window");
        assertThat(raw.reads).isZero();
        assertThat(raw.closed).isTrue();
    }

    /** An in-memory source that counts reads. */
    private static final class CountingSource implements FrameSource {
        final List<DiffractionFrame> frames;
        int reads;
        boolean closed;

        CountingSource(List<DiffractionFrame> frames) {
            this.frames = frames;
        }

        @Override
        public int frameCount() {
            return frames.size();
        }

        @Override
        public int height() {
            return frames.get(0).height();
        }

        @Override
        public int width() {
            return frames.get(0).width();
        }

        @Override
        public DiffractionFrame read(int index) {
            reads++;
            return frames.get(index);
        }

        @Override
        public String description() {
            return "memory";
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
