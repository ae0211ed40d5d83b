package org.dpr.simulate;

import java.nio.file.Path;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Object densities from CIFAR-100 images, as in the paper (§4.2): a random image in grey (PIL's
 * ITU-R 601 luma), scaled to [0, 1] by /255, then a {@link ResizedCrop} (area 0.08–1, aspect
 * 0.75–1.33) resized to the object box.
 *
 * <p>Reads CIFAR-100's binary files ({@code train.bin}, {@code test.bin} of
 * {@code cifar-100-binary.tar.gz}, extracted; each may be gzip-compressed). The grey images are
 * held in memory, 1 KiB each (the training set: 51 MB).
 *
 * <p>Immutable and thread-safe.
 */
public final class CifarDensities implements DensitySource {
    private static final int SIDE = 32;

    private final byte[] grey;
    private final ResizedCrop crop;
    private final String source;

    private CifarDensities(byte[] grey, ResizedCrop crop, String source) {
        this.grey = grey;
        this.crop = crop;
        this.source = source;
    }

    /**
     * Reads one or more CIFAR-100 binary files.
     *
     * @throws org.dpr.DprException if a file is missing, empty or not whole 3074-byte records
     */
    public static CifarDensities read(Path... files) {
        if (files.length == 0) {
            throw new IllegalArgumentException("need at least one CIFAR-100 file");
        }
        StringBuilder names = new StringBuilder();
        for (Path f : files) {
            names.append(names.length() == 0 ? "" : ",").append(f.getFileName());
        }
        return new CifarDensities(DataFiles.readCifar100Grey(files), ResizedCrop.withDefaults(), names.toString());
    }

    public CifarDensities withCrop(ResizedCrop newCrop) {
        return new CifarDensities(grey, Objects.requireNonNull(newCrop, "crop"), source);
    }

    /** Number of images. */
    public int count() {
        return grey.length / (SIDE * SIDE);
    }

    /** Image {@code index} as 32×32 grey values in [0, 1]. */
    public float[] image(int index) {
        Objects.checkIndex(index, count());
        float[] out = new float[SIDE * SIDE];
        for (int p = 0; p < out.length; p++) {
            out[p] = (grey[index * SIDE * SIDE + p] & 0xff) / 255f;
        }
        return out;
    }

    @Override
    public float[] density(int boxPx, SplittableRandom random) {
        int index = random.nextInt(count());
        return crop.apply(image(index), SIDE, SIDE, boxPx, random);
    }

    @Override
    public String description() {
        return "CIFAR-100 " + source + " (" + count() + " images), " + crop;
    }
}
