package org.dpr.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dpr.Geometry;
import org.dpr.simulate.SimulationBenchmark;
import org.dpr.simulate.SimulationConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dpr bench simulate}: frames per second of the simulator at N = 128 and 512. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Frames per second of the diffraction simulator (paper defaults) at N = 128 and N = 512.")
public final class BenchSimulateCommand implements Callable<Integer> {

    @Option(names = "--frames", defaultValue = "200", description = "Frames per measurement (default: ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--threads", defaultValue = "0", description = "Worker threads (default: all cores).")
    int threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        int workers = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%-8s %8s %8s %10s %12s %14s%n", "window", "frames", "threads", "seconds", "frames/s", "ms/frame·core");
        for (int window : new int[] {128, 512}) {
            SimulationConfig config = SimulationConfig.withDefaults().withGeometry(Geometry.ofWindow(window));
            SimulationBenchmark.Result r = SimulationBenchmark.measure(config, window == 512 ? Math.max(1, frames / 4) : frames, workers);
            out.printf(Locale.ROOT, "%-8d %8d %8d %10.2f %12.1f %14.2f%n", r.windowPx(), r.frames(), r.threads(),
                    r.seconds(), r.framesPerSecond(), 1000.0 * r.threads() / r.framesPerSecond());
            out.flush();
        }
        return 0;
    }
}
