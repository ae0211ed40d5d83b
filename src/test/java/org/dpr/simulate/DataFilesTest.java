package org.dpr.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.dpr.DprException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFilesTest {
    @TempDir
    Path dir;

    /** Stored pixel (r, c) of image i of the synthetic IDX file: a value that tells every pixel apart. */
    private static int stored(int i, int r, int c) {
        return (i * 50 + r * 7 + c * 3) % 256;
    }

    /** An IDX3 file in the real format: magic 0x00000803, big-endian sizes, then the pixels. */
    private static byte[] idx(int count, int side) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(0x00000803);
            out.writeInt(count);
            out.writeInt(side);
            out.writeInt(side);
            for (int i = 0; i < count; i++) {
                for (int r = 0; r < side; r++) {
                    for (int c = 0; c < side; c++) {
                        out.writeByte(stored(i, r, c));
                    }
                }
            }
        }
        return bytes.toByteArray();
    }

    private Path write(String name, byte[] content, boolean gzip) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(content);
        }
        return file;
    }

    @Test
    void emnistLoaderReadsPlainAndGzippedIdxFilesAndTurnsImagesUpright() throws IOException {
        byte[] content = idx(3, 28);
        for (boolean gzip : new boolean[] {false, true}) {
            EmnistShapes shapes = EmnistShapes.read(write("letters" + gzip + ".idx", content, gzip));
            assertThat(shapes.count()).isEqualTo(3);
            assertThat(shapes.imagePx()).isEqualTo(28);
            int[] image = shapes.image(2);
            for (int r = 0; r < 28; r++) {
                for (int c = 0; c < 28; c++) {
                    // EMNIST stores images transposed: upright (r, c) is stored (c, r)
                    assertThat(image[r * 28 + c]).isEqualTo(stored(2, c, r));
                }
            }
        }
    }

    @Test
    void uprightLayoutReadsMnistStyleImagesAsStoredAndBinarisesAtTenPercent() throws IOException {
        EmnistShapes shapes = EmnistShapes.read(write("mnist.idx", idx(2, 28), false), EmnistShapes.Layout.UPRIGHT);
        int[] image = shapes.image(1);
        float[] letter = shapes.letter(1);
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                assertThat(image[r * 28 + c]).isEqualTo(stored(1, r, c));
                assertThat(letter[r * 28 + c]).isEqualTo(stored(1, r, c) > 25 ? 1f : 0f);
            }
        }
        float[] shape = shapes.shape(16, new SplittableRandom(1));
        assertThat(shape).hasSize(256);
        assertThat(shape).contains(1f);
    }

    @Test
    void cifarLoaderReadsBinaryRecordsAsGreyImages() throws IOException {
        int records = 2;
        byte[] content = new byte[records * 3074];
        for (int i = 0; i < records; i++) {
            content[i * 3074] = (byte) 7;       // coarse label
            content[i * 3074 + 1] = (byte) 42;  // fine label
            for (int p = 0; p < 1024; p++) {
                content[i * 3074 + 2 + p] = (byte) ((p + 100 * i) % 256);            // red plane
                content[i * 3074 + 2 + 1024 + p] = (byte) ((3 * p + 50 * i) % 256);  // green plane
                content[i * 3074 + 2 + 2048 + p] = (byte) ((255 - p) & 0xff);        // blue plane
            }
        }
        for (boolean gzip : new boolean[] {false, true}) {
            CifarDensities densities = CifarDensities.read(write("test" + gzip + ".bin", content, gzip));
            assertThat(densities.count()).isEqualTo(records);
            float[] grey = densities.image(1);
            for (int p = 0; p < 1024; p++) {
                double luma = 0.299 * ((p + 100) % 256) + 0.587 * ((3 * p + 50) % 256) + 0.114 * ((255 - p) & 0xff);
                assertThat(grey[p]).isCloseTo((float) (luma / 255), within(0.6f / 255));
            }
            float[] density = densities.density(16, new SplittableRandom(2));
            assertThat(density).hasSize(256);
            for (float v : density) {
                assertThat(v).isBetween(0f, 1f);
            }
        }
    }

    @Test
    void badDataFilesGiveOneLineMessagesNamingTheFile() throws IOException {
        Path missing = dir.resolve("nope.idx");
        assertThatThrownBy(() -> EmnistShapes.read(missing))
                .isInstanceOf(DprException.class).hasMessageContaining("nope.idx").hasMessageContaining("no such file");

        byte[] labels = idx(2, 28);
        labels[3] = 1; // IDX1: a label file, not images
        Path labelFile = write("labels.idx", labels, false);
        assertThatThrownBy(() -> EmnistShapes.read(labelFile))
                .isInstanceOf(DprException.class).hasMessageContaining("labels.idx").hasMessageContaining("0x00000801");

        byte[] whole = idx(3, 28);
        Path truncated = write("short.idx", java.util.Arrays.copyOf(whole, whole.length - 10), true);
        assertThatThrownBy(() -> EmnistShapes.read(truncated))
                .isInstanceOf(DprException.class).hasMessageContaining("truncated");

        Path odd = write("odd.bin", new byte[3074 + 5], false);
        assertThatThrownBy(() -> CifarDensities.read(odd))
                .isInstanceOf(DprException.class).hasMessageContaining("odd.bin").hasMessageContaining("3074");

        Path empty = write("empty.bin", new byte[0], false);
        assertThatThrownBy(() -> CifarDensities.read(empty))
                .isInstanceOf(DprException.class).hasMessageContaining("empty");
    }
}
