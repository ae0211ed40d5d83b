package org.dpr.evaluate;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Consumer;
import org.dpr.DprException;

/**
 * Writes a report folder whole or not at all: the content goes into a fresh temporary folder
 * beside the target ({@code .NAME.tmp-…}), which is renamed to the target when complete. A previous
 * report at the target (a folder holding {@code index.html}) is replaced; any other existing,
 * non-empty folder or file is refused, so that a mistyped {@code --out} never deletes a user's
 * data. On failure the temporary folder is removed and the target is left as it was.
 */
public final class ReportFolder {
    /** The file that marks a folder as a report dpr may replace. */
    public static final String INDEX = "index.html";

    private ReportFolder() {
    }

    /**
     * Checks that {@code target} may be written: it does not exist, is an empty folder, or holds a
     * previous report.
     *
     * @throws DprException with a one-line message otherwise
     */
    public static void checkWritable(Path target) {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new DprException("the report folder " + target + " exists and is a file; choose another --out");
        }
        if (!isEmpty(target) && !Files.isRegularFile(target.resolve(INDEX))) {
            throw new DprException("the report folder " + target + " exists and does not hold a dpr report (no "
                    + INDEX + "); choose another --out or remove it");
        }
    }

    /**
     * Writes {@code content} (called with the temporary folder) and moves the result to
     * {@code target}, creating missing parent folders.
     *
     * @return {@code target}
     * @throws DprException if the target may not be written ({@link #checkWritable}) or a file
     *                      operation fails
     */
    public static Path write(Path target, Consumer<Path> content) {
        Path absolute = target.toAbsolutePath().normalize();
        checkWritable(absolute);
        Path parent = absolute.getParent();
        Path temporary = null;
        try {
            Files.createDirectories(parent);
            temporary = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".tmp-");
            content.accept(temporary);
            replace(temporary, absolute);
            temporary = null;
            return target;
        } catch (IOException e) {
            throw new DprException("cannot write the report folder " + target + ": " + e.getMessage(), e);
        } finally {
            if (temporary != null) {
                deleteQuietly(temporary);
            }
        }
    }

    /** Moves {@code fresh} to {@code target}, setting an existing target aside first and deleting it after. */
    private static void replace(Path fresh, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
            Files.delete(old);
            move(target, old);
        }
        try {
            move(fresh, target);
        } catch (IOException e) {
            if (old != null) {
                move(old, target);
            }
            throw e;
        }
        if (old != null) {
            deleteQuietly(old);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static boolean isEmpty(Path folder) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            return !entries.iterator().hasNext();
        } catch (IOException e) {
            throw new DprException("cannot read the folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a folder tree, ignoring failures (used to clean up temporary folders). */
    static void deleteQuietly(Path folder) {
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // a leftover temporary folder is harmless; the original failure is what matters
        }
    }
}
