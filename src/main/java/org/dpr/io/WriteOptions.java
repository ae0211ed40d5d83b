package org.dpr.io;

/**
 * How {@link HdfStackWriter} and {@link CxiWriter} store datasets. Immutable; {@code with…}
 * returns a new instance and validates.
 *
 * <p>Defaults: every frame stack chunked one frame per chunk ([1, H, W]), byte shuffle then
 * deflate level 4 (shuffle groups the bytes of each float so that deflate finds the repeated
 * exponents: typically half the size of deflate alone on photon counts), and no expected frame
 * count.
 */
public final class WriteOptions {

    /** Whether the HDF5 byte-shuffle filter runs before deflate. */
    public enum Shuffle {
        NONE,
        BYTE
    }

    private static final WriteOptions DEFAULTS = new WriteOptions(4, Shuffle.BYTE, -1);

    private final int deflateLevel;
    private final Shuffle shuffle;
    private final int expectedFrames;

    private WriteOptions(int deflateLevel, Shuffle shuffle, int expectedFrames) {
        this.deflateLevel = deflateLevel;
        this.shuffle = shuffle;
        this.expectedFrames = expectedFrames;
    }

    public static WriteOptions withDefaults() {
        return DEFAULTS;
    }

    /** Deflate (gzip) level 0–9 of every frame stack; 0 stores the chunks uncompressed. Default 4. */
    public WriteOptions withDeflateLevel(int level) {
        if (level < 0 || level > 9) {
            throw new IllegalArgumentException("deflate level must be 0–9, got " + level);
        }
        return new WriteOptions(level, shuffle, expectedFrames);
    }

    public WriteOptions withShuffle(Shuffle newShuffle) {
        return new WriteOptions(deflateLevel, java.util.Objects.requireNonNull(newShuffle, "shuffle"), expectedFrames);
    }

    /**
     * Declares how many frames every stack will hold: closing with a different count writes no
     * file and throws, so a run that fails half-way never leaves a short file behind.
     */
    public WriteOptions withExpectedFrames(int frames) {
        if (frames < 1) {
            throw new IllegalArgumentException("expected frames must be ≥ 1, got " + frames);
        }
        return new WriteOptions(deflateLevel, shuffle, frames);
    }

    public int deflateLevel() {
        return deflateLevel;
    }

    public Shuffle shuffle() {
        return shuffle;
    }

    /** The declared frame count, or empty when none was declared. */
    public java.util.OptionalInt expectedFrames() {
        return expectedFrames < 0 ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(expectedFrames);
    }
}
