package org.dpr.io;

/**
 * A half-open range of frame indices {@code [start, end)} of a file; {@code end} may be
 * {@link #OPEN} for "to the last frame". Written on the command line as {@code A:B}, {@code A:},
 * {@code :B} or a single index {@code A} (Python slice style, 0-based, end exclusive).
 *
 * @param start first frame (0-based, inclusive)
 * @param end   one past the last frame, or {@link #OPEN}
 */
public record FrameRange(int start, int end) {

    /** Marks a range open at the end. */
    public static final int OPEN = Integer.MAX_VALUE;
    /** Every frame. */
    public static final FrameRange ALL = new FrameRange(0, OPEN);

    public FrameRange {
        if (start < 0) {
            throw new IllegalArgumentException("first frame must be ≥ 0, got " + start);
        }
        if (end <= start) {
            throw new IllegalArgumentException("frame range must not be empty, got " + start + ":" + end);
        }
    }

    /** Parses {@code A:B}, {@code A:}, {@code :B} or {@code A}. */
    public static FrameRange parse(String text) {
        String t = text.trim();
        try {
            int colon = t.indexOf(':');
            if (colon < 0) {
                int index = Integer.parseInt(t);
                return new FrameRange(index, index + 1);
            }
            String a = t.substring(0, colon).trim();
            String b = t.substring(colon + 1).trim();
            return new FrameRange(a.isEmpty() ? 0 : Integer.parseInt(a), b.isEmpty() ? OPEN : Integer.parseInt(b));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("frames must look like A:B, A:, :B or A (0-based, end exclusive), got '" + text + "'");
        }
    }

    /** The number of frames this range selects from a source of {@code available} frames. */
    public int countIn(int available) {
        if (start >= available) {
            throw new DataFormatException("frames " + this + " requested but the source has only " + available
                    + " frame" + (available == 1 ? "" : "s"));
        }
        return Math.min(end, available) - start;
    }

    @Override
    public String toString() {
        return start + ":" + (end == OPEN ? "" : Integer.toString(end));
    }
}
