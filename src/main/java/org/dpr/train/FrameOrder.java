package org.dpr.train;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The order in which a training run visits its training set: an endless stream of passes, each a
 * fresh random permutation of the indices 0 … T − 1 (Fisher–Yates) drawn from the run's
 * checkpointed {@link Random}. Stream position p (frames since the start of training) holds frame
 * {@code index(p)}; epochs are cut from the stream independently of passes (an epoch may be shorter
 * than the set, and a batch may straddle two passes).
 *
 * <p>Resuming: {@link #stateAt(long)} is a copy of the generator as it was just before it drew the
 * permutation of the pass that holds position p. A checkpoint stores that copy for the position of
 * its next batch; {@code FrameOrder.resume(T, copy, p)} then draws the same permutation again and
 * continues the same stream. Passes are kept until {@link #release} says that no position before a
 * given one will be asked for again. Not thread-safe.
 */
final class FrameOrder {
    private final long setSize;
    private final Random rng;
    private final TreeMap<Long, Pass> passes = new TreeMap<>();
    private long nextPass;

    private record Pass(byte[] stateBefore, int[] permutation) {
    }

    private FrameOrder(long setSize, Random rng, long firstPass) {
        if (setSize < 1 || setSize > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("training set size must be in [1, 2^31 − 9], got " + setSize);
        }
        this.setSize = setSize;
        this.rng = rng;
        this.nextPass = firstPass;
    }

    /** The order of a new run: the first pass is drawn from {@code rng} (which this order then owns). */
    static FrameOrder start(long setSize, Random rng) {
        return new FrameOrder(setSize, rng, 0);
    }

    /**
     * The order of a resumed run: {@code stateAtPosition} is the generator saved for {@code position}
     * ({@link #stateAt}); positions before that pass can no longer be asked for.
     */
    static FrameOrder resume(long setSize, Random stateAtPosition, long position) {
        if (position < 0) {
            throw new IllegalArgumentException("position must be ≥ 0, got " + position);
        }
        return new FrameOrder(setSize, stateAtPosition, position / setSize);
    }

    /** The training-set index at stream position {@code position}. */
    long index(long position) {
        return pass(position).permutation()[(int) (position % setSize)];
    }

    /** A copy of the generator as it was before the permutation of {@code position}'s pass was drawn. */
    Random stateAt(long position) {
        return deserialise(pass(position).stateBefore());
    }

    /** Forgets the passes before the one that holds {@code position}. */
    void release(long position) {
        passes.headMap(position / setSize).clear();
    }

    long setSize() {
        return setSize;
    }

    private Pass pass(long position) {
        if (position < 0) {
            throw new IllegalArgumentException("position must be ≥ 0, got " + position);
        }
        long wanted = position / setSize;
        while (nextPass <= wanted) {
            byte[] before = serialise(rng);
            int[] permutation = new int[(int) setSize];
            for (int i = 0; i < permutation.length; i++) {
                permutation[i] = i;
            }
            for (int i = permutation.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = permutation[i];
                permutation[i] = permutation[j];
                permutation[j] = t;
            }
            passes.put(nextPass++, new Pass(before, permutation));
        }
        Map.Entry<Long, Pass> entry = passes.floorEntry(wanted);
        if (entry == null || entry.getKey() != wanted) {
            throw new IllegalStateException("pass " + wanted + " is no longer held (positions went back too far)");
        }
        return entry.getValue();
    }

    private static byte[] serialise(Random random) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(random);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Random deserialise(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (Random) in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
