package org.dpr.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Frames from a {@code .npy} file: a 2-D array is one frame, a 3-D C-order array [frames, rows,
 * columns] a stack, read lazily (one frame's bytes per {@link #read}). Any dtype of
 * {@link NpyDtype} converts to float32. Every pixel is measured (an {@code .npy} file has no mask;
 * give one with a mask file).
 */
final class NpyFrameSource implements FrameSource {

    private final Path file;
    private final Npy.Header header;
    private final FileChannel channel;
    private final int frames;
    private final int height;
    private final int width;

    private NpyFrameSource(Path file, Npy.Header header, FileChannel channel) {
        this.file = file;
        this.header = header;
        this.channel = channel;
        int[] s = header.shape();
        this.frames = s.length == 3 ? s[0] : 1;
        this.height = s[s.length - 2];
        this.width = s[s.length - 1];
    }

    static NpyFrameSource open(Path file) {
        Npy.Header header = Npy.header(file);
        int[] s = header.shape();
        if (s.length < 2 || s.length > 3) {
            throw new DataFormatException(file + " holds a " + s.length + "-D array " + Arrays.toString(s)
                    + "; dpr needs 2-D frames or a 3-D stack [frames, rows, columns]");
        }
        if (header.fortranOrder()) {
            throw new DataFormatException(file + " is stored in Fortran order; save it with "
                    + "np.save(path, np.ascontiguousarray(a)) for dpr");
        }
        if (header.size() == 0) {
            throw new DataFormatException(file + " holds an empty array " + Arrays.toString(s));
        }
        try {
            long expected = header.dataOffset() + header.size() * header.dtype().bytes();
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            if (channel.size() < expected) {
                channel.close();
                throw new DataFormatException(file + " is truncated: the header promises " + expected
                        + " bytes, the file has " + channel.size());
            }
            return new NpyFrameSource(file, header, channel);
        } catch (IOException e) {
            throw new DataFormatException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int frameCount() {
        return frames;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public synchronized DiffractionFrame read(int index) {
        if (index < 0 || index >= frames) {
            throw new IndexOutOfBoundsException("frame " + index + " of " + frames);
        }
        int pixels = height * width;
        int bytes = pixels * header.dtype().bytes();
        try {
            var buffer = Npy.readFully(channel, header.dataOffset() + (long) index * bytes, bytes, file)
                    .order(header.order());
            NpyArray frame = new NpyArray(header.dtype(), new int[]{height, width},
                    Npy.decode(buffer, header.dtype(), pixels));
            byte[] mask = new byte[pixels];
            Arrays.fill(mask, (byte) 1);
            FrameMetadata meta = FrameMetadata.empty()
                    .withText(MetadataKeys.SOURCE_FILE, file.toString())
                    .withText(MetadataKeys.SOURCE_DATASET, "npy")
                    .with(FrameMetadata.FRAME_INDEX, index);
            return new DiffractionFrame(height, width, frame.toFloat32(), mask, null, meta);
        } catch (IOException e) {
            throw new DataFormatException("cannot read frame " + index + " of " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String description() {
        return file + " (npy " + header.dtype().descr() + " " + Arrays.toString(header.shape()) + ")";
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // read-only channel: nothing was pending
        }
    }
}
