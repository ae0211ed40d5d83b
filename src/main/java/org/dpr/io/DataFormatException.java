package org.dpr.io;

import org.dpr.DprException;

/**
 * A file dpr was asked to read is missing, unreadable or not what it should be: not HDF5, no
 * dataset at the given path, 1-D data, NaN values, a mask whose shape does not match the frames.
 * The message is one line that names the file and says what to do; the command line prints it
 * and exits with code 2.
 */
public class DataFormatException extends DprException {
    private static final long serialVersionUID = 1L;

    public DataFormatException(String message) {
        super(message);
    }

    public DataFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
