package org.dpr.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.dpr.Geometry;
import org.dpr.io.DiffractionFrame;
import org.dpr.metrics.FrameEvaluator;
import org.dpr.metrics.Metric;
import org.dpr.metrics.MetricRow;
import org.dpr.nn.DprConfig;
import org.dpr.nn.DprModel;
import org.dpr.nn.DprPreset;
import org.dpr.pipeline.DprMethod;
import org.dpr.pipeline.IterativeMethod;
import org.dpr.pipeline.ObjectEstimate;
import org.dpr.retrieve.Algorithm;
import org.dpr.retrieve.IterativeReconstructor;
import org.dpr.simulate.SimulationConfig;
import org.dpr.simulate.Simulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link Evaluation} over three simulated N 64 frames with an untrained DPR model and a short HIO. */
class EvaluationTest {

    static List<DiffractionFrame> frames;
    static DprModel model;
    static IterativeMethod hio;
    static EvaluationResult result;
    static List<String> heard = new ArrayList<>();

    static IterativeMethod hio(long seed) {
        return new IterativeMethod("hio", IterativeReconstructor.withDefaults().withAlgorithm(Algorithm.HIO)
                .withStarts(2).withIterations(20).withSeed(seed));
    }

    @BeforeAll
    static void evaluate() {
        frames = Simulator.of(SimulationConfig.withDefaults().withGeometry(Geometry.ofWindow(64)).withSeed(5)).frames(0, 3);
        model = DprModel.create(DprConfig.of(DprPreset.SMALL).withWindowPx(64).withNgf(16).withMaxChannels(128));
        hio = hio(1);
        result = Evaluation.withDefaults()
                .withMethod(hio)
                .withMethod(DprMethod.of(model, "untrained", DprMethod.Mode.DPR))
                .withShownFrames(List.of(0L, 1L, 2L))
                .withChunkFrames(2)
                .run(new ListFrameSource(frames), new EvaluationListener() {
                    @Override
                    public IntConsumer methodStarted(String method, int count) {
                        heard.add("start " + method + " " + count);
                        return done -> heard.add(method + " " + done);
                    }

                    @Override
                    public void methodFinished(String method) {
                        heard.add("end " + method);
                    }
                });
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void everyFrameAndMethodHasOneRowInListAndSourceOrder() {
        assertThat(result.rows()).extracting(MetricRow::method).containsExactly("hio", "hio", "hio", "dpr", "dpr", "dpr");
        assertThat(result.rows()).extracting(MetricRow::index).containsExactly(0, 1, 2, 0, 1, 2);
        assertThat(result.labels()).containsExactly("hio", "dpr");
        assertThat(result.frames()).isEqualTo(3);
    }

    @Test
    void perFrameMetricsEqualAnIndependentEvaluationOfTheKeptImages() {
        for (ShownFrame shown : result.shown()) {
            DiffractionFrame frame = frames.get((int) shown.frameIndex());
            for (String method : result.labels()) {
                MetricRow row = shown.metrics().get(method);
                MetricRow expected = FrameEvaluator.withDefaults().evaluate((int) shown.frameIndex(), method,
                        shown.objects().get(method), frame, row.seconds());
                assertThat(row).as(method + " frame " + shown.frameIndex()).isEqualTo(expected);
                assertThat(result.rows()).contains(row);
                assertThat(row.value(Metric.PSNR_DB)).isFinite();
            }
        }
    }

    @Test
    void keptImagesAreThoseTheMethodReturnsForTheFrame() {
        List<ObjectEstimate> direct = new ArrayList<>();
        hio(1).reconstruct(frames.subList(2, 3), direct::add);
        assertThat(result.shown().get(2).objects().get("hio")).containsExactly(direct.get(0).object());
    }

    @Test
    void listenerHearsEachMethodStartProgressAndFinishInOrder() {
        assertThat(heard).containsExactly("start hio 3", "hio 1", "hio 2", "hio 3", "end hio",
                "start dpr 3", "dpr 1", "dpr 2", "dpr 3", "end dpr");
    }

    @Test
    void referenceIsDprWhenListedElseTheFirstMethod() {
        assertThat(result.reference()).isEqualTo("dpr");
        assertThat(Evaluation.withDefaults().withMethod(hio).withMethod("gps", hio(2)).reference()).isEqualTo("hio");
        assertThat(Evaluation.withDefaults().withMethod(hio).withMethod("gps", hio(2)).withReference("gps").reference())
                .isEqualTo("gps");
    }

    @Test
    void variantsOfOneKindRunUnderTheirOwnLabels() {
        EvaluationResult variants = Evaluation.withDefaults()
                .withMethod("hio seed 1", hio(1)).withMethod("hio seed 2", hio(2))
                .withShownFrames(List.of())
                .run(new ListFrameSource(frames.subList(0, 1)), EvaluationListener.silent());
        assertThat(variants.rows()).extracting(MetricRow::method).containsExactly("hio seed 1", "hio seed 2");
        assertThat(variants.methods()).extracting(MethodInfo::kind).containsExactly("hio", "hio");
        assertThat(variants.reference()).isEqualTo("hio seed 1");
        assertThat(variants.shown()).isEmpty();
        assertThatThrownBy(() -> Evaluation.withDefaults().withMethod(hio).withMethod(hio))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }

    @Test
    void aShownFrameOutsideTheSourceFailsBeforeAnyMethodRuns() {
        List<String> started = new ArrayList<>();
        Evaluation evaluation = Evaluation.withDefaults().withMethod(hio).withShownFrames(List.of(1L, 3L));
        assertThatThrownBy(() -> evaluation.run(new ListFrameSource(frames), (method, count) -> {
            started.add(method);
            return done -> { };
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("frame 3").hasMessageContaining("0…2");
        assertThat(started).isEmpty();
    }

    @Test
    void aReferenceThatIsNotAMethodIsRefused() {
        Evaluation evaluation = Evaluation.withDefaults().withMethod(hio).withReference("dpr");
        assertThatThrownBy(() -> evaluation.run(new ListFrameSource(frames), EvaluationListener.silent()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dpr");
        assertThatThrownBy(() -> Evaluation.withDefaults().run(new ListFrameSource(frames), EvaluationListener.silent()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one method");
    }
}
