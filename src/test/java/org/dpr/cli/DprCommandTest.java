package org.dpr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DprCommandTest {

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
    void helpListsEverySubcommandAndExitsZero() {
        Run run = run("--help");
        assertThat(run.exitCode()).isZero();
        for (String name : DprCommand.commandLine().getSubcommands().keySet()) {
            assertThat(run.out()).contains(name);
        }
    }

    @Test
    void everySubcommandHasHelp() {
        for (String name : DprCommand.commandLine().getSubcommands().keySet()) {
            Run run = run(name, "--help");
            assertThat(run.exitCode()).as(name + " --help").isZero();
            assertThat(run.out()).as(name + " --help").contains("Usage:");
        }
    }

    @Test
    void unknownOptionExitsTwoWithAOneLineReason() {
        Run run = run("--no-such-option");
        assertThat(run.exitCode()).isEqualTo(DprCommand.EXIT_BAD_INPUT);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("--no-such-option");
    }
}
