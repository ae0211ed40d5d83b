package org.dpr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.Optional;
import java.util.regex.Pattern;
import org.dpr.evaluate.Csv;
import org.dpr.evaluate.HeadlessChromium;
import org.dpr.io.DiffractionFrame;
import org.dpr.io.FrameSource;
import org.dpr.io.FrameSources;
import org.dpr.metrics.FrameEvaluator;
import org.dpr.metrics.Metric;
import org.dpr.metrics.MetricRow;
import org.dpr.nn.DprConfig;
import org.dpr.nn.DprModel;
import org.dpr.nn.DprPreset;
import org.dpr.report.HtmlPage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code dpr evaluate} end to end on a tiny simulated set (N 64, 3 frames, 2 starts × 20
 * iterations, an untrained DPR model): the wiring and the report folder, not the methods' quality.
 */
class EvaluateCommandTest {

    @TempDir
    static Path dir;

    static Path data;
    static Path model;
    static Path report;
    static String evaluateOut;

    private record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cli = DprCommand.commandLine();
        if (!cli.getSubcommands().containsKey("evaluate")) {
            cli.addSubcommand("evaluate", new EvaluateCommand());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void evaluateATinySet() {
        data = dir.resolve("test.cxi");
        assertThat(run("simulate", "-N", "64", "--frames", "3", "--seed", "11", "-o", data.toString()).exitCode()).isZero();
        model = dir.resolve("untrained.json");
        try (DprModel m = DprModel.create(DprConfig.of(DprPreset.SMALL).withWindowPx(64).withNgf(16).withMaxChannels(128))) {
            m.save(model, Map.of("note", "untrained, for a test"));
        }
        report = dir.resolve("report");
        Run run = run("evaluate", "--test", data.toString(), "--algorithms", "dpr,dpr+r,hio,gps", "--model", model.toString(),
                "--starts", "2", "--iterations", "20", "--show", "0,2", "--out", report.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        evaluateOut = run.out();
    }

    @Test
    void everyImageAndLinkOfTheReportExists() {
        Path index = report.resolve("index.html");
        assertThat(index).isRegularFile();
        assertThat(HtmlPage.checkLinks(index)).isEmpty();
        for (String figure : List.of("box-R_F", "box-PSNR", "box-SSIM_global", "box-PCC", "time")) {
            assertThat(report.resolve("figures/" + figure + ".png")).isNotEmptyFile();
            assertThat(report.resolve("figures/" + figure + ".svg")).isNotEmptyFile();
        }
        for (String method : List.of("dpr", "dpr-plus-r", "hio", "gps")) {
            assertThat(report.resolve("images/frame-00000-" + method + ".png")).isNotEmptyFile();
            assertThat(report.resolve("images/frame-00002-" + method + ".png")).isNotEmptyFile();
            assertThat(report.resolve("images/frame-00001-" + method + ".png")).doesNotExist();
        }
    }

    @Test
    void reportRendersInHeadlessChromiumWithEveryImageLoaded() throws IOException {
        Optional<Path> chromium = HeadlessChromium.find();
        Assumptions.assumeTrue(chromium.isPresent(),
                "headless Chromium not installed (run .ci/install-chromium.sh); the link check above still ran");
        Path index = report.resolve("index.html");
        List<HeadlessChromium.Loaded> loaded = HeadlessChromium.images(chromium.get(), index);
        long imgTags = Pattern.compile("<img ").matcher(Files.readString(index)).results().count();
        assertThat(loaded.stream().filter(l -> l.kind().equals("img"))).hasSize((int) imgTags);
        assertThat(loaded.stream().filter(l -> l.kind().equals("link"))).extracting(HeadlessChromium.Loaded::src)
                .contains("figures/time.svg", "figures/box-PSNR.svg");
        assertThat(loaded).allSatisfy(l -> assertThat(l.naturalWidthPx()).as(l.src()).isPositive());
        assertThat(index.resolveSibling(".browser-check-index.html")).doesNotExist();
    }

    @Test
    void pageRecordsTheSsimFormsTheSettingsAndTheCommandLine() throws IOException {
        String html = Files.readString(report.resolve("index.html"));
        assertThat(html).contains("SSIM (global, eq. 6)").contains("SSIM (windowed, Wang 2004)")
                .contains("--starts (iterative methods)").contains("--iterations (iterative methods)").contains("--frames")
                .contains("dpr evaluate --test " + data).contains("untrained.json");
    }

    @Test
    void summaryCsvHasOneRowPerMethodWithMeanErrorMedianAndTestColumns() {
        Csv summary = Csv.read(report.resolve("summary.csv"));
        assertThat(summary.rows()).extracting(r -> r.get("method")).containsExactly("dpr", "dpr+r", "hio", "gps");
        for (Metric metric : Metric.values()) {
            for (String suffix : List.of("_n", "_mean", "_se", "_median", "_p", "_mark")) {
                assertThat(summary.header()).contains(metric.column() + suffix);
            }
        }
        for (Map<String, String> row : summary.rows()) {
            assertThat(row.get("frames")).isEqualTo("3");
            assertThat(row.get("reference")).isEqualTo("dpr");
            assertThat(row.get("PSNR_mark").isEmpty()).isEqualTo("dpr".equals(row.get("method")));
        }
    }

    @Test
    void perFrameValuesEqualAnIndependentEvaluationOfTheSameReconstruction() {
        // the same HIO run through 'dpr reconstruct', then FrameEvaluator on its images
        Path hio = dir.resolve("hio.h5");
        Run run = run("reconstruct", data.toString(), "--algorithm", "hio", "--starts", "2", "--iterations", "20", "-o", hio.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<Map<String, String>> rows = Csv.read(report.resolve("metrics-per-frame.csv")).rows().stream()
                .filter(r -> r.get("method").equals("hio")).toList();
        assertThat(rows).hasSize(3);
        try (FrameSource frames = FrameSources.open(data); FrameSource images = FrameSources.open(hio)) {
            for (int k = 0; k < 3; k++) {
                DiffractionFrame frame = frames.read(k);
                MetricRow expected = FrameEvaluator.withDefaults().evaluate(k, "hio", images.read(k).intensity(), frame, 0);
                Map<String, String> row = rows.get(k);
                assertThat(row.get("index")).isEqualTo(Integer.toString(k));
                for (Metric metric : List.of(Metric.R_F, Metric.PSNR_DB, Metric.SSIM_GLOBAL, Metric.SSIM_WINDOWED, Metric.PCC)) {
                    assertThat(Double.valueOf(Csv.number(row, metric.column()))).as(metric + " of frame " + k)
                            .isEqualTo(Double.valueOf(expected.value(metric))); // boxed: NaN equals NaN
                }
            }
        }
    }

    @Test
    void standardOutputShowsTheSummaryTableAndTheReportPath() {
        assertThat(evaluateOut).contains("| method |").contains("| dpr+r |").contains("| gps |")
                .contains("report: " + report.resolve("index.html").toAbsolutePath());
    }

    @Test
    void badOptionsExitTwoWithOneLineAndWriteNothing() throws IOException {
        Path out = dir.resolve("bad");
        List<List<String>> cases = List.of(
                List.of("--algorithms", "hio,fienup"),
                List.of("--algorithms", "hio,hio"),
                List.of("--algorithms", "hio", "--model", model.toString()),
                List.of("--algorithms", "hio", "--show", "7"),
                List.of("--algorithms", "hio", "--show", "first"),
                List.of("--algorithms", "hio", "--frames", "5:9"),
                List.of("--algorithms", "hio", "--reference", "gps"),
                List.of("--algorithms", "hio", "--starts", "0"),
                List.of("--algorithms", "dpr", "--model", dir.resolve("missing.json").toString()));
        for (List<String> extra : cases) {
            String[] args = Stream.concat(Stream.of("evaluate", "--test", data.toString(), "--out", out.toString(),
                    "--iterations", "5", "--starts", "1"), extra.stream()).toArray(String[]::new);
            Run run = run(args);
            assertThat(run.exitCode()).as(String.join(" ", extra) + ": " + run.err()).isEqualTo(DprCommand.EXIT_BAD_INPUT);
            assertThat(run.err().strip().lines()).as(String.join(" ", extra)).hasSize(1);
            assertThat(out).as(String.join(" ", extra)).doesNotExist();
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith(".bad"));
        }
    }

    @Test
    void aModelForAnotherWindowIsRefusedBeforeAnyMethodRuns() {
        Path other = dir.resolve("m128.json");
        try (DprModel m = DprModel.create(DprConfig.of(DprPreset.SMALL).withWindowPx(128).withNgf(16).withMaxChannels(128))) {
            m.save(other, Map.of());
        }
        Path out = dir.resolve("wrong-model");
        Run run = run("evaluate", "--test", data.toString(), "--algorithms", "hio,dpr", "--model", other.toString(),
                "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(DprCommand.EXIT_BAD_INPUT);
        assertThat(run.err()).contains("128").contains("64").doesNotContain("hio");
        assertThat(out).doesNotExist();
    }

    @Test
    void aFolderThatIsNotAReportIsNeitherReplacedNorTouched() throws IOException {
        Path out = Files.createDirectories(dir.resolve("precious"));
        Files.writeString(out.resolve("notes.txt"), "keep me");
        Run run = run("evaluate", "--test", data.toString(), "--algorithms", "hio", "--starts", "1", "--iterations", "5",
                "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(DprCommand.EXIT_BAD_INPUT);
        assertThat(run.err()).contains("does not hold a dpr report");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).containsExactly(out.resolve("notes.txt"));
        }
    }

    @Test
    void reusedMethodsTakeTheEarlierReportsRowsAndAreTestedAgainstTheRunOnes() {
        Path first = dir.resolve("frames-0-1");
        Path second = dir.resolve("frame-2");
        assertThat(run("evaluate", "--test", data.toString(), "--frames", "0:2", "--algorithms", "hio", "--starts", "2",
                "--iterations", "20", "--show", "none", "--out", first.toString()).exitCode()).isZero();
        assertThat(run("evaluate", "--test", data.toString(), "--frames", "2:3", "--algorithms", "hio", "--starts", "2",
                "--iterations", "20", "--show", "none", "--out", second.toString()).exitCode()).isZero();
        Path merged = dir.resolve("merged");
        Run run = run("evaluate", "--test", data.toString(), "--algorithms", "er,hio", "--starts", "1", "--iterations", "5",
                "--reuse", first + "," + second, "--reference", "er", "--out", merged.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        List<Map<String, String>> earlier = new java.util.ArrayList<>(Csv.read(first.resolve("metrics-per-frame.csv")).rows());
        earlier.addAll(Csv.read(second.resolve("metrics-per-frame.csv")).rows());
        List<Map<String, String>> hio = Csv.read(merged.resolve("metrics-per-frame.csv")).rows().stream()
                .filter(r -> r.get("method").equals("hio")).toList();
        assertThat(hio).containsExactlyElementsOf(earlier);
        assertThat(hio).extracting(r -> r.get("frame_digest")).doesNotContain("").doesNotHaveDuplicates();
        Csv summary = Csv.read(merged.resolve("summary.csv"));
        assertThat(summary.rows()).extracting(r -> r.get("method")).containsExactly("er", "hio");
        assertThat(Csv.number(summary.rows().get(1), "PSNR_p")).isBetween(0.0, 1.0);
        assertThat(Csv.read(merged.resolve("summary-long.csv")).rows().stream()
                .filter(r -> r.get("method").equals("hio") && r.get("metric").equals("PSNR")).findFirst().orElseThrow()
                .get("n")).isEqualTo("3");
        assertThat(merged.resolve("summary.md")).content().contains("reused from").contains(first.toString())
                .contains("2 starts × 20 iterations").doesNotContain("not verified");
    }

    @Test
    void reusingAReportOfOtherFramesOrAnotherFileIsRefused() {
        Path part = dir.resolve("frame-0-only");
        assertThat(run("evaluate", "--test", data.toString(), "--frames", "0:1", "--algorithms", "hio", "--starts", "1",
                "--iterations", "5", "--show", "none", "--out", part.toString()).exitCode()).isZero();
        Path out = dir.resolve("not-written");
        Run missingFrames = run("evaluate", "--test", data.toString(), "--algorithms", "er,hio", "--starts", "1",
                "--iterations", "5", "--reuse", part.toString(), "--out", out.toString());
        assertThat(missingFrames.exitCode()).isEqualTo(DprCommand.EXIT_BAD_INPUT);
        assertThat(missingFrames.err()).contains("no row for frame 1");
        assertThat(out).doesNotExist();

        Path otherData = dir.resolve("other.cxi");
        assertThat(run("simulate", "-N", "64", "--frames", "1", "--seed", "12", "-o", otherData.toString()).exitCode()).isZero();
        Run otherFile = run("evaluate", "--test", otherData.toString(), "--algorithms", "er,hio", "--starts", "1",
                "--iterations", "5", "--reuse", part.toString(), "--out", out.toString());
        assertThat(otherFile.exitCode()).isEqualTo(DprCommand.EXIT_BAD_INPUT);
        assertThat(otherFile.err()).contains("frame 0 is not the frame");
        assertThat(out).doesNotExist();
    }

    @Test
    void aReusedReportWithoutFrameDigestsIsTakenButMarkedUnverified() throws IOException {
        Path old = dir.resolve("without-digests");
        assertThat(run("evaluate", "--test", data.toString(), "--algorithms", "hio", "--starts", "1", "--iterations", "5",
                "--show", "none", "--out", old.toString()).exitCode()).isZero();
        Path csv = old.resolve("metrics-per-frame.csv");
        org.dpr.report.Table table = org.dpr.report.Table.readCsv(csv);
        int digest = table.column("frame_digest");
        org.dpr.report.Table stripped = new org.dpr.report.Table(table.header().subList(0, digest),
                table.rows().stream().map(r -> r.subList(0, digest)).toList());
        Files.writeString(csv, stripped.toCsv());
        Path merged = dir.resolve("merged-unverified");
        Run run = run("evaluate", "--test", data.toString(), "--algorithms", "er,hio", "--starts", "1", "--iterations", "5",
                "--reuse", old.toString(), "--show", "none", "--out", merged.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(merged.resolve("summary.md")).content().contains("not verified");
    }
}
