package org.dpr.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.dpr.DprException;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Checks on a command's {@code -o} file before any work starts, so a bad name costs nothing. */
final class OutputFiles {
    /** Names the HDF5 writers answer to; anything else (e.g. {@code .npy}) would get HDF5 bytes under a lying name. */
    static final List<String> HDF5_SUFFIXES = List.of(".h5", ".hdf5", ".cxi", ".nxs");

    private OutputFiles() {
    }

    /**
     * Refuses an HDF5/CXI output whose name promises another format (exit 2) or whose folder does not exist.
     */
    static void requireHdf5Target(CommandSpec spec, Path out) {
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (HDF5_SUFFIXES.stream().noneMatch(name::endsWith)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "-o writes an HDF5 (CXI) file; name it "
                    + String.join(", ", HDF5_SUFFIXES) + ", got '" + out.getFileName() + "'");
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new DprException("output folder does not exist: " + parent);
        }
    }
}
