package org.dpr.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class InspectCommandTest {

    private static CommandLine cli(StringWriter out, StringWriter err) {
        CommandLine cli = new CommandLine(new InspectCommand());
        cli.setExecutionExceptionHandler(DprCommand.commandLine().getExecutionExceptionHandler());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli;
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(InspectCommandTest.class.getResource("/org/dpr/io/" + name).toURI());
    }

    @Test
    void reportsFormatFrameCountSizeMaskAndMetadataOfACxiFile() throws URISyntaxException {
        StringWriter out = new StringWriter();
        int code = cli(out, new StringWriter()).execute(fixture("stack-linked.cxi").toString(), "--frames", "1:3");
        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("format: cxi")
                .contains("count:  2 frames of 6×5 pixels")
                .contains("ground truth 3×3")
                .contains("flux_factor=2,").contains("distance=0.5");
        // frame 1 of the fixture: 10 of 30 pixels carry a CXI bit ((1 + r + c) % 3 == 0)
        assertThat(out.toString()).contains("frame 1: 20 of 30 pixels measured");
    }

    @Test
    void missingFileExitsWithCodeTwoAndOneLine(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        int code = cli(new StringWriter(), err).execute(dir.resolve("none.cxi").toString());
        assertThat(code).isEqualTo(DprCommand.EXIT_BAD_INPUT);
        assertThat(err.toString().strip()).startsWith("dpr: no such file").doesNotContain("\n");
    }
}
