package org.dpr.evaluate.ablation;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.dpr.cli.AblationCommand;
import org.dpr.cli.DprCommand;
import org.dpr.report.HtmlPage;
import org.dpr.train.EngineThreads;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AblationCommandTest {
    private static int threads;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void oneThread() {
        threads = EngineThreads.setIntraOp(1);
    }

    @AfterAll
    static void restoreThreads() {
        if (threads > 0) {
            EngineThreads.setIntraOp(threads);
        }
    }

    private int run(String... args) {
        CommandLine cli = DprCommand.commandLine();
        if (!cli.getSubcommands().containsKey("ablation")) {
            cli.addSubcommand(new AblationCommand());
        }
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 1];
        all[0] = "ablation";
        System.arraycopy(args, 0, all, 1, args.length);
        return cli.execute(all);
    }

    @Test
    void aTinyAblationWritesCurvesTableAndReportsForEachVariantAndTheSizeStudy() throws Exception {
        Path report = dir.resolve("ablation");
        int code = run("--window", "32", "--ngf", "16", "--variants", "pc,wpc+d", "--budget", "32", "--epochs", "2",
                "--batch", "4", "--val-frames", "4", "--test-frames", "4", "--sizes", "8,16", "--out",
                report.toString());
        assertThat(code).as(err.toString()).isZero();

        Path index = report.resolve("index.html");
        assertThat(index).exists();
        assertThat(HtmlPage.checkLinks(index)).isEmpty();
        String html = Files.readString(index);
        assertThat(html).contains("reports/ablation/index.html").contains("reports/sizes/index.html")
                .contains("validation-loss.png");

        List<String> csv = Files.readAllLines(report.resolve("ablation-summary.csv"));
        assertThat(csv).hasSize(1 + 2);
        assertThat(csv.get(1)).startsWith("PC");
        assertThat(csv.get(2)).startsWith("WPC+D");
        List<String> numeric = Files.readAllLines(report.resolve("reports/ablation/summary.csv"));
        assertThat(numeric).hasSize(1 + 2);
        assertThat(numeric.get(0)).contains("p");
        assertThat(Files.readAllLines(report.resolve("size-summary.csv"))).hasSize(1 + 2);

        BufferedImage curves = ImageIO.read(report.resolve("validation-loss.png").toFile());
        assertThat(curves).isNotNull();
        assertThat(curves.getWidth()).isPositive();
        assertThat(ImageIO.read(report.resolve("size-psnr.png").toFile())).isNotNull();

        for (String run : List.of("pc", "wpc+d", "wpc+d-n8", "wpc+d-n16")) {
            assertThat(report.resolve("runs").resolve(run).resolve("model.json")).exists();
            ValidationCurve curve = ValidationCurve.read(run, report.resolve("runs").resolve(run));
            assertThat(curve.framesSeen()).containsExactly(16, 32);
            assertThat(java.util.Arrays.stream(curve.validationLoss()).allMatch(v -> Double.isFinite(v) && v > 0)).isTrue();
        }
        assertThat(out.toString()).contains("WPC+D").contains("report: ");
    }

    @Test
    void anUnknownVariantIsRefusedAsBadInput() {
        assertThat(run("--variants", "wpc+x", "--out", dir.resolve("x").toString())).isEqualTo(DprCommand.EXIT_BAD_INPUT);
        assertThat(dir.resolve("x")).doesNotExist();
        assertThat(err.toString()).contains("unknown variant 'wpc+x'");
    }
}
