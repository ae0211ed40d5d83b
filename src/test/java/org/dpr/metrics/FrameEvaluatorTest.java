package org.dpr.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dpr.io.DiffractionFrame;
import org.dpr.io.FrameMetadata;
import org.junit.jupiter.api.Test;

class FrameEvaluatorTest {

    private static final int N = 128;
    private static final int BOX = 16;

    private static float[] object(long seed) {
        Random rnd = new Random(seed);
        float[] x = new float[BOX * BOX];
        for (int y = 4; y < 12; y++) {
            for (int c = 4; c < 12; c++) {
                x[y * BOX + c] = 0.2f + rnd.nextFloat();
            }
        }
        return x;
    }

    private static DiffractionFrame noiseFreeFrame(float[] truth) {
        float[] a = FourierAmplitudes.ofObject(truth, BOX, N);
        float[] intensity = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            intensity[i] = a[i] * a[i];
        }
        byte[] mask = new byte[intensity.length];
        Arrays.fill(mask, (byte) 1);
        return new DiffractionFrame(N, N, intensity, mask, truth, FrameMetadata.empty());
    }

    private static float[] twinShifted(float[] x, int dy, int dx) {
        float[] out = new float[x.length];
        for (int y = 0; y < BOX; y++) {
            for (int c = 0; c < BOX; c++) {
                int sy = y - dy;
                int sc = c - dx;
                if (sy >= 0 && sy < BOX && sc >= 0 && sc < BOX) {
                    out[(BOX - 1 - y) * BOX + (BOX - 1 - c)] = x[sy * BOX + sc];
                }
            }
        }
        return out;
    }

    @Test
    void aTwinnedShiftedExactReconstructionScoresPerfectly() {
        float[] truth = object(1);
        DiffractionFrame frame = noiseFreeFrame(truth);
        MetricRow row = FrameEvaluator.withDefaults().evaluate(3, "HIO", twinShifted(truth, 2, -3), frame, 0.25);
        // translation and twin leave |FT| unchanged: R_F = 0; aligned image equals the truth
        assertThat(row.index()).isEqualTo(3);
        assertThat(row.method()).isEqualTo("HIO");
        assertThat(row.rF()).isCloseTo(0.0, within(1e-5));
        assertThat(row.psnrDb()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(row.ssimGlobal()).isCloseTo(1.0, within(1e-12));
        assertThat(row.ssimWindowed()).isCloseTo(1.0, within(1e-12));
        assertThat(row.pcc()).isCloseTo(1.0, within(1e-12));
        assertThat(row.seconds()).isEqualTo(0.25);
    }

    @Test
    void aDifferentObjectScoresWorseOnEveryMetric() {
        float[] truth = object(1);
        DiffractionFrame frame = noiseFreeFrame(truth);
        MetricRow row = FrameEvaluator.withDefaults().evaluate(0, "DPR", object(2), frame, 0.01);
        assertThat(row.rF()).isGreaterThan(0.05);
        assertThat(row.psnrDb()).isLessThan(20);
        assertThat(row.ssimGlobal()).isLessThan(0.95);
        assertThat(row.pcc()).isLessThan(0.9);
    }

    @Test
    void withoutGroundTruthOnlyRFactorIsComputed() {
        float[] truth = object(1);
        DiffractionFrame frame = noiseFreeFrame(truth);
        DiffractionFrame measured = new DiffractionFrame(N, N, frame.intensity(), frame.mask(), null, null);
        MetricRow row = FrameEvaluator.withDefaults().evaluate(0, "GPS", truth, measured, Double.NaN);
        assertThat(row.rF()).isCloseTo(0.0, within(1e-5));
        assertThat(row.psnrDb()).isNaN();
        assertThat(row.ssimGlobal()).isNaN();
        assertThat(row.pcc()).isNaN();
    }

    @Test
    void rowsAreGroupedSummarisedAndComparedByMethod() {
        List<MetricRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rows.add(new MetricRow(i, "A", 0.1 + 0.01 * i, 30, 0.9, 0.9, 0.9, 1));
            rows.add(new MetricRow(i, "B", 0.5 + 0.01 * i, 20, 0.5, 0.5, 0.5, 2));
        }
        Map<String, double[]> rF = MetricRows.valuesByMethod(rows, Metric.R_F);
        assertThat(rF.keySet()).containsExactly("A", "B");
        assertThat(MetricRows.summaries(rows, Metric.PSNR_DB).get("B").mean()).isEqualTo(20.0);
        // 6 vs 6 completely separated → exact two-sided p = 2/C(12,6) = 2/924
        MannWhitneyResult vsA = MetricRows.compareWith(rows, Metric.R_F, "A", MannWhitney.withDefaults()).get("B");
        assertThat(vsA.pValue()).isCloseTo(2.0 / 924, within(1e-12));
    }
}
