package org.dpr.simulate;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.dpr.DprException;

/**
 * Reading the image data sets of the paper from their distribution files: EMNIST's IDX files and
 * CIFAR-100's binary records, gzip-compressed or not (detected from the first two bytes).
 */
final class DataFiles {
    /** An IDX3 image stack: {@code count} images of {@code rows × cols} unsigned bytes, image-major. */
    record IdxImages(int count, int rows, int cols, byte[] pixels) {
    }

    private DataFiles() {
    }

    /** Opens {@code file}, decompressing it when it starts with the gzip magic 1f 8b. */
    static InputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
        }
        return raw;
    }

    /**
     * Reads an IDX file of unsigned-byte images (magic 0x00000803: type 0x08, three dimensions,
     * big-endian sizes), as MNIST and EMNIST distribute them.
     *
     * @throws DprException if the file is missing, not IDX3 unsigned bytes, or truncated
     */
    static IdxImages readIdxImages(Path file) {
        try (DataInputStream in = new DataInputStream(open(file))) {
            int magic = in.readInt();
            if ((magic >>> 16) != 0 || ((magic >>> 8) & 0xff) != 0x08 || (magic & 0xff) != 3) {
                throw new DprException(file + ": not an IDX file of unsigned-byte images (magic 0x"
                        + String.format("%08x", magic) + ", expected 0x00000803)");
            }
            int count = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            if (count <= 0 || rows <= 0 || cols <= 0 || (long) count * rows * cols > Integer.MAX_VALUE - 8) {
                throw new DprException(file + ": IDX sizes " + count + "×" + rows + "×" + cols + " are not usable");
            }
            byte[] pixels = new byte[count * rows * cols];
            in.readFully(pixels);
            return new IdxImages(count, rows, cols, pixels);
        } catch (NoSuchFileException e) {
            throw new DprException(file + ": no such file", e);
        } catch (EOFException e) {
            throw new DprException(file + ": truncated IDX file (fewer pixels than its header says)", e);
        } catch (IOException e) {
            throw new DprException(file + ": cannot read IDX images (" + e.getMessage() + ")", e);
        }
    }

    /** One CIFAR-100 binary record: coarse label, fine label, 1024 red, 1024 green, 1024 blue bytes. */
    static final int CIFAR100_RECORD_BYTES = 2 + 3 * 1024;

    /**
     * Reads CIFAR-100 binary files ({@code train.bin}, {@code test.bin}) as 32×32 grey images,
     * L = (19595·R + 38470·G + 7471·B + 2¹⁵) ≫ 16 — PIL's {@code convert("L")}, ITU-R 601 weights
     * 0.299, 0.587, 0.114 — one byte per pixel, image-major.
     *
     * @throws DprException if a file is missing, empty or not a whole number of records
     */
    static byte[] readCifar100Grey(Path... files) {
        java.io.ByteArrayOutputStream grey = new java.io.ByteArrayOutputStream();
        for (Path file : files) {
            try (InputStream in = open(file)) {
                byte[] record = new byte[CIFAR100_RECORD_BYTES];
                byte[] image = new byte[1024];
                int records = 0;
                while (true) {
                    int got = in.readNBytes(record, 0, record.length);
                    if (got == 0) {
                        break;
                    }
                    if (got < record.length) {
                        throw new DprException(file + ": not a CIFAR-100 binary file (length is not a multiple of "
                                + CIFAR100_RECORD_BYTES + " bytes)");
                    }
                    for (int p = 0; p < 1024; p++) {
                        int r = record[2 + p] & 0xff;
                        int g = record[2 + 1024 + p] & 0xff;
                        int b = record[2 + 2048 + p] & 0xff;
                        image[p] = (byte) ((19595 * r + 38470 * g + 7471 * b + 0x8000) >> 16);
                    }
                    grey.write(image, 0, image.length);
                    records++;
                }
                if (records == 0) {
                    throw new DprException(file + ": empty CIFAR-100 file");
                }
            } catch (NoSuchFileException e) {
                throw new DprException(file + ": no such file", e);
            } catch (IOException e) {
                throw new DprException(file + ": cannot read CIFAR-100 records (" + e.getMessage() + ")", e);
            }
        }
        return grey.toByteArray();
    }
}
