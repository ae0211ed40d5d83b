package org.dpr.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.dpr.DprException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DprLossTest {
    private static final DprLoss PLAIN = DprLoss.withDefaults().withAlignment(AlignmentMode.NONE);

    @Test
    void identicalImagesCostZeroInEveryTerm() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray y = m.create(object(new Random(1), 16, 3, 4, 7, 8), new Shape(2, 1, 16, 16));
            LossTerms terms = DprLoss.withDefaults().compute(y.duplicate(), y);
            assertThat(terms.values().values()).allSatisfy(v -> assertThat(v).isEqualTo(0.0));
            assertThat(terms.alignments()).containsOnly(Alignment.IDENTITY);
        }
    }

    @Test
    void aPixelMovedOneColumnCostsTheHandComputedL1AndGradientAndNoFourierR() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] target = new float[64];
            float[] output = new float[64];
            target[5 * 8 + 5] = 1f;
            output[5 * 8 + 6] = 1f;
            LossTerms t = PLAIN.compute(m.create(output, new Shape(1, 8, 8)), m.create(target, new Shape(1, 8, 8)));
            // two pixels differ by 1 out of 64
            assertThat(t.l1().getFloat()).isCloseTo(2f / 64, within(1e-7f));
            // the one support pixel (5,5): target ∂y = −1, ∂x = −1; output ∂y = 0, ∂x = +1 → |1| + |2|
            assertThat(t.gradient().getFloat()).isCloseTo(3f, within(1e-6f));
            // |F| of a delta is 1 everywhere wherever the delta sits
            assertThat(t.fourier().getFloat()).isCloseTo(0f, within(1e-5f));
            assertThat(t.total().getFloat()).isCloseTo(2f / 64 + 10 * 3f, within(1e-4f));
        }
    }

    @Test
    void aConstantOffsetCostsItsSizeInL1AndOnlyTheBoxEdgeInTheGradientTerm() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray y = m.ones(new Shape(1, 1, 8, 8));
            LossTerms t = PLAIN.compute(y.add(0.5f), y);
            assertThat(t.l1().getFloat()).isCloseTo(0.5f, within(1e-7f));
            // beyond the box is zero: the last row and column step down by 1.5 instead of 1 → 16 · 0.5 / 64
            assertThat(t.gradient().getFloat()).isCloseTo(0.125f, within(1e-7f));
        }
    }

    @Test
    void fourierRIsOneForTwiceTheTargetAndForNothing() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray y = m.create(object(new Random(2), 16, 1, 3, 5, 9), new Shape(1, 1, 16, 16));
            assertThat(PLAIN.compute(y.mul(2f), y).fourier().getFloat()).isCloseTo(1f, within(1e-5f));
            assertThat(PLAIN.compute(y.zerosLike(), y).fourier().getFloat()).isCloseTo(1f, within(1e-3f));
        }
    }

    @Test
    void fourierRMatchesADirectFullPlaneDftOfThePaddedImages() {
        try (NDManager m = NDManager.newBaseManager()) {
            for (int[] c : new int[][] {{8, 2}, {5, 3}}) { // even and odd padded sizes
                int n = c[0];
                int factor = c[1];
                Random rnd = new Random(n);
                float[] target = new float[n * n];
                float[] output = new float[n * n];
                for (int i = 0; i < n * n; i++) {
                    target[i] = rnd.nextFloat();
                    output[i] = rnd.nextFloat();
                }
                double expected = directFourierR(output, target, n, n * factor);
                float actual = PLAIN.withFourierOversampling(factor)
                        .compute(m.create(output, new Shape(1, n, n)), m.create(target, new Shape(1, n, n)))
                        .fourier().getFloat();
                assertThat((double) actual).as("n %d × %d", n, factor).isCloseTo(expected, within(1e-5 * expected));
            }
        }
    }

    /** Σ_k | |F x| − |F y| | / Σ_k |F y| over the full size×size DFT of the zero-padded n×n images, in double. */
    private static double directFourierR(float[] x, float[] y, int n, int size) {
        double num = 0;
        double den = 0;
        for (int ky = 0; ky < size; ky++) {
            for (int kx = 0; kx < size; kx++) {
                double[] fx = new double[2];
                double[] fy = new double[2];
                for (int r = 0; r < n; r++) {
                    for (int q = 0; q < n; q++) {
                        double phase = -2 * Math.PI * ((double) ky * r / size + (double) kx * q / size);
                        fx[0] += x[r * n + q] * Math.cos(phase);
                        fx[1] += x[r * n + q] * Math.sin(phase);
                        fy[0] += y[r * n + q] * Math.cos(phase);
                        fy[1] += y[r * n + q] * Math.sin(phase);
                    }
                }
                double ay = Math.hypot(fy[0], fy[1]);
                num += Math.abs(Math.hypot(fx[0], fx[1]) - ay);
                den += ay;
            }
        }
        return num / den;
    }

    @Test
    void alignmentMakesAShiftedTwinCostNothing() {
        try (NDManager m = NDManager.newBaseManager()) {
            int n = 16;
            float[] target = object(new Random(3), n, 1, 4, 5, 6);
            float[] output = new float[n * n];
            int sy = 2;
            int sx = -3;
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    int fy = y - sy;
                    int fx = x - sx;
                    if (fy >= 0 && fy < n && fx >= 0 && fx < n) {
                        output[y * n + x] = target[(n - 1 - fy) * n + (n - 1 - fx)]; // shift(rotate180(target))
                    }
                }
            }
            NDArray yArr = m.create(target, new Shape(1, 1, n, n));
            NDArray xArr = m.create(output, new Shape(1, 1, n, n));
            LossTerms aligned = DprLoss.withDefaults().compute(xArr, yArr);
            assertThat(aligned.alignments()).containsExactly(new Alignment(true, sy, sx));
            assertThat(aligned.total().getFloat()).isCloseTo(0f, within(1e-6f));
            assertThat(PLAIN.compute(xArr, yArr).l1().getFloat()).isGreaterThan(0.05f);
            LossTerms translationOnly = DprLoss.withDefaults().withAlignment(AlignmentMode.TRANSLATION).compute(xArr, yArr);
            assertThat(translationOnly.alignments().get(0).twin()).isFalse();
            assertThat(translationOnly.l1().getFloat()).isGreaterThan(0.01f);
        }
    }

    @Test
    void aBoundedAlignmentForgivesSmallShiftsButChargesAnObjectMovedTowardsACorner() {
        try (NDManager m = NDManager.newBaseManager()) {
            int n = 16;
            float[] target = object(new Random(5), n, 1, 4, 5, 6);
            NDArray yArr = m.create(target, new Shape(1, 1, n, n));
            for (int shift : new int[] {1, 4}) {
                float[] output = new float[n * n];
                for (int y = shift; y < n; y++) {
                    for (int x = shift; x < n; x++) {
                        output[y * n + x] = target[(y - shift) * n + (x - shift)]; // moved down and right
                    }
                }
                NDArray xArr = m.create(output, new Shape(1, 1, n, n));
                assertThat(DprLoss.withDefaults().compute(xArr, yArr).total().getFloat()).isCloseTo(0f, within(1e-6f));
                LossTerms bounded = DprLoss.withDefaults().withMaxShiftPx(1).compute(xArr, yArr);
                if (shift == 1) {
                    assertThat(bounded.alignments()).containsExactly(new Alignment(false, -1, -1));
                    assertThat(bounded.total().getFloat()).isCloseTo(0f, within(1e-6f));
                } else {
                    Alignment a = bounded.alignments().get(0);
                    assertThat(Math.max(Math.abs(a.dy()), Math.abs(a.dx()))).isLessThanOrEqualTo(1);
                    assertThat(bounded.l1().getFloat()).isGreaterThan(0.01f);
                }
            }
            assertThat(DprLoss.withDefaults().withMaxShiftPx(1).toString()).contains("within ±1 px");
            assertThatThrownBy(() -> DprLoss.withDefaults().withMaxShiftPx(-1)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aPixelTheAlignmentPushesPastTheBoxEdgeIsStillCharged() {
        try (NDManager m = NDManager.newBaseManager()) {
            int n = 16;
            float[] target = object(new Random(4), n, 1, 5, 5, 6);
            float[] output = new float[n * n];
            for (int y = 0; y < n - 2; y++) {
                for (int x = 0; x < n - 2; x++) {
                    output[(y + 2) * n + x + 2] = target[y * n + x]; // the target moved down 2, right 2
                }
            }
            int corner = n - 1; // top-right corner: the shift back by (−2, −2) pushes it out on the left
            output[corner] = 0.7f;
            NDArray x = m.create(output, new Shape(1, n, n));
            x.setRequiresGradient(true);
            DprLoss l1Only = DprLoss.withDefaults().withGradientWeight(0).withFourierWeight(0);
            try (GradientCollector c = m.getEngine().newGradientCollector()) {
                LossTerms t = l1Only.compute(x, m.create(target, new Shape(1, n, n)));
                assertThat(t.alignments()).containsExactly(new Alignment(false, -2, -2));
                // it comes back at the other edge, where the target is 0: L1 = 0.7/n² (a zero fill would drop it: 0)
                assertThat(t.l1().getFloat()).isCloseTo(0.7f / (n * n), within(1e-7f));
                c.backward(t.total());
            }
            assertThat(x.getGradient().toFloatArray()[corner]).isEqualTo(1f / (n * n));
        }
    }

    @Test
    void gradientFlowsBackThroughTheAlignmentToTheOutputPixelThatDiffers() {
        try (NDManager m = NDManager.newBaseManager()) {
            int n = 16;
            float[] target = object(new Random(4), n, 1, 5, 5, 6);
            float[] output = new float[n * n];
            for (int y = 0; y < n - 1; y++) {
                for (int x = 1; x < n; x++) {
                    output[y * n + x] = target[(y + 1) * n + (x - 1)]; // the target moved up 1, right 1
                }
            }
            int p = 6 * n + 9; // a pixel of the moved object, made a little brighter
            output[p] += 0.2f;
            NDArray x = m.create(output, new Shape(1, n, n));
            x.setRequiresGradient(true);
            DprLoss l1Only = DprLoss.withDefaults().withGradientWeight(0).withFourierWeight(0);
            try (GradientCollector c = m.getEngine().newGradientCollector()) {
                LossTerms t = l1Only.compute(x, m.create(target, new Shape(1, n, n)));
                assertThat(t.alignments()).containsExactly(new Alignment(false, 1, -1));
                assertThat(t.l1().getFloat()).isCloseTo(0.2f / (n * n), within(1e-7f));
                c.backward(t.total());
            }
            float[] g = x.getGradient().toFloatArray();
            // only the brighter pixel differs after alignment: ∂L1/∂x = 1/n² there, 0 elsewhere
            for (int i = 0; i < g.length; i++) {
                assertThat(g[i]).as("pixel %d", i).isEqualTo(i == p ? 1f / (n * n) : 0f);
            }
        }
    }

    @Test
    void theFullLossHasFiniteGradientsThatMatchFiniteDifferences() {
        try (NDManager m = NDManager.newBaseManager()) {
            int n = 8;
            Random rnd = new Random(5);
            float[] target = object(rnd, n, 2, 2, 3, 4);
            float[] output = target.clone();
            for (int i = 0; i < output.length; i++) {
                output[i] = Math.max(0f, output[i] + 0.2f * (float) rnd.nextGaussian());
            }
            NDArray y = m.create(target, new Shape(2, 1, n, n));
            NDArray x = m.create(output, new Shape(2, 1, n, n));
            x.setRequiresGradient(true);
            DprLoss loss = DprLoss.withDefaults().withAlignment(AlignmentMode.NONE);
            try (GradientCollector c = m.getEngine().newGradientCollector()) {
                c.backward(loss.compute(x, y).total());
            }
            float[] g = x.getGradient().toFloatArray();
            for (float v : g) {
                assertThat(Float.isFinite(v)).isTrue();
            }
            // R_F^GT alone also reaches the output
            NDArray x2 = x.duplicate();
            x2.setRequiresGradient(true);
            try (GradientCollector c = m.getEngine().newGradientCollector()) {
                c.backward(loss.withL1Weight(0).withGradientWeight(0).compute(x2, y).fourier());
            }
            float[] gf = x2.getGradient().toFloatArray();
            double gfNorm = 0;
            for (float v : gf) {
                assertThat(Float.isFinite(v)).isTrue();
                gfNorm += v * v;
            }
            assertThat(gfNorm).isGreaterThan(0);
            // central differences on a few pixels of the whole loss
            for (int i : new int[] {2 * n + 3, 5 * n + 4, n * n + 3 * n + 5}) {
                float h = 1e-2f;
                float[] up = output.clone();
                float[] down = output.clone();
                up[i] += h;
                down[i] -= h;
                double fUp = loss.compute(m.create(up, new Shape(2, 1, n, n)), y).total().getFloat();
                double fDown = loss.compute(m.create(down, new Shape(2, 1, n, n)), y).total().getFloat();
                double numeric = (fUp - fDown) / (2 * h);
                assertThat(g[i]).as("pixel %d", i).isCloseTo((float) numeric, within((float) (0.05 * Math.abs(numeric) + 1e-3)));
            }
        }
    }

    @Test
    void sampleWeightsWeighEachSamplesTermsInTheBatchMean() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray y = m.zeros(new Shape(2, 1, 4, 4));
            NDArray x = ai.djl.ndarray.NDArrays.concat(new NDList(m.full(new Shape(1, 1, 4, 4), 0.5f), m.full(new Shape(1, 1, 4, 4), 2f)));
            NDArray weights = m.create(new float[] {1f, 3f});
            assertThat(PLAIN.compute(x, y).l1().getFloat()).isCloseTo((0.5f + 2f) / 2, within(1e-6f));
            assertThat(PLAIN.compute(x, y, weights).l1().getFloat()).isCloseTo((0.5f + 3 * 2f) / 2, within(1e-6f));
        }
    }

    @Test
    void perceptualTermUsesThePluggedInFeaturesAndIsOffWithANoticeWithoutThem() {
        try (NDManager m = NDManager.newBaseManager()) {
            // Φ = (the image itself, 3 × its sum): hand-computable
            FeatureExtractor fake = images -> new NDList(images, images.sum(new int[] {1, 2, 3}, true).mul(3f));
            NDArray y = m.ones(new Shape(1, 1, 8, 8));
            NDArray x = y.add(0.5f);
            assertThat(PLAIN.notice()).hasValueSatisfying(s -> assertThat(s).contains("perceptual loss off"));
            assertThat(PLAIN.perceptualActive()).isFalse();
            LossTerms off = PLAIN.compute(x, y);
            assertThat(off.perceptual().getFloat()).isEqualTo(0f);

            DprLoss on = PLAIN.withFeatureExtractor(fake);
            assertThat(on.notice()).isEmpty();
            LossTerms t = on.compute(x, y);
            float expected = (64 * 0.5f + 3 * 32f) / (64 + 1);
            assertThat(t.perceptual().getFloat()).isCloseTo(expected, within(1e-5f));
            assertThat(t.total().getFloat()).isCloseTo(off.total().getFloat() + 0.1f * expected, within(1e-5f));

            NDArray xg = x.duplicate();
            xg.setRequiresGradient(true);
            try (GradientCollector c = m.getEngine().newGradientCollector()) {
                c.backward(on.withL1Weight(0).withGradientWeight(0).withFourierWeight(0).compute(xg, y).total());
            }
            // ∂/∂x of 0.1·(Σ|x−y| + |3Σx − 3Σy|)/65 = 0.1·(1 + 3)/65 for every pixel
            for (float v : xg.getGradient().toFloatArray()) {
                assertThat(v).isCloseTo(0.4f / 65, within(1e-6f));
            }
        }
    }

    @Test
    void aTorchScriptFeatureNetworkRunsInEvaluationModeAndPassesTheGradientThrough(@TempDir Path dir) throws Exception {
        Path file = TinyTorchScript.write(dir.resolve("features.pt"));
        try (NDManager m = NDManager.newBaseManager();
                TorchScriptFeatureExtractor phi = TorchScriptFeatureExtractor.load(file, ai.djl.Device.cpu())) {
            NDArray y = m.ones(new Shape(1, 1, 8, 8));
            NDArray x = y.add(0.5f);
            x.setRequiresGradient(true);
            NDList maps = phi.features(y);
            assertThat(maps).hasSize(2);
            assertThat(maps.get(0).getShape()).isEqualTo(new Shape(1, 3, 8, 8)); // grey repeated on 3 channels
            assertThat(maps.get(0).toFloatArray()).containsOnly(2f); // 2·x: evaluation mode (3·x in training)
            DprLoss loss = PLAIN.withFeatureExtractor(phi).withL1Weight(0).withGradientWeight(0).withFourierWeight(0);
            try (GradientCollector c = m.getEngine().newGradientCollector()) {
                LossTerms t = loss.compute(x, y);
                // (192·|3 − 2| + 192·|2.25 − 1|) / 384
                assertThat(t.perceptual().getFloat()).isCloseTo(1.125f, within(1e-6f));
                c.backward(t.total());
            }
            // 0.1 · 3 channels · (2 + 2x) / 384 at x = 1.5
            for (float v : x.getGradient().toFloatArray()) {
                assertThat(v).isCloseTo(0.1f * 3 * 5 / 384, within(1e-7f));
            }
        }
    }

    @Test
    void aMissingOrBrokenTorchScriptFileGivesAClearMessage(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> TorchScriptFeatureExtractor.load(dir.resolve("vgg19.pt"), ai.djl.Device.cpu()))
                .isInstanceOf(DprException.class).hasMessageContaining("not found");
        Path junk = Files.writeString(dir.resolve("junk.pt"), "not a model");
        assertThatThrownBy(() -> TorchScriptFeatureExtractor.load(junk, ai.djl.Device.cpu()))
                .isInstanceOf(DprException.class).hasMessageContaining("cannot load perceptual feature network")
                .hasMessageNotContaining("\n");
    }

    @Test
    void badShapesAndCoefficientsAreRejected() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> PLAIN.compute(m.zeros(new Shape(1, 1, 8, 8)), m.zeros(new Shape(1, 1, 8, 4))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> PLAIN.compute(m.zeros(new Shape(1, 2, 8, 8)), m.zeros(new Shape(1, 2, 8, 8))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> DprLoss.withDefaults().withGradientWeight(-1)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** B images n×n, zero except random values in (0.2, 1.2) on rows [y0, y0+h) and columns [x0, x0+w). */
    static float[] object(Random rnd, int n, int batch, int y0, int x0, int size) {
        float[] out = new float[batch * n * n];
        for (int b = 0; b < batch; b++) {
            for (int y = y0; y < y0 + size; y++) {
                for (int x = x0; x < x0 + size - 1; x++) {
                    out[b * n * n + y * n + x] = 0.2f + rnd.nextFloat();
                }
            }
        }
        return out;
    }
}
