package org.dpr.train;

import org.dpr.DprException;

/** A checkpoint that cannot be written, read or applied: missing, corrupt, of another format or of another network. */
public final class CheckpointException extends DprException {
    private static final long serialVersionUID = 1L;

    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
