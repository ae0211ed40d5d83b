package org.dpr.retrieve;

import org.dpr.DprException;

/** Every random start of a frame diverged (its iterate became NaN or infinite): nothing to select. */
public final class StartsDivergedException extends DprException {
    private static final long serialVersionUID = 1L;

    public StartsDivergedException(String message) {
        super(message);
    }
}
