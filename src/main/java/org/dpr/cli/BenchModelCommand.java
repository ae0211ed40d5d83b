package org.dpr.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.dpr.nn.BenchmarkRecord;
import org.dpr.nn.ModelBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dpr bench model}: forward time per frame of the DPR network at both presets, batch 1 and 8. */
@Command(name = "model", mixinStandardHelpOptions = true,
        description = {"Forward time per frame of the DPR network (inference mode) at the presets small and paper,",
                "batch 1 and 8. Reference PyTorch code on the 2-core machine: paper 3.3 s (batch 1), 1.8 s/frame",
                "(batch 8); small 15 ms/frame (batch 8)."})
public final class BenchModelCommand implements Callable<Integer> {
    @Option(names = "--runs", defaultValue = "5", description = "Timed runs per row; the median is reported (default: ${DEFAULT-VALUE}).")
    int runs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (BenchmarkRecord r : ModelBenchmark.withDefaults().withTimedRuns(runs).measureStandard()) {
            out.println(r.toRow());
            out.flush();
        }
        return 0;
    }
}
