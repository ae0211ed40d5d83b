package org.dpr.simulate;

import java.nio.file.Path;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Object shapes from EMNIST letters, as in the paper (§4.2): a random image of the set, binarised
 * (grey &gt; 10 % of full scale, as the authors' code does) and augmented by
 * {@link ShapeAugmentation} (dilation 3–7 px, rotation, scale, crop).
 *
 * <p>Reads the IDX image files EMNIST is distributed in ({@code emnist-balanced-train-images-idx3-ubyte},
 * gzip-compressed or not). EMNIST stores every image transposed; {@link Layout#TRANSPOSED} (the
 * default) turns them upright, {@link Layout#UPRIGHT} reads MNIST-style files as they are. All
 * images are held in memory, one byte per pixel (the balanced training set: 88 MB).
 *
 * <p>Immutable and thread-safe.
 */
public final class EmnistShapes implements ShapeSource {

    /** How the images are stored in the file. */
    public enum Layout {
        /** EMNIST: each image stored transposed (column-major). */
        TRANSPOSED,
        /** MNIST and others: row-major, upright. */
        UPRIGHT
    }

    private final DataFiles.IdxImages images;
    private final Layout layout;
    private final double threshold;
    private final ShapeAugmentation augmentation;
    private final String source;

    private EmnistShapes(DataFiles.IdxImages images, Layout layout, double threshold,
                         ShapeAugmentation augmentation, String source) {
        this.images = images;
        this.layout = layout;
        this.threshold = threshold;
        this.augmentation = augmentation;
        this.source = source;
    }

    /**
     * Reads an EMNIST IDX image file (transposed layout).
     *
     * @throws org.dpr.DprException if the file is missing or not IDX unsigned-byte images
     */
    public static EmnistShapes read(Path idxFile) {
        return read(idxFile, Layout.TRANSPOSED);
    }

    /** Reads an IDX image file stored in {@code layout}. */
    public static EmnistShapes read(Path idxFile, Layout layout) {
        DataFiles.IdxImages images = DataFiles.readIdxImages(idxFile);
        if (images.rows() != images.cols()) {
            throw new org.dpr.DprException(idxFile + ": letters must be square, got " + images.rows() + "×" + images.cols());
        }
        return new EmnistShapes(images, Objects.requireNonNull(layout, "layout"), 0.1,
                ShapeAugmentation.withDefaults(), idxFile.getFileName().toString());
    }

    /** The augmentation that turns a letter into an object shape (dilation, rotation, scale). */
    public ShapeAugmentation augmentation() {
        return augmentation;
    }

    public EmnistShapes withAugmentation(ShapeAugmentation newAugmentation) {
        return new EmnistShapes(images, layout, threshold, Objects.requireNonNull(newAugmentation), source);
    }

    /** Binarisation threshold as a fraction of full scale (255): ink where grey &gt; threshold·255 (default 0.1). */
    public EmnistShapes withThreshold(double fraction) {
        if (!(fraction >= 0) || !(fraction < 1)) {
            throw new IllegalArgumentException("threshold must be in [0, 1), got " + fraction);
        }
        return new EmnistShapes(images, layout, fraction, augmentation, source);
    }

    /** Number of images in the file. */
    public int count() {
        return images.count();
    }

    /** Side of the images (28 for EMNIST). */
    public int imagePx() {
        return images.rows();
    }

    /** Image {@code index}, upright, grey levels 0–255. */
    public int[] image(int index) {
        Objects.checkIndex(index, images.count());
        int side = images.rows();
        int base = index * side * side;
        int[] out = new int[side * side];
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                int stored = layout == Layout.TRANSPOSED ? j * side + i : i * side + j;
                out[i * side + j] = images.pixels()[base + stored] & 0xff;
            }
        }
        return out;
    }

    /** The binarised image {@code index} (1 = ink), before augmentation. */
    public float[] letter(int index) {
        int[] grey = image(index);
        int level = (int) (255 * threshold);
        float[] out = new float[grey.length];
        for (int p = 0; p < grey.length; p++) {
            out[p] = grey[p] > level ? 1f : 0f;
        }
        return out;
    }

    @Override
    public float[] shape(int boxPx, SplittableRandom random) {
        int index = random.nextInt(images.count());
        return augmentation.apply(letter(index), images.rows(), boxPx, random);
    }

    @Override
    public String description() {
        return "EMNIST " + source + " (" + count() + " letters), " + augmentation;
    }
}
