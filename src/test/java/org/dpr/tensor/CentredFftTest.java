package org.dpr.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CentredFftTest {

    @Test
    void deltaAtCentreTransformsToAFlatSpectrumAndFlatToADeltaAtCentre() {
        try (NDManager m = NDManager.newBaseManager(); CentredFft fft = CentredFft.of(m, 8, 6)) {
            float[] delta = new float[48];
            delta[4 * 6 + 3] = 1f;
            float[] spectrum = Tensors.re(fft.forward(m.create(delta, new Shape(8, 6)))).toFloatArray();
            for (float v : spectrum) {
                assertThat(v).isCloseTo(1f, within(1e-6f));
            }
            float[] ones = new float[48];
            java.util.Arrays.fill(ones, 1f);
            float[] dc = fft.forward(m.create(ones, new Shape(8, 6))).abs().toFloatArray();
            assertThat(dc[4 * 6 + 3]).isCloseTo(48f, within(1e-4f));
            assertThat(dc[0]).isCloseTo(0f, within(1e-4f));
        }
    }

    @Test
    void forwardIsUnnormalisedParsevalAndInverseUndoesIt() {
        try (NDManager m = NDManager.newBaseManager(); CentredFft fft = CentredFft.of(m, 16, 16)) {
            Random rnd = new Random(1);
            float[] x = new float[2 * 256];
            double energy = 0;
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) rnd.nextGaussian();
                energy += x[i] * x[i];
            }
            NDArray xs = m.create(x, new Shape(2, 16, 16));
            NDArray f = fft.forward(xs);
            double spectral = f.abs().square().sum().getFloat();
            assertThat(spectral).isCloseTo(256 * energy, within(1e-3 * 256 * energy));
            float[] back = Tensors.re(fft.inverse(f)).toFloatArray();
            for (int i = 0; i < x.length; i++) {
                assertThat(back[i]).isCloseTo(x[i], within(1e-4f));
            }
        }
    }

    @Test
    void padThenCropReturnsTheBoxInTheCentre() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray box = m.arange(16f).reshape(1, 4, 4);
            NDArray padded = Tensors.padCentre(box, 8);
            assertThat(padded.getShape()).isEqualTo(new Shape(1, 8, 8));
            assertThat(padded.getFloat(0, 2, 2)).isEqualTo(0f);
            assertThat(padded.getFloat(0, 5, 5)).isEqualTo(15f);
            assertThat(padded.sum().getFloat()).isEqualTo(120f);
            assertThat(Tensors.cropCentre(padded, 4).toFloatArray()).containsExactly(box.toFloatArray());
        }
    }
}
