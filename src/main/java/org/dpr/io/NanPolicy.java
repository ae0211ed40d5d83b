package org.dpr.io;

/** What a reader does with NaN or infinite intensities. */
public enum NanPolicy {
    /** Refuse the frame with a message that says how many non-finite values and where the first is. The default. */
    REJECT,
    /** Mark non-finite pixels missing (mask 0) and set their intensity to 0. */
    MASK
}
