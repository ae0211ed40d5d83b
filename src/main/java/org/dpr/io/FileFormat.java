package org.dpr.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/** The file formats dpr reads, and how a file's format is recognised. */
public enum FileFormat {
    /** CXI (HDF5 with {@code /entry_1} or {@code /cxi_version}). */
    CXI,
    /** libspimage HDF5 (Hawk): {@code real} or {@code intensities} at the root. */
    LIBSPIMAGE,
    /** Any other HDF5 file: the frames at a given path or the only 2-D/3-D dataset. */
    HDF5,
    TIFF,
    PNG,
    NPY;

    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] NPY_SIGNATURE = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    /**
     * The format of {@code file}, from its first bytes (an HDF5 file may carry a user block; jhdf
     * finds the signature at 512, 1024, … bytes), falling back to the extension. HDF5 files are
     * told apart by content (CXI, libspimage or plain) by {@link FrameSources}.
     */
    static FileFormat sniff(Path file) {
        Hdf5Support.requireReadableFile(file);
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new DataFormatException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (n == 8 && Arrays.equals(head, HDF5_SIGNATURE)) {
            return HDF5;
        }
        if (n == 8 && Arrays.equals(head, PNG_SIGNATURE)) {
            return PNG;
        }
        if (n >= 6 && Arrays.equals(Arrays.copyOf(head, 6), NPY_SIGNATURE)) {
            return NPY;
        }
        if (n >= 4 && ((head[0] == 'I' && head[1] == 'I' && head[2] == 42 && head[3] == 0)
                || (head[0] == 'M' && head[1] == 'M' && head[2] == 0 && head[3] == 42))) {
            return TIFF;
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            throw new DataFormatException(file + " is compressed; gunzip it first (gunzip -k " + file.getFileName() + ")");
        }
        if (name.endsWith(".cxi") || name.endsWith(".h5") || name.endsWith(".hdf5") || name.endsWith(".hdf")
                || name.endsWith(".nxs")) {
            return HDF5;
        }
        if (name.endsWith(".tif") || name.endsWith(".tiff")) {
            throw new DataFormatException(file + " is not a TIFF file (no TIFF signature)");
        }
        if (name.endsWith(".png")) {
            throw new DataFormatException(file + " is not a PNG file (no PNG signature)");
        }
        if (name.endsWith(".npy")) {
            throw new DataFormatException(file + " is not a .npy file (no \\x93NUMPY signature)");
        }
        throw new DataFormatException("cannot tell the format of " + file
                + "; dpr reads CXI/HDF5 (.cxi, .h5), libspimage HDF5, TIFF, PNG and .npy");
    }
}
