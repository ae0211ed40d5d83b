package org.dpr;

/**
 * Root of dpr's unchecked exception family: a problem with the user's data, files or
 * configuration that the program can explain in one line. Bad method arguments are
 * {@link IllegalArgumentException}s instead. The command line turns any {@code DprException}
 * into its message and exit code 2, never into a stack trace.
 */
public class DprException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DprException(String message) {
        super(message);
    }

    public DprException(String message, Throwable cause) {
        super(message, cause);
    }
}
