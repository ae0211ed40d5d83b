package org.dpr.cli;

import org.dpr.io.FrameRange;
import org.dpr.io.MaskConvention;
import org.dpr.io.NanPolicy;
import org.dpr.io.ReadOptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class InputOptionsTest {

    @Command(name = "probe")
    static final class Probe implements Runnable {
        @Mixin
        InputOptions input;
        ReadOptions options;

        @Override
        public void run() {
            options = input.toReadOptions();
        }
    }

    @Test
    void everyFlagEndsUpInTheReadOptions() {
        Probe probe = new Probe();
        int code = new CommandLine(probe).execute("--data", "entry_1/image_1/data", "--mask", "/m",
                "--mask-convention", "VALID", "--mask-file", "det.h5", "--mask-file-dataset", "/data/data",
                "--mask-file-convention", "cxi", "--frames", "10:20", "--nan", "mask");
        assertThat(code).isZero();
        ReadOptions o = probe.options;
        assertThat(o.dataPath()).hasValue("/entry_1/image_1/data");
        assertThat(o.maskPath()).hasValue("/m");
        assertThat(o.maskConvention()).hasValue(MaskConvention.VALID);
        assertThat(o.maskFile()).hasValue(Path.of("det.h5"));
        assertThat(o.maskFileDataPath()).hasValue("/data/data");
        assertThat(o.maskFileConvention()).hasValue(MaskConvention.CXI);
        assertThat(o.frames()).isEqualTo(new FrameRange(10, 20));
        assertThat(o.nanPolicy()).isEqualTo(NanPolicy.MASK);
    }

    @Test
    void noFlagsGiveTheDefaults() {
        Probe probe = new Probe();
        new CommandLine(probe).execute();
        assertThat(probe.options.dataPath()).isEmpty();
        assertThat(probe.options.maskConvention()).isEmpty();
        assertThat(probe.options.frames()).isEqualTo(FrameRange.ALL);
        assertThat(probe.options.nanPolicy()).isEqualTo(NanPolicy.REJECT);
    }

    @Test
    void badValuesExitWithCodeTwoAndAOneLineReason() {
        for (String[] args : new String[][]{{"--frames", "5:2"}, {"--mask-convention", "bad"}, {"--nan", "ignore"}}) {
            StringWriter err = new StringWriter();
            CommandLine cli = new CommandLine(new Probe());
            cli.setErr(new PrintWriter(err));
            assertThat(cli.execute(args)).as(String.join(" ", args)).isEqualTo(DprCommand.EXIT_BAD_INPUT);
            assertThat(err.toString().lines().findFirst().orElse("")).contains(args[0]);
        }
    }
}
