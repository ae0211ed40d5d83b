package org.dpr.io;

/**
 * How a file encodes its mask. In memory dpr always uses 1 = measured, 0 = missing
 * (DESIGN.md, "Conventions"); readers convert at the boundary with {@link #isMeasured(double)}
 * and writers with {@link #encode(boolean)}.
 */
public enum MaskConvention {
    /**
     * The CXI convention: a non-zero value (any bit set: invalid, saturated, hot, dead, shadowed…)
     * marks a bad pixel, zero a good one. The default for CXI files.
     */
    CXI,
    /**
     * Non-zero = measured, zero = missing: libspimage/Hawk, boolean masks from h5py/numpy (True =
     * good) and 8-bit mask pictures (white = good). The default for every non-CXI file.
     */
    VALID;

    /** Whether a stored mask value means "measured" in this convention. NaN counts as zero. */
    public boolean isMeasured(double stored) {
        boolean nonZero = stored != 0 && !Double.isNaN(stored);
        return this == CXI ? !nonZero : nonZero;
    }

    /** The stored value (0 or 1) for a pixel that is measured or not. */
    public int encode(boolean measured) {
        return (this == CXI) != measured ? 1 : 0;
    }

    /** Parses {@code cxi} or {@code valid}, ignoring case. */
    public static MaskConvention parse(String text) {
        for (MaskConvention c : values()) {
            if (c.name().equalsIgnoreCase(text.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException("mask convention must be 'cxi' or 'valid', got '" + text + "'");
    }
}
