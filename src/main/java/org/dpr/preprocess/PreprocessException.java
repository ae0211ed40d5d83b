package org.dpr.preprocess;

import org.dpr.DprException;

/**
 * A frame or a preprocessing request that cannot be honoured: a mask or dark frame of another shape,
 * a centre outside the frame, a binning that leaves less than the requested window, an oversampling
 * that cannot be estimated. The message is one line that says what to change; the command line
 * prints it and exits with code 2.
 */
public class PreprocessException extends DprException {
    private static final long serialVersionUID = 1L;

    public PreprocessException(String message) {
        super(message);
    }
}
