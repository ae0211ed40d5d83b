package org.dpr.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DprNetworkTest {

    @Test
    void paperPresetHasExactlyTheTrainableParameterCountOfThePaper() {
        try (NDManager m = NDManager.newBaseManager()) {
            DprNetwork net = DprNetwork.of(DprConfig.of(DprPreset.PAPER));
            net.initializeFor(m);
            assertThat(net.trainableParameterCount()).isEqualTo(15_243_570L);
        }
    }

    @Test
    void paperNetworkMapsA512WindowToA64BoxWithOneScalePerPattern() {
        // shapes only: a forward pass at N 512 takes seconds on a shared CPU (ModelBenchmark times it)
        DprNetwork net = DprNetwork.of(DprConfig.withDefaults());
        Shape in = net.inputShape(4);
        assertThat(net.getOutputShapes(new Shape[] {in, in}))
                .containsExactly(new Shape(4, 1, 64, 64), new Shape(4, 1, 1, 1));
        Shape[] features = net.encoder().getOutputShapes(new Shape[] {in, in});
        assertThat(features).containsExactly(new Shape(4, 512, 64, 64));
        assertThat(net.baseDecoder().getOutputShapes(features)).containsExactly(new Shape(4, 1, 64, 64));
    }

    @Test
    void ablationVariantsOfTheSmallPresetProduceTheShapesTheyDeclare() {
        // WPC with +D runs in every predictor test; here the other encoders, each with one decoder
        checkVariant(EncoderKind.PC, DecoderKind.SINGLE);
        checkVariant(EncoderKind.FFC, DecoderKind.TWO_STAGE);
    }

    private static void checkVariant(EncoderKind encoder, DecoderKind decoder) {
        try (NDManager m = NDManager.newBaseManager()) {
            DprNetwork net = DprNetwork.builder().setPreset(DprPreset.SMALL).optEncoder(encoder).optDecoder(decoder)
                    .build();
            net.initializeFor(m);
            NDList data = TestPatterns.patterns(m, TestPatterns.objects(m, 2, 16, 3), 128, 1e-2f);
            NDList out = net.forward(new ParameterStore(m, false), data, false);
            Shape in = net.inputShape(2);
            assertThat(new Shape[] {out.get(0).getShape(), out.get(1).getShape()}).as("%s %s", encoder, decoder)
                    .containsExactly(net.getOutputShapes(new Shape[] {in, in}));
            assertThat(out.get(0).getShape()).isEqualTo(new Shape(2, 1, 16, 16));
            for (float v : out.get(0).toFloatArray()) {
                assertThat(v).isBetween(0f, 1f); // sigmoid output
            }
        }
    }

    @Test
    void anyWindowThatIsAMultipleOfSixteenWorks() {
        try (NDManager m = NDManager.newBaseManager()) {
            DprNetwork net = DprNetwork.builder().setPreset(DprPreset.SMALL).optWindowPx(48).optNgf(16)
                    .optMaxChannels(64).build();
            net.initializeFor(m);
            NDList data = TestPatterns.patterns(m, TestPatterns.objects(m, 1, 6, 3), 48, 1f);
            NDList out = net.forward(new ParameterStore(m, false), data, false);
            assertThat(out.get(0).getShape()).isEqualTo(new Shape(1, 1, 6, 6));
        }
    }

    @Test
    void impossibleSizesAreRefusedWhenTheNetworkIsBuilt() {
        assertThatThrownBy(() -> DprNetwork.builder().setPreset(DprPreset.SMALL).optWindowPx(72).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiple of 16");
        assertThatThrownBy(() -> DprNetwork.builder().setPreset(DprPreset.SMALL).optNgf(24).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ngf");
        assertThatThrownBy(() -> DprNetwork.builder().optEncoder(EncoderKind.PC).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("preset");
        assertThatThrownBy(() -> DprConfig.withDefaults().withMaxChannels(32))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least ngf");
    }

    @Test
    void patternsOfAnotherWindowAreRefused() {
        try (NDManager m = NDManager.newBaseManager()) {
            DprNetwork net = DprNetwork.of(DprConfig.of(DprPreset.SMALL));
            net.initializeFor(m);
            NDArray wrong = m.ones(new Shape(1, 1, 64, 64));
            assertThatThrownBy(() -> net.forward(new ParameterStore(m, false), new NDList(wrong, wrong), false))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(B, 1, 128, 128)");
        }
    }

    @Test
    void oneBackwardPassGivesEveryParameterANonZeroGradient() {
        try (NDManager m = NDManager.newBaseManager()) {
            DprNetwork net = DprNetwork.of(DprConfig.of(DprPreset.SMALL));
            net.initializeFor(m);
            NDArray objects = TestPatterns.objects(m, 2, 16, 11);
            NDList data = TestPatterns.patterns(m, objects, 128, 1e-2f);
            NDArray target = objects.mul(0.1f);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDList out = net.forward(new ParameterStore(m, false), data, true);
                NDArray amplitude = DiffractionScaling.amplitude(out.get(0), out.get(1));
                collector.backward(amplitude.sub(target).abs().mean());
            }
            List<String> withoutGradient = new ArrayList<>();
            int trainable = 0;
            for (Pair<String, Parameter> p : net.getParameters()) {
                if (!p.getValue().requiresGradient()) {
                    continue;
                }
                trainable++;
                NDArray grad = p.getValue().getArray().getGradient();
                float norm = grad.abs().sum().getFloat();
                if (!(norm > 0) || !Float.isFinite(norm)) {
                    withoutGradient.add(p.getKey() + " (" + norm + ")");
                }
            }
            assertThat(trainable).isGreaterThan(100);
            assertThat(withoutGradient).isEmpty();
        }
    }
}
