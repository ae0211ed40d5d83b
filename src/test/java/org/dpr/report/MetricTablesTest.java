package org.dpr.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.dpr.metrics.MetricRow;
import org.junit.jupiter.api.Test;

class MetricTablesTest {

    /** Six frames of two methods; DPR is better on every frame, so 6 vs 6 separated: p = 2/924. */
    private static List<MetricRow> rows() {
        List<MetricRow> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rows.add(new MetricRow(i, "DPR", 0.20 + 0.01 * i, 30 + i, 0.9, 0.8, 0.95, 0.01));
            rows.add(new MetricRow(i, "HIO", 0.10 + 0.01 * i, 20 + i, 0.5, 0.4, 0.7, 55));
        }
        return rows;
    }

    @Test
    void perFrameTableReadsBackToTheSameRowsThroughCsvIncludingNaN() {
        List<MetricRow> written = new ArrayList<>(rows());
        written.add(new MetricRow(7, "dpr (PC, \"small\")", 0.3, Double.NaN, Double.POSITIVE_INFINITY, 0.1, -0.2, Double.NaN));
        List<MetricRow> read = MetricTables.rowsOf(Table.fromCsv(MetricTables.perFrame(written).toCsv()));
        assertThat(read).isEqualTo(written);
    }

    @Test
    void perFrameTableHasOneRowPerFrameAndMethodAndNamesTheSsimForms() {
        Table t = MetricTables.perFrame(rows());
        assertThat(t.header()).containsExactly("index", "method", "R_F", "PSNR", "SSIM_global", "SSIM_windowed", "PCC",
                "seconds");
        assertThat(t.rows()).hasSize(12);
        assertThat(t.rows().get(1)).containsExactly("0", "HIO", "0.1", "20.0", "0.5", "0.4", "0.7", "55.0");
    }

    @Test
    void wideSummaryShowsMeanPlusMinusStandardErrorAndMarksAgainstTheReference() {
        Table t = MetricTables.summaryWide(rows(), "DPR", 2);
        assertThat(t.header()).contains("SSIM (global, eq. 6)", "SSIM (windowed, Wang 2004)");
        List<String> hio = t.rows().get(1);
        assertThat(hio.get(0)).isEqualTo("HIO");
        assertThat(hio.get(1)).isEqualTo("6");
        // PSNR 20..25: mean 22.5, sample SD √3.5, SE √3.5/√6 = 0.76; p = 2/924 = 0.0022 → "**"
        assertThat(hio.get(3)).isEqualTo("22.50 ± 0.76 **");
        // the reference row carries no mark; constant SSIM has SE 0
        assertThat(t.rows().get(0).get(4)).isEqualTo("0.90 ± 0.00");
        // times: all six tied within each method, so the normal approximation with tie correction:
        // Σ(t³ − t) = 2·210, Var = (36/12)(13 − 420/132) = 29.45, z = (36 − 18 − ½)/√Var = 3.22 → p = 0.0013
        assertThat(hio.get(7)).isEqualTo("55.0 ± 0.0 s **");
    }

    @Test
    void longSummaryGivesPValuesForTheOtherMethodsOnly() {
        Table t = MetricTables.summaryLong(rows(), "DPR");
        List<String> hioPsnr = t.rows().stream().filter(r -> r.get(0).equals("HIO") && r.get(1).equals("PSNR"))
                .findFirst().orElseThrow();
        assertThat(Double.parseDouble(hioPsnr.get(6))).isEqualTo(2.0 / 924);
        assertThat(hioPsnr.get(7)).isEqualTo("**");
        List<String> dprPsnr = t.rows().stream().filter(r -> r.get(0).equals("DPR") && r.get(1).equals("PSNR"))
                .findFirst().orElseThrow();
        assertThat(dprPsnr.get(6)).isEmpty();
        assertThat(Double.parseDouble(dprPsnr.get(3))).isEqualTo(32.5);
    }

    @Test
    void anUnknownReferenceMethodIsAnErrorNotASilentlyUnmarkedTable() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MetricTables.summaryWide(rows(), "DRP", 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'DRP' has no rows");
        assertThat(MetricTables.summaryWide(rows(), null, 2).rows().get(1).get(3)).isEqualTo("22.50 ± 0.76");
    }
}
