package org.dpr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.dpr.nn.DprModel;
import org.dpr.simulate.SimulationConfig;
import org.dpr.simulate.SimulationWriter;
import org.dpr.simulate.Simulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrainCommandTest {
    private static final String[] TINY = {"--window", "32", "--ngf", "16", "--frames-per-epoch", "4", "--train-frames",
        "8", "--val-frames", "2", "--batch", "2", "--log-every", "1"};
    private static int threads;

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();
    private final StringWriter out = new StringWriter();

    @BeforeAll
    static void oneThread() {
        threads = org.dpr.train.EngineThreads.setIntraOp(1);
    }

    @AfterAll
    static void restoreThreads() {
        if (threads > 0) {
            org.dpr.train.EngineThreads.setIntraOp(threads);
        }
    }

    private int run(String... args) {
        CommandLine cli = DprCommand.commandLine();
        if (!cli.getSubcommands().containsKey("train")) {
            cli.addSubcommand(new TrainCommand());
        }
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 1];
        all[0] = "train";
        System.arraycopy(args, 0, all, 1, args.length);
        return cli.execute(all);
    }

    private String[] tiny(String... more) {
        String[] all = new String[TINY.length + more.length];
        System.arraycopy(TINY, 0, all, 0, TINY.length);
        System.arraycopy(more, 0, all, TINY.length, more.length);
        return all;
    }

    @Test
    void aRunWritesItsFilesAndResumesWithItsOwnSettingsForMoreEpochs() {
        Path runDir = dir.resolve("run");
        assertThat(run(tiny("--epochs", "1", "--seed", "3", "--mix-masks", "centre-square:0.5", "--align-shift", "1", "--out",
                runDir.toString()))).isZero();
        assertThat(runDir.resolve("model.json")).exists();
        assertThat(runDir.resolve("best.json")).exists();
        assertThat(runDir.resolve("training-log.csv")).exists();
        assertThat(runDir.resolve("loss-curve.png")).exists();
        Path checkpoint = runDir.resolve("checkpoint.dpr");
        assertThat(out.toString()).contains("finished after 1 epochs, 4 frames").contains("--resume " + checkpoint);

        assertThat(run("--resume", checkpoint.toString(), "--epochs", "2")).isZero();
        try (DprModel model = DprModel.load(runDir.resolve("model.json"))) {
            Map<String, String> p = model.provenance();
            assertThat(p.get("command_line")).isEqualTo("dpr train " + String.join(" ", tiny("--epochs", "1", "--seed",
                    "3", "--mix-masks", "centre-square:0.5", "--align-shift", "1", "--out", runDir.toString())));
            assertThat(p.get("training")).contains("alignment TRANSLATION_AND_TWIN within ±1 px");
            assertThat(p).containsEntry("frames_seen", "8").containsEntry("epochs_completed", "2")
                    .containsEntry("seed", "3");
            assertThat(p.get("resumed_with")).contains("--resume").contains("--epochs 2");
            assertThat(p.get("data_recipe")).contains("seed=3").contains("a fraction 0.5 of the frames with masks=centre-square");
            assertThat(model.config().geometry().windowPx()).isEqualTo(32);
        }
    }

    @Test
    void aRunOnAFileWithGroundTruthTrains() {
        Path file = dir.resolve("train.cxi");
        SimulationWriter.write(Simulator.of(SimulationConfig.withDefaults().withWindowPx(32).withSeed(4)), file, 0, 6, 1,
                Map.of(), n -> { });
        assertThat(run("--window", "32", "--ngf", "16", "--data", file.toString(), "--val-frames", "2", "--batch", "2",
                "--epochs", "1", "--out", dir.resolve("run").toString())).isZero();
        assertThat(out.toString()).contains("finished after 1 epochs, 4 frames");
    }

    @Test
    void aMissingPerceptualNetworkExitsTwoBeforeTraining() {
        Path runDir = dir.resolve("perceptual");
        assertThat(run(tiny("--epochs", "1", "--perceptual", dir.resolve("vgg19.pt").toString(), "--out",
                runDir.toString()))).isEqualTo(DprCommand.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("vgg19.pt");
        assertThat(runDir.resolve("model.json")).doesNotExist();
    }

    @Test
    void badOptionsAndCheckpointsExitTwoWithOneLine() throws Exception {
        Path runDir = dir.resolve("bad");
        assertThat(run(tiny("--window", "100", "--out", runDir.toString()))).isEqualTo(DprCommand.EXIT_BAD_INPUT);
        assertThat(run(tiny("--optimizer", "sgd", "--out", runDir.toString()))).isEqualTo(DprCommand.EXIT_BAD_INPUT);
        assertThat(run(tiny("--encoder", "cnn", "--out", runDir.toString()))).isEqualTo(DprCommand.EXIT_BAD_INPUT);
        assertThat(run(tiny("--batch", "0", "--out", runDir.toString()))).isEqualTo(DprCommand.EXIT_BAD_INPUT);
        assertThat(run(tiny("--mix-masks", "centre-square:2", "--out", runDir.toString())))
                .isEqualTo(DprCommand.EXIT_BAD_INPUT);
        assertThat(run(tiny("--masks", "moon", "--out", runDir.toString()))).isEqualTo(DprCommand.EXIT_BAD_INPUT);
        assertThat(run(tiny("--align-shift", "-1", "--out", runDir.toString()))).isEqualTo(DprCommand.EXIT_BAD_INPUT);
        assertThat(run(tiny())).isEqualTo(DprCommand.EXIT_BAD_INPUT);
        assertThat(run(tiny("--data", dir.resolve("missing.cxi").toString(), "--out", runDir.toString())))
                .isEqualTo(DprCommand.EXIT_BAD_INPUT);
        Path corrupt = dir.resolve("corrupt.dpr");
        Files.writeString(corrupt, "DPR-CKPT and then nothing useful at all");
        assertThat(run("--resume", corrupt.toString())).isEqualTo(DprCommand.EXIT_BAD_INPUT);
        String[] lines = err.toString().strip().split("\\R");
        assertThat(lines).hasSize(10).allSatisfy(line -> assertThat(line).startsWith("dpr: "));
        assertThat(lines[9]).contains(corrupt.toString());
        assertThat(Files.exists(runDir.resolve("checkpoint.dpr"))).isFalse();
    }

    @Test
    void resumingRefusesToChangeTheRunsSettings() {
        Path runDir = dir.resolve("run");
        assertThat(run(tiny("--epochs", "1", "--out", runDir.toString()))).isZero();
        assertThat(run("--resume", runDir.resolve("checkpoint.dpr").toString(), "--batch", "4"))
                .isEqualTo(DprCommand.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("--batch cannot change when resuming (the run was started with 2)");
    }
}
