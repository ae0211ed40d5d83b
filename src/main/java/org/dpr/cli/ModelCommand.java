package org.dpr.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dpr.nn.DprConfig;
import org.dpr.nn.DprModel;
import org.dpr.nn.DprPreset;
import org.dpr.nn.ModelSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dpr model}: inspect network presets and model files. */
@Command(name = "model", mixinStandardHelpOptions = true, description = "Inspect DPR network presets and model files.",
        subcommands = {ModelCommand.Info.class})
public final class ModelCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code dpr model info [--preset P | FILE]}. */
    @Command(name = "info", mixinStandardHelpOptions = true,
            description = {"Parameter count per part (encoder, base decoder, +D), geometry and provenance",
                    "of a preset (paper, small) or a model file; with neither, the shipped model."})
    static final class Info implements Callable<Integer> {
        @Option(names = "--preset", paramLabel = "NAME", description = "paper (N 512, ngf 64) or small (N 128, ngf 32).")
        String preset;

        @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL.json", description = "A model descriptor.")
        Path file;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (preset != null && file != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "give --preset or a model file, not both");
            }
            if (preset != null) {
                ModelSummary.of(DprConfig.of(DprPreset.fromId(preset))).lines().forEach(out::println);
                return 0;
            }
            Path descriptor = file != null ? file : Models.defaultModel();
            try (DprModel model = DprModel.load(descriptor)) {
                out.println("file         " + descriptor);
                model.summary().lines().forEach(out::println);
                for (Map.Entry<String, String> e : model.provenance().entrySet()) {
                    out.printf("%-12s %s%n", e.getKey(), e.getValue());
                }
            }
            return 0;
        }
    }
}
