package org.dpr.cli;

import ai.djl.ndarray.NDManager;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dpr.retrieve.IterativeBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dpr bench iterative}: time per start·iteration of HIO and GPS-R beside the FFT floor. */
@Command(name = "iterative", mixinStandardHelpOptions = true,
        description = {"Time per start·iteration of HIO and GPS-R at N 128 and 512 for batches of 1, 10 and 100 starts,",
                "beside the time of the FFTs one iteration needs (the floor), with the ratio.",
                "Reference code on the 2-core machine at N 512: HIO 7.6 ms, GPS-R 13 ms; one 512² FFT 1.4 ms."})
public final class BenchIterativeCommand implements Callable<Integer> {
    @Option(names = "--iterations", defaultValue = "10", description = "Timed iterations per row (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--windows", split = ",", defaultValue = "128,512", description = "Windows N (default: ${DEFAULT-VALUE}).")
    int[] windows;

    @Option(names = "--batches", split = ",", defaultValue = "1,10,100", description = "Starts per batch (default: ${DEFAULT-VALUE}).")
    int[] batches;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%-8s %6s %6s %16s %16s %7s%n", "method", "N", "batch", "ms/start·iter", "FFT floor ms", "ratio");
        try (NDManager manager = NDManager.newBaseManager()) {
            IterativeBenchmark.withDefaults().withWindows(windows).withBatchSizes(batches).withIterations(iterations)
                    .run(manager, row -> {
                        out.printf(Locale.ROOT, "%-8s %6d %6d %16.3f %16.3f %7.2f%n", row.algorithm(), row.windowPx(),
                                row.batch(), row.msPerStartIteration(), row.fftFloorMsPerStart(), row.ratio());
                        out.flush();
                    });
        }
        return 0;
    }
}
