package org.dpr.nn;

import org.dpr.DprException;

/**
 * A model file that cannot be used: unreadable, malformed, corrupted (checksum mismatch), or made for
 * another geometry or network than asked for. The message says which file and what does not match.
 */
public class ModelFileException extends DprException {
    private static final long serialVersionUID = 1L;

    public ModelFileException(String message) {
        super(message);
    }

    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
