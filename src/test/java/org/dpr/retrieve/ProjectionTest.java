package org.dpr.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.dpr.io.DiffractionFrame;
import org.dpr.tensor.CentredFft;
import org.dpr.tensor.Tensors;
import org.junit.jupiter.api.Test;

class ProjectionTest {
    private static final int N = 32;

    /** A noisy frame with a centre beamstop and scattered missing pixels, so that the mask is not centrosymmetric. */
    private static DiffractionFrame maskedNoisyFrame(NDManager m) {
        DiffractionFrame f = TestFrames.noisyFrame(m, TestFrames.blob(4, 3), 4, N, 2e4, 3, 5);
        byte[] mask = f.mask().clone();
        Random r = new Random(9);
        for (int i = 0; i < 40; i++) {
            mask[r.nextInt(mask.length)] = 0;
        }
        return f.withMask(mask);
    }

    private static float[] centredToFftOrder(float[] centred, int n) {
        float[] out = new float[centred.length];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                out[y * n + x] = centred[((y + n / 2) % n) * n + (x + n / 2) % n];
            }
        }
        return out;
    }

    @Test
    void amplitudeProjectionHonoursMeasuredAmplitudesExactlyAndLeavesMissingPixelsFree() {
        try (NDManager m = NDManager.newBaseManager()) {
            DiffractionFrame frame = maskedNoisyFrame(m);
            NDArray intensity = m.create(frame.intensity(), new Shape(N, N));
            NDArray mask = m.create(frame.mask(), new Shape(N, N)).toType(DataType.FLOAT32, false);
            NDArray support = m.ones(new Shape(N, N));
            PhasingState start = PhasingState.randomStarts(intensity, mask, support, 3, 11);
            // move away from the data first: a few HIO iterations leave a spectrum that does not fit
            PhasingState moved = Hio.withDefaults().times(3).apply(start).inFourierSpace();
            float[] before = Tensors.re(moved.object()).toFloatArray();
            float[] beforeIm = Tensors.im(moved.object()).toFloatArray();
            try (PhasingState projected = FourierProjection.withDefaults().apply(moved)) {
                float[] re = Tensors.re(projected.object()).toFloatArray();
                float[] im = Tensors.im(projected.object()).toFloatArray();
                float[] amplitude = centredToFftOrder(frame.intensity(), N);
                float[] measured = centredToFftOrder(mask.toFloatArray(), N);
                int missing = 0;
                for (int row = 0; row < 3; row++) {
                    for (int k = 0; k < N * N; k++) {
                        int i = row * N * N + k;
                        if (measured[k] == 1f) {
                            double expected = Math.sqrt(Math.max(amplitude[k], 0f));
                            assertThat(Math.hypot(re[i], im[i])).isCloseTo(expected, within(1e-4 * (1 + expected)));
                            // the phase is kept
                            double cross = re[i] * beforeIm[i] - im[i] * before[i];
                            assertThat(cross).isCloseTo(0, within(1e-3 * (1 + expected) * (1 + Math.hypot(before[i], beforeIm[i]))));
                        } else {
                            missing++;
                            assertThat(re[i]).isEqualTo(before[i]);
                            assertThat(im[i]).isEqualTo(beforeIm[i]);
                        }
                    }
                }
                assertThat(missing).isGreaterThan(3 * 36);
            }
        }
    }

    @Test
    void halfSpectrumProjectionEqualsRealPartOfTheFullComplexProjection() {
        try (NDManager m = NDManager.newBaseManager()) {
            DiffractionFrame frame = maskedNoisyFrame(m);
            Measurement data = Measurement.fromFrames(m, java.util.List.of(frame), 2);
            NDArray u = m.randomNormal(new Shape(2, N, N));
            float[] fast = Projections.fourierProjectReal(u, data).toFloatArray();
            // reference: Re F⁻¹[ where(mask, a·U/|U|, U) ] on the full grid
            NDArray spectrum = u.fft2(new long[] {N, N}, new long[] {-2, -1});
            NDArray modulus = spectrum.abs();
            NDArray replaced = spectrum.mul(data.amplitudes().div(modulus));
            NDArray measured = data.mask().gt(0.5f);
            NDArray projected = NDArrays.where(measured, replaced, spectrum);
            float[] reference = Tensors.re(projected.ifft2(new long[] {N, N}, new long[] {-2, -1})).toFloatArray();
            double scale = 0;
            for (float v : reference) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int i = 0; i < fast.length; i++) {
                assertThat(fast[i]).isCloseTo(reference[i], within((float) (1e-5 * scale)));
            }
            data.close();
        }
    }

    @Test
    void rFactorOnTheDeviceMatchesEquationSixComputedDirectly() {
        try (NDManager m = NDManager.newBaseManager(); CentredFft fft = CentredFft.of(m, N, N)) {
            DiffractionFrame frame = maskedNoisyFrame(m);
            Measurement data = Measurement.fromFrames(m, java.util.List.of(frame), 2);
            Random r = new Random(4);
            float[] objects = new float[2 * N * N];
            for (int i = 0; i < objects.length; i++) {
                objects[i] = r.nextFloat() < 0.1 ? r.nextFloat() * 3 : 0f;
            }
            float[] rf = Projections.rFactors(m.create(objects, new Shape(2, N, N)), data).toFloatArray();
            for (int row = 0; row < 2; row++) {
                NDArray x = m.create(java.util.Arrays.copyOfRange(objects, row * N * N, (row + 1) * N * N), new Shape(N, N));
                float[] a = fft.forward(x).abs().toFloatArray();
                double num = 0;
                double den = 0;
                for (int i = 0; i < a.length; i++) {
                    if (frame.mask()[i] != 0) {
                        double root = Math.sqrt(Math.max(frame.intensity()[i], 0f));
                        num += Math.abs(a[i] - root);
                        den += root;
                    }
                }
                assertThat((double) rf[row]).isCloseTo(num / den, within(1e-5 * num / den));
            }
            data.close();
        }
    }

    @Test
    void supportProjectionKeepsThePositiveRealPartInsideTheSupport() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray u = m.create(new float[] {-1, 2, 3, -4}, new Shape(1, 2, 2));
            NDArray s = m.create(new float[] {1, 1, 0, 0}, new Shape(1, 2, 2));
            assertThat(Projections.supportProject(u, s).toFloatArray()).containsExactly(0f, 2f, 0f, 0f);
        }
    }

    @Test
    void iterationsCloseEveryTemporary() {
        try (NDManager base = NDManager.newBaseManager(); NDManager m = base.newSubManager()) {
            DiffractionFrame frame = maskedNoisyFrame(base);
            NDArray intensity = base.create(frame.intensity(), new Shape(N, N));
            NDArray mask = base.create(frame.mask(), new Shape(N, N)).toType(DataType.FLOAT32, false);
            NDArray support = base.ones(new Shape(N, N));
            NDArray i2 = intensity.duplicate();
            i2.attach(m);
            NDArray m2 = mask.duplicate();
            m2.attach(m);
            NDArray s2 = support.duplicate();
            s2.attach(m);
            PhasingState state = PhasingState.randomStarts(i2, m2, s2, 2, 1);
            state = Hio.withDefaults().times(2).then(Gps.withDefaults().times(2)).apply(state);
            int after4 = m.getManagedArrays().size();
            state = Hio.withDefaults().times(5).then(ShrinkWrap.withDefaults()).then(Gps.withDefaults().times(5))
                    .then(Er.withDefaults()).then(Gps.withDefaults().withSmoothing(Gps.Smoothing.FOURIER_SPACE)).apply(state);
            assertThat(m.getManagedArrays().size()).isEqualTo(after4);
            state.close();
        }
    }
}
