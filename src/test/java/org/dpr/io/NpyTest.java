package org.dpr.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code .npy} reading and writing against files numpy wrote ({@code make_fixtures.py}). */
class NpyTest {

    private static double[] ramp(int frames, int rows, int cols, double offset) {
        double[] v = new double[frames * rows * cols];
        for (int k = 0; k < frames; k++) {
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    v[(k * rows + r) * cols + c] = frames == 1 ? 10.0 * r + c + offset : Fixtures.ramp(k, r, c, offset);
                }
            }
        }
        return v;
    }

    @Test
    void everyNumpyDtypeReadsWithItsValuesAndShape() {
        record Case(String file, NpyDtype dtype, double offset) {
        }
        for (Case c : new Case[]{new Case("frame-f8.npy", NpyDtype.FLOAT64, 0.125), new Case("frame-u1.npy", NpyDtype.UINT8, 200),
                new Case("frame-i2.npy", NpyDtype.INT16, -30), new Case("frame-i4.npy", NpyDtype.INT32, 70000),
                new Case("frame-big-endian-f4.npy", NpyDtype.FLOAT32, 0.5)}) {
            NpyArray a = Npy.read(Fixtures.path(c.file()));
            assertThat(a.dtype()).as(c.file()).isEqualTo(c.dtype());
            assertThat(a.shape()).containsExactly(4, 5);
            double[] expected = ramp(1, 4, 5, c.offset());
            for (int i = 0; i < expected.length; i++) {
                assertThat(a.value(i)).as(c.file() + " element " + i).isEqualTo(expected[i]);
            }
        }
        NpyArray bool = Npy.read(Fixtures.path("frame-b1.npy"));
        assertThat(bool.dtype()).isEqualTo(NpyDtype.BOOL);
        for (int i = 0; i < 20; i++) {
            assertThat(((boolean[]) bool.data())[i]).isEqualTo((10 * (i / 5) + i % 5) % 3 == 0);
        }
    }

    @Test
    void writtenFilesAreByteForByteWhatNumpyWrites(@TempDir Path dir) throws IOException {
        double[] f4 = ramp(3, 4, 5, 0.5);
        float[] floats = new float[f4.length];
        for (int i = 0; i < f4.length; i++) {
            floats[i] = (float) f4[i];
        }
        assertSameBytes(dir, NpyArray.ofFloat32(floats, 3, 4, 5), "stack-f4.npy");
        assertSameBytes(dir, NpyArray.ofFloat64(ramp(1, 4, 5, 0.125), 4, 5), "frame-f8.npy");
        byte[] u1 = new byte[20];
        short[] i2 = new short[20];
        int[] i4 = new int[20];
        boolean[] b1 = new boolean[20];
        for (int i = 0; i < 20; i++) {
            int v = 10 * (i / 5) + i % 5;
            u1[i] = (byte) (v + 200);
            i2[i] = (short) (v - 30);
            i4[i] = v + 70000;
            b1[i] = v % 3 == 0;
        }
        assertSameBytes(dir, NpyArray.ofUint8(u1, 4, 5), "frame-u1.npy");
        assertSameBytes(dir, NpyArray.ofInt16(i2, 4, 5), "frame-i2.npy");
        assertSameBytes(dir, NpyArray.ofInt32(i4, 4, 5), "frame-i4.npy");
        assertSameBytes(dir, NpyArray.ofBool(b1, 4, 5), "frame-b1.npy");
    }

    private static void assertSameBytes(Path dir, NpyArray array, String numpyFile) throws IOException {
        Path ours = dir.resolve(numpyFile);
        Npy.write(ours, array);
        assertThat(Files.readAllBytes(ours)).as(numpyFile).isEqualTo(Files.readAllBytes(Fixtures.path(numpyFile)));
        assertThat(Npy.read(ours)).isEqualTo(array);
    }

    @Test
    void threeDimensionalFileIsAStackReadLazilyAsFloat32Frames() {
        try (FrameSource source = FrameSources.open(Fixtures.path("stack-f4.npy"))) {
            assertThat(FrameSources.detect(Fixtures.path("stack-f4.npy"))).isEqualTo(FileFormat.NPY);
            assertThat(source.frameCount()).isEqualTo(3);
            assertThat(source.height()).isEqualTo(4);
            assertThat(source.width()).isEqualTo(5);
            DiffractionFrame last = source.read(2);
            assertThat(last.intensity()[19]).isEqualTo((float) Fixtures.ramp(2, 3, 4, 0.5));
            assertThat(last.measuredPixels()).isEqualTo(20);
        }
    }

    @Test
    void fortranOrderAndOneDimensionalArraysAreRefusedWithAHint() {
        assertThatThrownBy(() -> FrameSources.open(Fixtures.path("frame-fortran.npy")))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("ascontiguousarray");
        assertThatThrownBy(() -> FrameSources.open(Fixtures.path("line-f4.npy")))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("1-D");
    }

    @Test
    void booleanMaskFileMarksTrueAsMeasuredOnEveryFrameOfAStack() {
        ReadOptions options = ReadOptions.withDefaults().withMaskFile(Fixtures.path("frame-b1.npy"));
        try (FrameSource source = FrameSources.open(Fixtures.path("stack-f4.npy"), options)) {
            for (DiffractionFrame f : source) {
                for (int i = 0; i < 20; i++) {
                    assertThat(f.mask()[i]).isEqualTo((byte) ((10 * (i / 5) + i % 5) % 3 == 0 ? 1 : 0));
                }
            }
        }
    }

    @Test
    void shapeAndDataOfAnotherLengthAreRejected() {
        assertThatThrownBy(() -> NpyArray.ofFloat32(new float[5], 2, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
