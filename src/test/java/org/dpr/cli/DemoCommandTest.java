package org.dpr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dpr.evaluate.Csv;
import org.dpr.evaluate.HeadlessChromium;
import org.dpr.io.FrameSource;
import org.dpr.io.FrameSources;
import org.dpr.nn.DprConfig;
import org.dpr.nn.DprModel;
import org.dpr.nn.DprPreset;
import org.dpr.report.HtmlPage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code dpr demo} shrunk to two frames per set and a few iterations: the whole flow, not the numbers. */
class DemoCommandTest {

    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cli = DprCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void demoReportHoldsBothMaskSetsWithEveryMethodAndOpensInABrowser() throws IOException {
        Path model = dir.resolve("m128.json");
        try (DprModel m = DprModel.create(DprConfig.of(DprPreset.SMALL).withNgf(16).withMaxChannels(128))) {
            m.save(model, Map.of("note", "untrained, for a test"));
        }
        Path out = dir.resolve("demo-report");
        Run run = run("demo", "--out", out.toString(), "--frames", "2", "--starts", "2", "--iterations", "10",
                "--model", model.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        Path index = out.resolve("index.html");
        assertThat(HtmlPage.checkLinks(index)).isEmpty();
        String html = Files.readString(index);
        assertThat(html).contains("irregular-beamstop/index.html").contains("centre-square/index.html")
                .contains("2 random starts × 10 iterations instead of the paper");
        for (String set : List.of("irregular-beamstop", "centre-square")) {
            assertThat(HtmlPage.checkLinks(out.resolve(set).resolve("index.html"))).as(set).isEmpty();
            assertThat(Csv.read(out.resolve(set).resolve("summary.csv")).rows()).as(set)
                    .extracting(r -> r.get("method")).containsExactly("dpr", "dpr+r", "hio", "gps");
            try (FrameSource data = FrameSources.open(out.resolve("data").resolve(set + ".cxi"))) {
                assertThat(data.frameCount()).isEqualTo(2);
                assertThat(data.height()).isEqualTo(128);
            }
        }
        assertThat(run.out()).contains("irregular-beamstop (2 frames, N 128)").contains("centre-square (2 frames, N 128)")
                .contains("| dpr+r | 2 |").contains("demo report: " + index.toAbsolutePath());

        Optional<Path> chromium = HeadlessChromium.find();
        Assumptions.assumeTrue(chromium.isPresent(),
                "headless Chromium not installed (run .ci/install-chromium.sh); the link checks above still ran");
        List<HeadlessChromium.Loaded> loaded = HeadlessChromium.images(chromium.get(), index);
        assertThat(loaded).isNotEmpty().allSatisfy(l -> assertThat(l.naturalWidthPx()).as(l.src()).isPositive());
    }

    @Test
    void withoutAShippedModelTheDemoSaysSoAndRunsTheIterativeMethods() {
        Path out = dir.resolve("demo-report");
        String previous = System.getProperty("dpr.home");
        System.setProperty("dpr.home", dir.toString()); // an installation without models/
        Run run;
        try {
            run = run("demo", "--out", out.toString(), "--frames", "2", "--starts", "1", "--iterations", "5");
        } finally {
            if (previous == null) {
                System.clearProperty("dpr.home");
            } else {
                System.setProperty("dpr.home", previous);
            }
        }
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("no shipped model found in " + dir.resolve("models").resolve("dpr-small"))
                .contains("iterative methods (HIO, GPS) only");
        assertThat(Csv.read(out.resolve("centre-square").resolve("summary.csv")).rows())
                .extracting(r -> r.get("method")).containsExactly("hio", "gps");
        assertThat(HtmlPage.checkLinks(out.resolve("index.html"))).isEmpty();
    }

    @Test
    void badOptionsExitTwoAndWriteNothing() {
        Path out = dir.resolve("demo-report");
        assertThat(run("demo", "--out", out.toString(), "--frames", "1").exitCode()).isEqualTo(DprCommand.EXIT_BAD_INPUT);
        assertThat(run("demo", "--out", out.toString(), "--model", dir.resolve("none.json").toString()).exitCode())
                .isEqualTo(DprCommand.EXIT_BAD_INPUT);
        assertThat(out).doesNotExist();
    }
}
