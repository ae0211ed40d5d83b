package org.dpr.io;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Locates the team's test data in {@code ../shared/data}; tests skip with a message when it is missing. */
final class SharedData {

    static final Path FOLDER = Path.of("..", "shared", "data");

    private SharedData() {
    }

    static Path file(String name) {
        Path p = FOLDER.resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(p), "shared test data missing: " + p.toAbsolutePath()
                + " (expected the team's data folder beside the project)");
        return p;
    }

    /** Gunzips a shared {@code .gz} file into {@code folder} and returns the result. */
    static Path gunzip(String name, Path folder) throws IOException {
        Path gz = file(name);
        Path out = folder.resolve(name.substring(0, name.length() - 3));
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz)); OutputStream o = Files.newOutputStream(out)) {
            in.transferTo(o);
        }
        return out;
    }
}
