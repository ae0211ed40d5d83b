package org.dpr.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * numpy's {@code .npy} format (format versions 1–3, numpy.lib.format): read and write, C order,
 * the dtypes of {@link NpyDtype}. Written files are version 1.0, little-endian, with the header
 * padded so that the data starts at a multiple of 64 bytes, as numpy writes them:
 * {@code np.load("frames.npy")} gives back the array.
 */
public final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /** What a {@code .npy} header says; the data start at {@code dataOffset}. */
    record Header(NpyDtype dtype, ByteOrder order, boolean fortranOrder, int[] shape, long dataOffset) {
        long size() {
            long n = 1;
            for (int s : shape) {
                n *= s;
            }
            return n;
        }
    }

    /** Reads a whole {@code .npy} file. */
    public static NpyArray read(Path file) {
        Header header = header(file);
        if (header.fortranOrder() && header.shape().length > 1) {
            throw new DataFormatException(file + " is stored in Fortran order; save it with "
                    + "np.save(path, np.ascontiguousarray(a)) for dpr");
        }
        if (header.size() > Integer.MAX_VALUE / header.dtype().bytes()) {
            throw new DataFormatException(file + " is too large to read whole (" + header.size() + " values)");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer bytes = readFully(channel, header.dataOffset(), (int) header.size() * header.dtype().bytes(), file);
            return new NpyArray(header.dtype(), header.shape(), decode(bytes.order(header.order()), header.dtype(),
                    (int) header.size()));
        } catch (IOException e) {
            throw new DataFormatException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code array} to {@code file} (atomically: a complete file or none). */
    public static void write(Path file, NpyArray array) {
        AtomicFiles.write(file, temporary -> {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                out.write(headerBytes(array.dtype(), array.shape()));
                out.write(encode(array));
            }
        });
    }

    static Header header(Path file) {
        Hdf5Support.requireReadableFile(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer start = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(start, 0);
            start.flip();
            byte[] magic = new byte[6];
            if (start.remaining() < 10) {
                throw notNpy(file);
            }
            start.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw notNpy(file);
            }
            int major = start.get() & 0xFF;
            start.get();
            long length;
            int prefix;
            if (major == 1) {
                length = start.getShort() & 0xFFFF;
                prefix = 10;
            } else if (major == 2 || major == 3) {
                if (start.remaining() < 4) {
                    throw notNpy(file);
                }
                length = start.getInt() & 0xFFFFFFFFL;
                prefix = 12;
            } else {
                throw new DataFormatException(file + " is .npy format version " + major + ", dpr reads versions 1–3");
            }
            if (length > 1 << 20) {
                throw notNpy(file);
            }
            ByteBuffer text = readFully(channel, prefix, (int) length, file);
            String dict = (major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1).decode(text).toString();
            return parse(dict, prefix + length, file);
        } catch (IOException e) {
            throw new DataFormatException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Header parse(String dict, long offset, Path file) {
        Matcher d = DESCR.matcher(dict);
        Matcher f = FORTRAN.matcher(dict);
        Matcher s = SHAPE.matcher(dict);
        if (!d.find() || !f.find() || !s.find()) {
            throw new DataFormatException(file + " has a .npy header dpr cannot parse: " + dict.trim());
        }
        String descr = d.group(1);
        NpyDtype dtype = NpyDtype.ofDescr(descr, file.toString());
        ByteOrder order = descr.startsWith(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        int[] shape = Arrays.stream(s.group(1).split(","))
                .map(String::trim).filter(t -> !t.isEmpty()).mapToInt(t -> {
                    try {
                        return Integer.parseInt(t.replace("L", ""));
                    } catch (NumberFormatException e) {
                        throw new DataFormatException(file + " has a .npy shape dpr cannot parse: (" + s.group(1) + ")");
                    }
                }).toArray();
        return new Header(dtype, order, f.group(1).equals("True"), shape, offset);
    }

    static byte[] headerBytes(NpyDtype dtype, int[] shape) {
        String dims = shape.length == 1 ? shape[0] + ","
                : Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        StringBuilder dict = new StringBuilder("{'descr': '" + dtype.descr() + "', 'fortran_order': False, 'shape': ("
                + dims + "), }");
        int total = MAGIC.length + 4 + dict.length() + 1;
        int padding = (64 - total % 64) % 64;
        dict.append(" ".repeat(padding)).append('\n');
        byte[] text = dict.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 4 + text.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length).put(text);
        return out.array();
    }

    static ByteBuffer readFully(FileChannel channel, long position, int length, Path file) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new DataFormatException(file + " is truncated: expected " + length + " bytes at offset " + position);
            }
            at += n;
        }
        buffer.flip();
        return buffer;
    }

    /** Decodes {@code count} values of {@code dtype} into the flat Java array {@link NpyArray} expects. */
    static Object decode(ByteBuffer bytes, NpyDtype dtype, int count) {
        switch (dtype) {
            case BOOL: {
                boolean[] out = new boolean[count];
                for (int i = 0; i < count; i++) {
                    out[i] = bytes.get() != 0;
                }
                return out;
            }
            case INT8:
            case UINT8: {
                byte[] out = new byte[count];
                bytes.get(out);
                return out;
            }
            case INT16:
            case UINT16: {
                short[] out = new short[count];
                bytes.asShortBuffer().get(out);
                return out;
            }
            case INT32:
            case UINT32: {
                int[] out = new int[count];
                bytes.asIntBuffer().get(out);
                return out;
            }
            case INT64: {
                long[] out = new long[count];
                bytes.asLongBuffer().get(out);
                return out;
            }
            case FLOAT32: {
                float[] out = new float[count];
                bytes.asFloatBuffer().get(out);
                return out;
            }
            default: {
                double[] out = new double[count];
                bytes.asDoubleBuffer().get(out);
                return out;
            }
        }
    }

    private static byte[] encode(NpyArray array) {
        int n = array.size();
        ByteBuffer out = ByteBuffer.allocate(n * array.dtype().bytes()).order(ByteOrder.LITTLE_ENDIAN);
        Object data = array.data();
        switch (array.dtype()) {
            case BOOL -> {
                for (boolean b : (boolean[]) data) {
                    out.put((byte) (b ? 1 : 0));
                }
            }
            case INT8, UINT8 -> out.put((byte[]) data);
            case INT16, UINT16 -> out.asShortBuffer().put((short[]) data);
            case INT32, UINT32 -> out.asIntBuffer().put((int[]) data);
            case INT64 -> out.asLongBuffer().put((long[]) data);
            case FLOAT32 -> out.asFloatBuffer().put((float[]) data);
            case FLOAT64 -> out.asDoubleBuffer().put((double[]) data);
        }
        return out.array();
    }

    private static DataFormatException notNpy(Path file) {
        return new DataFormatException(file + " is not a .npy file (no \\x93NUMPY header)");
    }
}
