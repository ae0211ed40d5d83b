package org.dpr.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FftTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 8, 16, 9, 24, 72, 100})
    void forwardTransformEqualsTheDefiningSum(int length) {
        Random rnd = new Random(length);
        double[] re = new double[length];
        double[] im = new double[length];
        for (int j = 0; j < length; j++) {
            re[j] = rnd.nextGaussian();
            im[j] = rnd.nextGaussian();
        }
        double[] fr = re.clone();
        double[] fi = im.clone();
        Fft.of(length).forward(fr, fi);
        for (int k = 0; k < length; k++) {
            double sr = 0;
            double si = 0;
            for (int j = 0; j < length; j++) {
                double angle = -2 * Math.PI * ((long) j * k % length) / length;
                sr += re[j] * Math.cos(angle) - im[j] * Math.sin(angle);
                si += re[j] * Math.sin(angle) + im[j] * Math.cos(angle);
            }
            assertThat(fr[k]).as("re X[%d]", k).isCloseTo(sr, within(1e-9 * length));
            assertThat(fi[k]).as("im X[%d]", k).isCloseTo(si, within(1e-9 * length));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 24, 40})
    void inverseWithOneOverLengthUndoesForward(int length) {
        Random rnd = new Random(7);
        double[] re = new double[length];
        double[] im = new double[length];
        for (int j = 0; j < length; j++) {
            re[j] = rnd.nextGaussian();
            im[j] = rnd.nextGaussian();
        }
        double[] r = re.clone();
        double[] i = im.clone();
        Fft plan = Fft.of(length);
        plan.forward(r, i);
        plan.inverse(r, i);
        for (int j = 0; j < length; j++) {
            assertThat(r[j] / length).isCloseTo(re[j], within(1e-12));
            assertThat(i[j] / length).isCloseTo(im[j], within(1e-12));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 24})
    void realTwoDimensionalTransformEqualsTheComplexOne(int size) {
        Random rnd = new Random(size);
        double[] field = new double[size * size];
        int from = 2;
        int to = size - 3;
        for (int r = from; r < to; r++) {
            for (int c = 0; c < size; c++) {
                field[r * size + c] = rnd.nextGaussian();
            }
        }
        double[] re = new double[size * size];
        double[] im = new double[size * size];
        RealFft2.forward(field, size, from, to, re, im);
        double[] cr = field.clone();
        double[] ci = new double[size * size];
        RealFft2.complexForward(cr, ci, size);
        double[] power = RealFft2.modulus(field, size, from, to, true);
        for (int k = 0; k < size * size; k++) {
            assertThat(re[k]).isCloseTo(cr[k], within(1e-9));
            assertThat(im[k]).isCloseTo(ci[k], within(1e-9));
            assertThat(power[k]).isCloseTo(cr[k] * cr[k] + ci[k] * ci[k], within(1e-8));
        }
    }
}
