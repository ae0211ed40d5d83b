package org.dpr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchTrainCommandTest {
    private static int threads;

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

    @Test
    void printsOneRowPerPresetWithItsWindowBatchAndSpeed() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new BenchTrainCommand());
        cli.setOut(new PrintWriter(out));
        int code = cli.execute("--presets", "small", "--window", "32", "--ngf", "16", "--small-batch", "2",
                "--iterations", "1");
        assertThat(code).isZero();
        String[] lines = out.toString().strip().split("\\R");
        assertThat(lines[0]).contains("frames/s");
        String[] row = lines[1].trim().split("\\s+");
        assertThat(row[0]).isEqualTo("small");
        assertThat(row[1]).isEqualTo("32");
        assertThat(row[2]).isEqualTo("2");
        double secondsPerStep = Double.parseDouble(row[5]);
        assertThat(Double.parseDouble(row[7])).isCloseTo(2 / secondsPerStep,
                org.assertj.core.data.Percentage.withPercentage(5));
    }
}
