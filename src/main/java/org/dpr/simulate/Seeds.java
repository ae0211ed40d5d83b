package org.dpr.simulate;

import java.util.SplittableRandom;

/**
 * Random-access seeds: frame k of a run draws only from generators seeded by (run seed, k), so a
 * frame is the same whether a run makes 10 frames or 10 000, in any order, on any thread.
 *
 * <p>The frame seed is output k of a SplitMix64 generator started at the run seed — the mix64
 * finaliser of (seed + (k + 1)·γ), γ the golden-ratio increment, exactly as
 * {@link SplittableRandom} makes its outputs — shifted to 53 bits so that it survives a trip
 * through a double in {@link org.dpr.io.FrameMetadata}. Each random process of a frame (shape,
 * density, physics, noise, mask) then has its own stream, so changing the mask recipe does not
 * change the objects or the noise.
 */
final class Seeds {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    /** The independent random processes of one frame. */
    enum Stream {
        SHAPE, DENSITY, PHYSICS, NOISE, MASK
    }

    private Seeds() {
    }

    /** The 53-bit seed of frame {@code index} of the run seeded by {@code runSeed}. */
    static long frameSeed(long runSeed, long index) {
        return mix64(runSeed + (index + 1) * GOLDEN_GAMMA) >>> 11;
    }

    /** The generator of one random process of the frame seeded by {@code frameSeed}. */
    static SplittableRandom stream(long frameSeed, Stream stream) {
        return new SplittableRandom(mix64(frameSeed * GOLDEN_GAMMA + stream.ordinal() + 1));
    }

    /** A sub-stream keyed by {@code key}, independent of {@code base}'s later draws. */
    static SplittableRandom substream(long base, int key) {
        return new SplittableRandom(mix64(base + (key + 1L) * GOLDEN_GAMMA));
    }

    /** Stafford's variant 13 of the MurmurHash3 finaliser, as SplitMix64 uses it. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
