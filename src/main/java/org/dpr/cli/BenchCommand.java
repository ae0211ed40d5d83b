package org.dpr.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code dpr bench}: timings that print figures and ratios (never asserted in tests). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure speed: simulation, iterative engines, the network, training.",
        subcommands = {BenchSimulateCommand.class, BenchIterativeCommand.class, BenchModelCommand.class, BenchTrainCommand.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
