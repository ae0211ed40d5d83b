package org.dpr.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Report files written so that a reader never sees half a file: a stream-oriented front to
 * {@link org.dpr.io.AtomicFiles} (temporary file in the target's folder, then a move). Package-private.
 */
final class AtomicFiles {

    /** Writes bytes to a stream; may fail with an IOException. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    static void writeString(Path target, String text) {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Writes {@code content} to {@code target}, creating missing parent folders.
     *
     * @throws org.dpr.io.FileWriteException if the file cannot be written (the message names it)
     */
    static void write(Path target, Content content) {
        org.dpr.io.AtomicFiles.write(target, temporary -> {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                content.writeTo(out);
            }
        });
    }
}
