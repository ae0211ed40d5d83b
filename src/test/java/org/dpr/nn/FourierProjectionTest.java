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

class FourierProjectionTest {
    private static final int N = 64;
    private static final int BOX = 8;

    @Test
    void projectionRestoresMeasuredAmplitudesAndKeepsTheModelsOnMissingPixels() {
        try (NDManager m = NDManager.newBaseManager(); CentredFft fft = CentredFft.of(m, N, N)) {
            NDArray model = TestPatterns.objects(m, 2, BOX, 3);
            NDList data = TestPatterns.patterns(m, TestPatterns.objects(m, 2, BOX, 4), N, 0.5f);
            NDArray measured = data.get(0).mul(data.get(1));
            NDArray mask = data.get(1);
            NDList projected = FourierProjection.projectSpectrum(DiffractionScaling.spectrumPairs(model, N), measured,
                    mask);
            float[] re = projected.get(0).toFloatArray();
            float[] im = projected.get(1).toFloatArray();
            // the model's amplitude and phase, through the shared centred FFT
            NDArray spectrum = fft.forward(Tensors.padCentre(model, N));
            float[] amplitude = spectrum.abs().toFloatArray();
            float[] modelRe = Tensors.re(spectrum).toFloatArray();
            float[] modelIm = Tensors.im(spectrum).toFloatArray();
            float[] intensity = measured.toFloatArray();
            float[] valid = mask.toFloatArray();
            for (int b = 0; b < 2; b++) {
                double sumI = 0;
                double sumModel = 0;
                for (int i = b * N * N; i < (b + 1) * N * N; i++) {
                    sumI += intensity[i];
                    sumModel += (double) amplitude[i] * amplitude[i] * valid[i];
                }
                double s = sumI / sumModel;
                int missing = 0;
                for (int i = b * N * N; i < (b + 1) * N * N; i++) {
                    double a = Math.hypot(re[i], im[i]);
                    if (valid[i] == 1f) {
                        double target = Math.sqrt(Math.max(intensity[i] / s, 1e-8));
                        assertThat(a).isCloseTo(target, within(2e-5 * target + 1e-6));
                    } else {
                        missing++;
                        assertThat(a).isCloseTo(amplitude[i], within(1e-5 * amplitude[i] + 1e-6));
                    }
                    // the phase is kept: the projected value is a positive multiple of the model's
                    // (up to the fixed sign pattern of the modulated transform)
                    double cross = re[i] * modelIm[i] - im[i] * modelRe[i];
                    assertThat(Math.abs(cross)).isLessThan(1e-4 * a * amplitude[i] + 1e-6);
                }
                assertThat(missing).isGreaterThan(0);
            }
        }
    }

    @Test
    void projectingAnObjectOntoItsOwnPatternGivesTheObjectBack() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray object = TestPatterns.objects(m, 2, BOX, 8);
            NDList data = TestPatterns.patterns(m, object, N, 123f);
            // the base decoder's output is only known up to scale: give it half the object
            NDArray x1 = FourierProjection.apply(object.mul(0.5f), data.get(0).mul(data.get(1)), data.get(1));
            assertThat(x1.getShape()).isEqualTo(object.getShape());
            float[] got = x1.toFloatArray();
            float[] expected = object.mul(0.5f).toFloatArray();
            for (int i = 0; i < got.length; i++) {
                assertThat(got[i]).isCloseTo(expected[i], within(1e-4f));
            }
        }
    }

    @Test
    void measuredZerosGetTheFloorAmplitudeOfOneTenThousandth() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray model = TestPatterns.objects(m, 1, BOX, 2);
            NDArray measured = m.zeros(new Shape(1, 1, N, N));
            measured.set(new ai.djl.ndarray.index.NDIndex("0, 0, 32, 32"), 100f); // only the zero frequency is lit
            NDArray mask = m.ones(new Shape(1, 1, N, N));
            NDList projected = FourierProjection.projectSpectrum(DiffractionScaling.spectrumPairs(model, N), measured,
                    mask);
            float[] re = projected.get(0).toFloatArray();
            float[] im = projected.get(1).toFloatArray();
            assertThat(Math.hypot(re[5 * N + 7], im[5 * N + 7])).isCloseTo(1e-4, within(1e-8));
        }
    }
}
