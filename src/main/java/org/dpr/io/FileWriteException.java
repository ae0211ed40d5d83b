package org.dpr.io;

import org.dpr.DprException;

/**
 * An output file could not be written (no permission, disk full, a folder where a file should
 * be). Writers never leave a half-written file behind when they throw this.
 */
public class FileWriteException extends DprException {
    private static final long serialVersionUID = 1L;

    public FileWriteException(String message) {
        super(message);
    }

    public FileWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
