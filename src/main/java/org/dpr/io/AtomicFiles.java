package org.dpr.io;

import org.dpr.DprException;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that it either appears complete or not at all: the content goes to a hidden
 * temporary file in the target's folder, which is moved over the target (atomically where the
 * file system allows) only when writing succeeded, and deleted otherwise.
 */
public final class AtomicFiles {

    /** Writes the content of a file to the path it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path temporary) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} through {@code content}, creating missing parent folders.
     *
     * @throws FileWriteException when the folder cannot be made or the content cannot be written;
     *                            no file (and no temporary) is left behind
     */
    public static void write(Path target, Content content) {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            throw new FileWriteException("cannot write " + target + ": it is a folder");
        }
        Path temporary = null;
        try {
            Files.createDirectories(folder);
            temporary = Files.createTempFile(folder, "." + absolute.getFileName() + ".", ".tmp");
            content.writeTo(temporary);
            move(temporary, absolute);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temporary);
            if (e instanceof DprException || e instanceof IllegalArgumentException) {
                throw (RuntimeException) e;
            }
            throw new FileWriteException("cannot write " + target + ": " + reason(e), e);
        } catch (Error e) {
            deleteQuietly(temporary);
            throw e;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // nothing more to do: the temporary is hidden and named after the target
            }
        }
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (root instanceof java.nio.file.AccessDeniedException) {
            message = "permission denied (" + message + ")";
        } else if (root instanceof java.nio.file.NoSuchFileException) {
            message = "no such file or folder (" + message + ")";
        }
        return Hdf5Support.firstLine(message);
    }
}
