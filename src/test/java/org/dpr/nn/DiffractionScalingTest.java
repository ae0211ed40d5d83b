package org.dpr.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.dpr.tensor.CentredFft;
import org.dpr.tensor.Tensors;
import org.junit.jupiter.api.Test;

class DiffractionScalingTest {
    private static final int N = 64;
    private static final int BOX = 8;

    @Test
    void outputScaleMakesTheModelIntensitySumToTheMeasuredIntensityOnMeasuredPixels() {
        try (NDManager m = NDManager.newBaseManager(); CentredFft fft = CentredFft.of(m, N, N)) {
            NDArray x = TestPatterns.objects(m, 3, BOX, 1);
            NDList data = TestPatterns.patterns(m, TestPatterns.objects(m, 3, BOX, 2), N, 7f);
            NDArray measured = data.get(0).mul(data.get(1));
            float[] scale = DiffractionScaling.outputScale(x, measured, data.get(1)).toFloatArray();
            assertThat(scale).hasSize(3);
            float[] power = fft.forward(Tensors.padCentre(x, N)).abs().square().toFloatArray();
            float[] intensity = measured.toFloatArray();
            float[] mask = data.get(1).toFloatArray();
            for (int b = 0; b < 3; b++) {
                double model = 0;
                double data2 = 0;
                for (int i = b * N * N; i < (b + 1) * N * N; i++) {
                    model += scale[b] * power[i] * mask[i];
                    data2 += intensity[i];
                }
                assertThat(model).isCloseTo(data2, within(1e-5 * data2));
            }
        }
    }

    @Test
    void amplitudeUnitsRecoverTheObjectThatMadeThePattern() {
        // I = k·|F(pad o)|² and a network output x = o / max(o): x·√ŝ = √k·o
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray object = TestPatterns.objects(m, 2, BOX, 5);
            float k = 40f;
            NDList data = TestPatterns.patterns(m, object, N, k);
            NDArray x = object.div(object.max(new int[] {3}, true).max(new int[] {2}, true));
            NDArray measured = data.get(0).mul(data.get(1));
            NDArray amplitude = DiffractionScaling.amplitude(x, DiffractionScaling.outputScale(x, measured, data.get(1)));
            float[] got = amplitude.toFloatArray();
            float[] expected = object.mul((float) Math.sqrt(k)).toFloatArray();
            for (int i = 0; i < got.length; i++) {
                assertThat(got[i]).isCloseTo(expected[i], within(1e-4f * (1 + expected[i])));
            }
        }
    }

    @Test
    void inputNormalisationKeepsMeasuredPhotonsClampsNegativesAndIgnoresMissingPixels() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray intensity = m.create(new float[] {4f, -1f, Float.NaN, 2f, 0f, 8f, 1f, 3f}, new Shape(2, 1, 2, 2));
            NDArray mask = m.create(new float[] {1f, 1f, 0f, 1f, 1f, 0f, 1f, 1f}, new Shape(2, 1, 2, 2));
            NDList out = DiffractionScaling.normaliseInput(intensity, mask);
            assertThat(out.get(0).toFloatArray()).containsExactly(4f, 0f, 0f, 2f, 0f, 0f, 1f, 3f);
            assertThat(out.get(1).toFloatArray()).containsExactly(1f, 0f, 0f, 0.5f, 0f, 0f, 1f / 3, 1f);
        }
    }

    @Test
    void anEmptyPatternNormalisesToZerosRatherThanNaN() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray zeros = m.zeros(new Shape(1, 1, 4, 4));
            NDList out = DiffractionScaling.normaliseInput(zeros, m.ones(new Shape(1, 1, 4, 4)));
            assertThat(out.get(1).toFloatArray()).containsOnly(0f);
        }
    }
}
