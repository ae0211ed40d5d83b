package org.dpr.cli;

import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;

/** Provenance strings stored in every output file: the command line and the program version. */
final class Provenance {
    private Provenance() {
    }

    /** The command as the user typed it (after the launcher), e.g. {@code dpr simulate --frames 10 -o a.cxi}. */
    static String commandLine(CommandSpec spec) {
        CommandSpec root = spec.root();
        java.util.List<String> args = root.commandLine().getParseResult() == null ? java.util.List.of()
                : root.commandLine().getParseResult().originalArgs();
        String prefix = "dpr".equals(root.name()) ? "dpr" : "dpr " + spec.qualifiedName(" ");
        return prefix + (args.isEmpty() ? "" : " " + args.stream()
                .map(a -> a.contains(" ") ? "'" + a + "'" : a).collect(Collectors.joining(" ")));
    }

    static String version() {
        return "dpr 0.1.0";
    }
}
