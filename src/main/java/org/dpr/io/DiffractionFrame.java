package org.dpr.io;

import java.util.Objects;

/**
 * One diffraction pattern as dpr passes it between stages: intensities in photons (float32,
 * row-major, zero frequency at (height/2, width/2) once centred), a mask in memory convention
 * (1 = measured, 0 = missing), optional ground truth (the object in its n×n box, amplitude units,
 * as simulations write it) and metadata.
 *
 * <p>The arrays are not copied: treat a frame as immutable once made.
 *
 * @param height      rows
 * @param width       columns
 * @param intensity   photons per pixel, length height·width
 * @param mask        1 = measured, 0 = missing, length height·width
 * @param groundTruth the object (n×n, amplitude units) or {@code null} when unknown
 * @param metadata    geometry, source and per-frame simulation parameters
 */
public record DiffractionFrame(int height, int width, float[] intensity, byte[] mask,
                               float[] groundTruth, FrameMetadata metadata) {

    public DiffractionFrame {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("frame must have positive size, got " + height + "×" + width);
        }
        Objects.requireNonNull(intensity, "intensity");
        Objects.requireNonNull(mask, "mask");
        if (intensity.length != height * width || mask.length != height * width) {
            throw new IllegalArgumentException("intensity/mask length must be " + height * width
                    + ", got " + intensity.length + "/" + mask.length);
        }
        if (groundTruth != null) {
            int n = (int) Math.round(Math.sqrt(groundTruth.length));
            if (n * n != groundTruth.length) {
                throw new IllegalArgumentException("ground truth must be square, got " + groundTruth.length + " values");
            }
        }
        metadata = metadata == null ? FrameMetadata.empty() : metadata;
    }

    /** A frame with every pixel measured, no ground truth and no metadata. */
    public static DiffractionFrame fullyMeasured(int height, int width, float[] intensity) {
        byte[] mask = new byte[height * width];
        java.util.Arrays.fill(mask, (byte) 1);
        return new DiffractionFrame(height, width, intensity, mask, null, FrameMetadata.empty());
    }

    public boolean hasGroundTruth() {
        return groundTruth != null;
    }

    /** Side of the ground-truth box, or 0 when there is none. */
    public int groundTruthSize() {
        return groundTruth == null ? 0 : (int) Math.round(Math.sqrt(groundTruth.length));
    }

    /** Number of measured pixels. */
    public int measuredPixels() {
        int count = 0;
        for (byte b : mask) {
            count += b != 0 ? 1 : 0;
        }
        return count;
    }

    public DiffractionFrame withMask(byte[] newMask) {
        return new DiffractionFrame(height, width, intensity, newMask, groundTruth, metadata);
    }

    public DiffractionFrame withIntensity(int newHeight, int newWidth, float[] newIntensity, byte[] newMask) {
        return new DiffractionFrame(newHeight, newWidth, newIntensity, newMask, groundTruth, metadata);
    }

    public DiffractionFrame withMetadata(FrameMetadata newMetadata) {
        return new DiffractionFrame(height, width, intensity, mask, groundTruth, newMetadata);
    }
}
