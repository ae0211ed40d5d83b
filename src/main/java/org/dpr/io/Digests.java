package org.dpr.io;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Content fingerprints of frames, so that results measured on a frame can be matched to it later
 * whatever file layout holds it (a test set written again from its seed has the same frames but not
 * the same bytes on disk).
 */
public final class Digests {
    /** Hex digits of a frame digest (the first 64 bits of its SHA-256). */
    public static final int FRAME_DIGEST_HEX = 16;

    private Digests() {
    }

    /**
     * The first 64 bits of the SHA-256 of the frame's size, intensities (float32 bits), mask and
     * ground truth (if any), as 16 hex digits; metadata does not count.
     */
    public static String frame(DiffractionFrame frame) {
        MessageDigest digest = sha256();
        ByteBuffer header = ByteBuffer.allocate(12).putInt(frame.height()).putInt(frame.width())
                .putInt(frame.hasGroundTruth() ? frame.groundTruthSize() : 0);
        digest.update(header.array());
        digest.update(floatBytes(frame.intensity()));
        digest.update(frame.mask());
        if (frame.hasGroundTruth()) {
            digest.update(floatBytes(frame.groundTruth()));
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, FRAME_DIGEST_HEX);
    }

    private static byte[] floatBytes(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * values.length);
        for (float v : values) {
            buffer.putInt(Float.floatToIntBits(v));
        }
        return buffer.array();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
