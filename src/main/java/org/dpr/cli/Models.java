package org.dpr.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.dpr.DprException;

/** Where the shipped models live: {@code models/} under the installation (the launcher's folder). */
final class Models {
    /** The shipped default model's folder name. */
    static final String DEFAULT_MODEL = "dpr-small";

    private Models() {
    }

    /** The installation folder: the {@code dpr.home} property the launcher sets, else the working directory. */
    static Path home() {
        String home = System.getProperty("dpr.home");
        return home == null ? Path.of("").toAbsolutePath() : Path.of(home);
    }

    /** The descriptor of the shipped default model. */
    static Path defaultModel() {
        Path dir = home().resolve("models").resolve(DEFAULT_MODEL);
        Path named = dir.resolve(DEFAULT_MODEL + ".json");
        if (Files.isRegularFile(named)) {
            return named;
        }
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                var found = files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            } catch (IOException e) {
                throw new DprException("cannot list " + dir + ": " + e.getMessage(), e);
            }
        }
        throw new DprException("no shipped model found in " + dir + "; give one with --model MODEL.json");
    }
}
