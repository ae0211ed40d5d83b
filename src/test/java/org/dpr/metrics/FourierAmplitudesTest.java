package org.dpr.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.dpr.tensor.CentredFft;
import org.dpr.tensor.Tensors;
import org.junit.jupiter.api.Test;

class FourierAmplitudesTest {

    @Test
    void amplitudesEqualTheDirectCentredSumOnARectangularNonPowerOfTwoWindow() {
        int h = 3;
        int w = 4;
        int wh = 9;
        int ww = 10;
        Random rnd = new Random(3);
        float[] object = new float[h * w];
        for (int i = 0; i < object.length; i++) {
            object[i] = rnd.nextFloat();
        }
        float[] amplitudes = FourierAmplitudes.ofObject(object, h, w, wh, ww);
        // The object sits at rows (9−3)/2 = 3.., columns (10−4)/2 = 3..; the output pixel (oy, ox)
        // holds the frequency (oy − 9/2, ox − 10/2) = (oy − 4, ox − 5).
        for (int oy = 0; oy < wh; oy++) {
            for (int ox = 0; ox < ww; ox++) {
                double re = 0;
                double im = 0;
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        double a = -2 * Math.PI * ((double) (oy - 4) * (y + 3) / wh + (double) (ox - 5) * (x + 3) / ww);
                        re += object[y * w + x] * Math.cos(a);
                        im += object[y * w + x] * Math.sin(a);
                    }
                }
                assertThat((double) amplitudes[oy * ww + ox]).isCloseTo(Math.hypot(re, im), within(1e-5));
            }
        }
    }

    @Test
    void amplitudesAgreeWithTheProjectsCentredFftOfThePaddedObject() {
        int n = 8;
        int window = 32;
        Random rnd = new Random(11);
        float[] object = new float[n * n];
        for (int i = 0; i < object.length; i++) {
            object[i] = rnd.nextFloat();
        }
        float[] ours = FourierAmplitudes.ofObject(object, n, window);
        try (NDManager m = NDManager.newBaseManager(); CentredFft fft = CentredFft.of(m, window, window)) {
            NDArray padded = Tensors.padCentre(m.create(object, new Shape(n, n)), window);
            float[] djl = fft.forward(padded).abs().toFloatArray();
            for (int i = 0; i < djl.length; i++) {
                assertThat(ours[i]).isCloseTo(djl[i], within(1e-4f * (1 + djl[i])));
            }
        }
    }

    @Test
    void zeroFrequencyHoldsTheSumOfTheObjectAtTheWindowCentre() {
        float[] object = {1, 2, 3, 4};
        float[] amplitudes = FourierAmplitudes.ofObject(object, 2, 8);
        assertThat(amplitudes[4 * 8 + 4]).isEqualTo(10f);
    }

    @Test
    void aWindowSmallerThanTheObjectIsRejected() {
        assertThatThrownBy(() -> FourierAmplitudes.ofObject(new float[16], 4, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("smaller than the object");
    }
}
