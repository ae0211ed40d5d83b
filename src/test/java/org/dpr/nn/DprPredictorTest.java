package org.dpr.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.dpr.tensor.CentredFft;
import org.dpr.tensor.Tensors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DprPredictorTest {
    private static final int N = 128;
    private static final int BOX = 16;
    private static DprModel model;
    private static NDManager manager;
    private static List<float[]> intensities;
    private static List<byte[]> masks;

    @BeforeAll
    static void makeModelAndFrames() {
        model = DprModel.create(DprConfig.of(DprPreset.SMALL), Device.cpu());
        manager = NDManager.newBaseManager(Device.cpu());
        NDList data = TestPatterns.patterns(manager, TestPatterns.objects(manager, 3, BOX, 21), N, 1e-2f);
        intensities = new ArrayList<>();
        masks = new ArrayList<>();
        float[] all = data.get(0).toFloatArray();
        float[] allMasks = data.get(1).toFloatArray();
        for (int b = 0; b < 3; b++) {
            float[] frame = new float[N * N];
            byte[] mask = new byte[N * N];
            System.arraycopy(all, b * N * N, frame, 0, N * N);
            for (int i = 0; i < N * N; i++) {
                mask[i] = (byte) (allMasks[b * N * N + i] > 0 ? 1 : 0);
            }
            intensities.add(frame);
            masks.add(mask);
        }
    }

    @AfterAll
    static void close() {
        model.close();
        manager.close();
    }

    @Test
    void objectsComeBackInAmplitudeUnitsThatReproduceTheMeasuredPhotons() {
        DprPrediction p = model.newPredictor().predict(intensities, masks);
        assertThat(p.objects()).hasSize(3);
        assertThat(p.objectBoxPx()).isEqualTo(BOX);
        assertThat(p.batchSize()).isEqualTo(8);
        try (CentredFft fft = CentredFft.of(manager, N, N)) {
            for (int b = 0; b < 3; b++) {
                NDArray object = manager.create(p.objects().get(b), new ai.djl.ndarray.types.Shape(BOX, BOX));
                float[] power = fft.forward(Tensors.padCentre(object, N)).abs().square().toFloatArray();
                double model = 0;
                double measured = 0;
                for (int i = 0; i < N * N; i++) {
                    if (masks.get(b)[i] != 0) {
                        model += power[i];
                        measured += intensities.get(b)[i];
                    }
                }
                assertThat(model).isCloseTo(measured, within(1e-4 * measured));
            }
        }
    }

    @Test
    void batchingDoesNotChangeTheObjectsInInferenceMode() {
        DprPrediction together = model.newPredictor(3).predict(intensities, masks);
        DprPrediction pairs = model.newPredictor(2).predict(intensities, masks);
        DprPrediction single = model.newPredictor(1).predict(intensities.subList(0, 1), masks.subList(0, 1));
        for (int b = 0; b < 3; b++) {
            float[] a = together.objects().get(b);
            float[] c = pairs.objects().get(b);
            for (int i = 0; i < a.length; i++) {
                assertThat(c[i]).isCloseTo(a[i], within(1e-4f * (1 + Math.abs(a[i]))));
                if (b == 0) {
                    assertThat(single.objects().get(0)[i]).isCloseTo(a[i], within(1e-4f * (1 + Math.abs(a[i]))));
                }
            }
        }
        assertThat(pairs.batchSize()).isEqualTo(2);
    }

    @Test
    void missingPixelsAreIgnoredEvenWhenTheyHoldGarbage() {
        List<float[]> garbage = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            float[] frame = intensities.get(b).clone();
            for (int i = 0; i < frame.length; i++) {
                if (masks.get(b)[i] == 0) {
                    frame[i] = i % 2 == 0 ? Float.NaN : 1e9f;
                }
            }
            garbage.add(frame);
        }
        DprPredictor predictor = model.newPredictor();
        List<float[]> clean = predictor.predict(intensities, masks).objects();
        List<float[]> dirty = predictor.predict(garbage, masks).objects();
        for (int b = 0; b < 3; b++) {
            assertThat(dirty.get(b)).containsExactly(clean.get(b));
        }
    }

    @Test
    void automaticBatchOnACpuShrinksWithTheSquareOfTheWindow() {
        try (DprModel wide = DprModel.create(DprConfig.of(DprPreset.SMALL).withWindowPx(256).withNgf(16)
                .withMaxChannels(128), Device.cpu())) {
            assertThat(wide.newPredictor().batchSize()).isEqualTo(2);
        }
        assertThat(model.newPredictor().batchSize()).isEqualTo(8);
    }

    @Test
    void framesOfTheWrongSizeAreRefused() {
        DprPredictor predictor = model.newPredictor();
        assertThatThrownBy(() -> predictor.predict(List.of(new float[64 * 64]), List.of(new byte[64 * 64])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("128×128");
        assertThatThrownBy(() -> predictor.predict(intensities, masks.subList(0, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 patterns but 2 masks");
        assertThatThrownBy(() -> model.newPredictor(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
