package org.dpr.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.dpr.DprException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code dpr} command: a thin shell over the Java API. Each subcommand parses its options and
 * calls the library; a {@link DprException} or bad usage ends with a one-line message and exit 2.
 */
@Command(name = "dpr",
        mixinStandardHelpOptions = true,
        version = "dpr 0.1.0",
        description = "Deep phase retrieval of single-shot coherent diffraction patterns.",
        subcommands = {
                CommandLine.HelpCommand.class,
                DemoCommand.class,
                SimulateCommand.class,
                InspectCommand.class,
                PreprocessCommand.class,
                TrainCommand.class,
                ReconstructCommand.class,
                EvaluateCommand.class,
                AblationCommand.class,
                ModelCommand.class,
                BenchCommand.class,
        })
public final class DprCommand implements Runnable {

    /** Exit code for bad input or usage. */
    public static final int EXIT_BAD_INPUT = 2;

    @Option(names = "--verbose", description = "Log progress details (DEBUG level).", scope = CommandLine.ScopeType.INHERIT)
    void setVerbose(boolean verbose) {
        if (verbose) {
            ((Logger) LoggerFactory.getLogger("org.dpr")).setLevel(Level.DEBUG);
        }
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    /** The configured command line, shared by {@link #main} and tests. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new DprCommand());
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Throwable cause = ex;
            while (cause instanceof RuntimeException && !(cause instanceof DprException)
                    && !(cause instanceof IllegalArgumentException) && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof DprException || cause instanceof IllegalArgumentException) {
                commandLine.getErr().println("dpr: " + cause.getMessage());
                return EXIT_BAD_INPUT;
            }
            throw ex;
        });
        cli.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("dpr: " + ex.getMessage()
                    + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return EXIT_BAD_INPUT;
        });
        return cli;
    }

    public static void main(String[] args) {
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("java.awt.headless", "true");
        System.exit(commandLine().execute(args));
    }
}
