package org.dpr.train;

/**
 * How one output was moved onto its target: first rotated by 180° when {@code twin} (the
 * complex-conjugate solution of a real object is its point reflection), then shifted by
 * ({@code dy}, {@code dx}) pixels circularly — pixel (y, x) of the aligned image is pixel
 * ((y − dy) mod H, (x − dx) mod W) of the (rotated) output ({@link Aligner}).
 */
public record Alignment(boolean twin, int dy, int dx) {
    /** The identity: no rotation, no shift. */
    public static final Alignment IDENTITY = new Alignment(false, 0, 0);
}
