package org.dpr.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dpr.DprException;
import org.dpr.Geometry;
import org.dpr.io.DiffractionFrame;
import org.dpr.metrics.MetricRow;
import org.dpr.report.HtmlPage;
import org.dpr.simulate.SimulationConfig;
import org.dpr.simulate.Simulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report folder of a hand-made result (known values, no reconstruction): tables against hand
 * computations, figures and links, replacement and failure behaviour.
 */
class EvaluationReportTest {

    @TempDir
    Path dir;

    /** PSNR of dpr 20, 21, 22 and of hio 10, 11, 12 dB; windowed SSIM undefined (NaN) everywhere. */
    static EvaluationResult handMade() {
        DiffractionFrame frame = Simulator.of(SimulationConfig.withDefaults().withGeometry(Geometry.ofWindow(64)).withSeed(2))
                .frame(1);
        List<MetricRow> rows = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            rows.add(new MetricRow(k, "dpr", 0.1 + 0.01 * k, 20 + k, 0.9, Double.NaN, 0.95, 0.01));
        }
        for (int k = 0; k < 3; k++) {
            rows.add(new MetricRow(k, "hio", 0.2 + 0.01 * k, 10 + k, 0.5 + 0.1 * k, Double.NaN, 0.6, 1 + k));
        }
        float[] truth = frame.groundTruth();
        float[] half = truth.clone();
        for (int i = 0; i < half.length; i++) {
            half[i] *= 0.5f;
        }
        Map<String, float[]> objects = new LinkedHashMap<>();
        objects.put("dpr", truth);
        objects.put("hio", half);
        Map<String, MetricRow> metrics = new LinkedHashMap<>();
        metrics.put("dpr", rows.get(1));
        metrics.put("hio", rows.get(4));
        return new EvaluationResult("hand-made", "memory", 3,
                List.of(new MethodInfo("dpr", "dpr", "{}", "DPR"), new MethodInfo("hio", "hio", "{}", "HIO**10")), "dpr",
                rows, List.of(new ShownFrame(1, frame, objects, metrics)), Map.of("--starts (iterative methods)", "7"));
    }

    @Test
    void summaryCsvHoldsHandComputedStatisticsAndTheExactMannWhitneyP() {
        EvaluationReport.withDefaults().write(handMade(), dir.resolve("r"));
        Csv csv = Csv.read(dir.resolve("r/summary.csv"));
        assertThat(csv.rows()).extracting(r -> r.get("method")).containsExactly("dpr", "hio");
        Map<String, String> hio = csv.rows().get(1);
        assertThat(Csv.number(hio, "PSNR_mean")).isEqualTo(11.0);
        assertThat(Csv.number(hio, "PSNR_median")).isEqualTo(11.0);
        assertThat(Csv.number(hio, "PSNR_se")).isCloseTo(1 / Math.sqrt(3), within(1e-12)); // sd 1, n 3
        assertThat(Csv.number(hio, "seconds_mean")).isCloseTo(2.0, within(1e-12));
        // complete separation of 3 against 3: two-sided exact p = 2 / C(6, 3) = 0.1 → not significant
        assertThat(Csv.number(hio, "PSNR_p")).isCloseTo(0.1, within(1e-12));
        assertThat(hio.get("PSNR_mark")).isEqualTo("ns");
        assertThat(hio.get("SSIM_windowed_n")).isEqualTo("0");
        assertThat(hio.get("SSIM_windowed_mean")).isEmpty();
        assertThat(hio.get("SSIM_windowed_p")).isEmpty();
        Map<String, String> dpr = csv.rows().get(0);
        assertThat(dpr.get("PSNR_p")).isEmpty();
        assertThat(dpr.get("reference")).isEqualTo("dpr");
        assertThat(Csv.read(dir.resolve("r/metrics-per-frame.csv")).rows()).hasSize(6);
    }

    @Test
    void everyImageAndLinkOfThePageExistsAndUndefinedMetricsAreNamedNotPlotted() throws IOException {
        Path index = EvaluationReport.withDefaults().write(handMade(), dir.resolve("r"));
        assertThat(HtmlPage.checkLinks(index)).isEmpty();
        String html = Files.readString(index);
        assertThat(html).contains("Not plotted (no finite value): SSIM (windowed, Wang 2004)")
                .contains("--starts (iterative methods)").contains("figures/box-PSNR.png").contains("figures/time.svg")
                .contains("images/frame-00001-truth.png").contains("images/frame-00001-hio.png");
        assertThat(dir.resolve("r/figures/box-SSIM_windowed.png")).doesNotExist();
        String markdown = Files.readString(dir.resolve("r/summary.md"));
        assertThat(markdown).contains("| hio | 3 |").contains("11.0000 ± 0.5774 ns").contains("SSIM (global, eq. 6)");
    }

    @Test
    void framesWithoutGroundTruthGiveAReportOfRFactorAndTimeOnly() throws IOException {
        EvaluationResult truthful = handMade();
        DiffractionFrame measured = truthful.shown().get(0).frame();
        DiffractionFrame blind = new DiffractionFrame(measured.height(), measured.width(), measured.intensity(),
                measured.mask(), null, measured.metadata());
        List<MetricRow> rows = truthful.rows().stream()
                .map(r -> new MetricRow(r.index(), r.method(), r.rF(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, r.seconds()))
                .toList();
        ShownFrame shown = new ShownFrame(1, blind, truthful.shown().get(0).objects(),
                Map.of("dpr", rows.get(1), "hio", rows.get(4)));
        EvaluationResult result = new EvaluationResult("no truth", "memory", 3, truthful.methods(), "dpr", rows,
                List.of(shown), Map.of());
        Path index = EvaluationReport.withDefaults().write(result, dir.resolve("r"));
        assertThat(HtmlPage.checkLinks(index)).isEmpty();
        assertThat(Files.readString(index)).contains("no ground truth").contains("hio: R_F 0.210")
                .contains("figures/box-R_F.png").doesNotContain("box-PSNR.png");
        assertThat(dir.resolve("r/images/frame-00001-truth.png")).doesNotExist();
        assertThat(dir.resolve("r/images/frame-00001-hio.png")).isNotEmptyFile();
    }

    @Test
    void imagesOfAFrameShareOneGreyScale() throws IOException {
        EvaluationReport.withDefaults().write(handMade(), dir.resolve("r"));
        var truth = javax.imageio.ImageIO.read(dir.resolve("r/images/frame-00001-truth.png").toFile());
        var half = javax.imageio.ImageIO.read(dir.resolve("r/images/frame-00001-hio.png").toFile());
        int brightest = 0;
        int halfOfBrightest = 0;
        for (int y = 0; y < truth.getHeight(); y++) {
            for (int x = 0; x < truth.getWidth(); x++) {
                int g = truth.getRaster().getSample(x, y, 0);
                if (g > brightest) {
                    brightest = g;
                    halfOfBrightest = half.getRaster().getSample(x, y, 0);
                }
            }
        }
        assertThat(brightest).isEqualTo(255);
        assertThat(halfOfBrightest).isBetween(126, 129); // half the amplitude, drawn on the same scale
    }

    @Test
    void writingAgainReplacesThePreviousReportWhole() throws IOException {
        Path folder = dir.resolve("r");
        EvaluationReport.withDefaults().write(handMade(), folder);
        Files.writeString(folder.resolve("stale.txt"), "from an older run");
        EvaluationReport.withDefaults().write(handMade(), folder);
        assertThat(folder.resolve("stale.txt")).doesNotExist();
        assertThat(folder.resolve("index.html")).isRegularFile();
        assertThat(siblings()).containsExactly("r");
    }

    @Test
    void aFailedWriteLeavesNeitherTheFolderNorTemporaryFiles() throws IOException {
        assertThatThrownBy(() -> ReportFolder.write(dir.resolve("r"), temporary -> {
            try {
                Files.writeString(temporary.resolve("half.csv"), "a,b");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            throw new DprException("simulated failure");
        })).hasMessage("simulated failure");
        assertThat(siblings()).isEmpty();
    }

    @Test
    void aFolderThatIsNotAReportIsRefusedAndAFileToo() throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/frames.cxi"), "x");
        Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> EvaluationReport.withDefaults().write(handMade(), dir.resolve("data")))
                .isInstanceOf(DprException.class).hasMessageContaining("does not hold a dpr report");
        assertThatThrownBy(() -> ReportFolder.checkWritable(dir.resolve("file")))
                .isInstanceOf(DprException.class).hasMessageContaining("is a file");
        assertThat(dir.resolve("data/frames.cxi")).hasContent("x");
        Files.createDirectories(dir.resolve("empty"));
        ReportFolder.checkWritable(dir.resolve("empty"));
    }

    @Test
    void fileNamesOfMethodLabelsAreSafeAndDistinct() {
        Map<String, String> stems = EvaluationReport.fileStems(List.of("dpr+r", "a b", "a_b", "truth", "../x"));
        assertThat(stems).containsEntry("dpr+r", "dpr-plus-r").containsEntry("a b", "a_b").containsEntry("a_b", "a_b-2")
                .containsEntry("truth", "truth-2").containsEntry("../x", "x");
    }

    private List<String> siblings() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
