package org.dpr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.dpr.io.FrameSource;
import org.dpr.io.FrameSources;
import org.dpr.nn.DprConfig;
import org.dpr.nn.DprModel;
import org.dpr.nn.DprPreset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code dpr reconstruct --algorithm dpr|dpr+r} with a small untrained model (the wiring, not the quality). */
class ReconstructWithDprTest {

    @TempDir
    Path dir;

    private String stderr;

    private int run(String... args) {
        CommandLine cli = DprCommand.commandLine();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        stderr = err.toString();
        return code;
    }

    private Path model(int windowPx) {
        Path descriptor = dir.resolve("m" + windowPx + ".json");
        DprConfig config = DprConfig.of(DprPreset.SMALL).withWindowPx(windowPx).withNgf(16).withMaxChannels(128);
        try (DprModel model = DprModel.create(config)) {
            model.save(descriptor, Map.of("note", "untrained, for a test"));
        }
        return descriptor;
    }

    @Test
    void dprAndRefinedDprWriteImagesOfTheModelsObjectBox() {
        Path in = dir.resolve("sim.cxi");
        assertThat(run("simulate", "-N", "64", "--frames", "2", "-o", in.toString())).isZero();
        Path descriptor = model(64);
        for (String algorithm : new String[] {"dpr", "dpr+r"}) {
            Path out = dir.resolve(algorithm.replace('+', 'r') + ".h5");
            assertThat(run("reconstruct", in.toString(), "--algorithm", algorithm, "--model", descriptor.toString(),
                    "-o", out.toString())).as(stderr).isZero();
            try (FrameSource result = FrameSources.open(out)) {
                assertThat(result.frameCount()).isEqualTo(2);
                assertThat(result.height()).isEqualTo(8);
                for (float v : result.read(1).intensity()) {
                    assertThat(Float.isFinite(v) && v >= 0f).isTrue();
                }
            }
        }
    }

    @Test
    void aModelOfAnotherWindowIsRefusedWithAClearMessage() {
        Path in = dir.resolve("sim.cxi");
        assertThat(run("simulate", "-N", "64", "--frames", "1", "-o", in.toString())).isZero();
        Path out = dir.resolve("out.h5");
        assertThat(run("reconstruct", in.toString(), "--algorithm", "dpr", "--model", model(128).toString(),
                "-o", out.toString())).isEqualTo(DprCommand.EXIT_BAD_INPUT);
        assertThat(stderr).contains("128").contains("64");
        assertThat(stderr.strip().lines()).hasSize(1);
        assertThat(out).doesNotExist();
    }
}
