package org.dpr.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dpr.DprException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code dpr demo}: the project's main job on embedded defaults. Simulates a small test set at
 * N = 128 and writes its pictures; later stages add the reconstruction comparison.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole system on built-in defaults: simulate a small N = 128 test set and show it.")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "demo-report",
            description = "Folder for the demo's files (default: ${DEFAULT-VALUE}).")
    Path outDir;

    @Option(names = "--frames", defaultValue = "8", description = "Frames to simulate (default: ${DEFAULT-VALUE}).")
    int frames;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try {
            Files.createDirectories(outDir);
        } catch (java.io.IOException e) {
            throw new DprException("cannot create " + outDir + ": " + e.getMessage(), e);
        }
        Path data = outDir.resolve("test-irregular.cxi");
        CommandLine sim = new CommandLine(new SimulateCommand());
        sim.setOut(spec.commandLine().getOut());
        sim.setErr(spec.commandLine().getErr());
        int code = sim.execute("--window", "128", "--frames", Integer.toString(frames), "--seed", "20261124",
                "--out", data.toString(), "--png", outDir.resolve("pictures").toString());
        if (code != 0) {
            return code;
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "demo files in %s%n", outDir.toAbsolutePath());
        return 0;
    }
}
