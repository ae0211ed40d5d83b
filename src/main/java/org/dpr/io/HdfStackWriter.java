package org.dpr.io;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.WritableGroup;
import io.jhdf.api.WritableNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes an HDF5 file of named frame stacks, per-frame series, scalars and attributes — the
 * general writer under {@link CxiWriter} and the one for result files:
 *
 * <pre>{@code
 * try (HdfStackWriter out = HdfStackWriter.create(path, WriteOptions.withDefaults())) {
 *     HdfStackWriter.FloatStack images = out.floatStack(CxiPaths.IMAGE_DATA, n, n);
 *     HdfStackWriter.Series rFactor = out.float64Series("/entry_1/image_1/r_factor");
 *     out.putAttribute("/entry_1/image_1", "algorithm", recipe.toString());
 *     for (...) { images.append(image); rFactor.append(r); }
 * }   // written here: complete, or not at all
 * }</pre>
 *
 * <p>Stacks are float32 or uint8 [frames, H, W], chunked one frame per chunk with the
 * shuffle/deflate of {@link WriteOptions}; series are 1-D float64 or int64 with one value per
 * frame. Paths are absolute; missing groups are created.
 *
 * <p><b>Memory:</b> jhdf 0.13 writes a dataset from one whole Java array when the file is
 * closed (it has no appendable datasets), so everything appended is held on the heap until
 * {@link #close()}: ≈ (4 + 1)·H·W bytes per diffraction frame with its mask — 82 KB at N = 128,
 * 1.3 MB at N = 512, i.e. ≈ 1.3 GB per 1000 frames at N = 512. Split longer runs into several
 * files. {@link #bytesHeld()} says how much is held.
 *
 * <p><b>Atomicity:</b> {@link #close()} writes a temporary file in the target's folder and moves
 * it into place; on any failure the temporary is deleted. {@link #abort()} discards everything, and
 * {@link WriteOptions#withExpectedFrames(int)} makes {@code close()} refuse a short file, so a run
 * that fails half-way leaves no output. Appends are thread-safe.
 */
public final class HdfStackWriter implements AutoCloseable {

    private final Path target;
    private final WriteOptions options;
    private final Map<String, Entry> datasets = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> attributes = new LinkedHashMap<>();
    private boolean finished;

    private HdfStackWriter(Path target, WriteOptions options) {
        this.target = Objects.requireNonNull(target, "target");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** A writer for {@code target}; nothing is written before {@link #close()}. */
    public static HdfStackWriter create(Path target, WriteOptions options) {
        return new HdfStackWriter(target, options);
    }

    private sealed interface Entry permits FrameStack, PerFrameSeries, Scalar {
        int frames();

        long bytes();
    }

    /** A [frames, H, W] dataset filled one frame at a time, kept as rows of type {@code R} until written. */
    private abstract sealed class FrameStack<R> implements Entry permits FloatStack, ByteStack {
        final int height;
        final int width;
        final List<R> frames = new ArrayList<>();
        private final int bytesPerValue;

        private FrameStack(int height, int width, int bytesPerValue) {
            this.height = height;
            this.width = width;
            this.bytesPerValue = bytesPerValue;
        }

        /** Refuses a row-major frame whose length is not H·W. */
        void requireFrameLength(int length) {
            if (length != height * width) {
                throw new IllegalArgumentException("frame must have " + height * width + " values, got " + length);
            }
        }

        /** Stores one frame's rows (already copied). */
        void store(R rows) {
            synchronized (HdfStackWriter.this) {
                requireOpen();
                frames.add(rows);
            }
        }

        @Override
        public int frames() {
            synchronized (HdfStackWriter.this) {
                return frames.size();
            }
        }

        @Override
        public long bytes() {
            return (long) bytesPerValue * height * width * frames.size();
        }
    }

    /** A float32 [frames, H, W] dataset filled one frame at a time. */
    public final class FloatStack extends FrameStack<float[][]> {
        private FloatStack(int height, int width) {
            super(height, width, 4);
        }

        /** Appends one frame, row-major, length H·W (copied). */
        public void append(float[] frame) {
            requireFrameLength(frame.length);
            float[][] rows = new float[height][];
            for (int r = 0; r < height; r++) {
                rows[r] = java.util.Arrays.copyOfRange(frame, r * width, (r + 1) * width);
            }
            store(rows);
        }
    }

    /** A uint8 [frames, H, W] dataset (masks) filled one frame at a time. */
    public final class ByteStack extends FrameStack<byte[][]> {
        private ByteStack(int height, int width) {
            super(height, width, 1);
        }

        /** Appends one frame, row-major, length H·W (copied); values are stored as unsigned bytes. */
        public void append(byte[] frame) {
            requireFrameLength(frame.length);
            byte[][] rows = new byte[height][];
            for (int r = 0; r < height; r++) {
                rows[r] = java.util.Arrays.copyOfRange(frame, r * width, (r + 1) * width);
            }
            store(rows);
        }
    }

    /** A 1-D dataset with one number per frame, kept boxed until written (a few values per frame). */
    private abstract sealed class PerFrameSeries<T extends Number> implements Entry permits Series, LongSeries {
        final List<T> values = new ArrayList<>();

        void add(T value) {
            synchronized (HdfStackWriter.this) {
                requireOpen();
                values.add(value);
            }
        }

        @Override
        public int frames() {
            synchronized (HdfStackWriter.this) {
                return values.size();
            }
        }

        @Override
        public long bytes() {
            return 8L * values.size();
        }
    }

    /** A 1-D float64 dataset with one value per frame. */
    public final class Series extends PerFrameSeries<Double> {
        private Series() {
        }

        public void append(double value) {
            add(value);
        }

        private double[] toArray() {
            return values.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    /** A 1-D int64 dataset with one value per frame (seeds, indices). */
    public final class LongSeries extends PerFrameSeries<Long> {
        private LongSeries() {
        }

        public void append(long value) {
            add(value);
        }

        private long[] toArray() {
            return values.stream().mapToLong(Long::longValue).toArray();
        }
    }

    private record Scalar(Object value) implements Entry {
        @Override
        public int frames() {
            return -1;
        }

        @Override
        public long bytes() {
            return 8;
        }
    }

    /** Declares a float32 frame stack at {@code path}. */
    public synchronized FloatStack floatStack(String path, int height, int width) {
        requirePositive(height, width);
        return register(path, new FloatStack(height, width));
    }

    /** Declares a uint8 frame stack at {@code path}. */
    public synchronized ByteStack uint8Stack(String path, int height, int width) {
        requirePositive(height, width);
        return register(path, new ByteStack(height, width));
    }

    /** Declares a 1-D float64 per-frame series at {@code path}. */
    public synchronized Series float64Series(String path) {
        return register(path, new Series());
    }

    /** Declares a 1-D int64 per-frame series at {@code path}. */
    public synchronized LongSeries int64Series(String path) {
        return register(path, new LongSeries());
    }

    /** A scalar int64 dataset (e.g. {@code /cxi_version}). */
    public synchronized void putScalar(String path, long value) {
        register(path, new Scalar(value));
    }

    /** A scalar float64 dataset (e.g. a detector distance in m). */
    public synchronized void putScalar(String path, double value) {
        register(path, new Scalar(value));
    }

    /** A scalar string dataset (e.g. a sample name). */
    public synchronized void putScalar(String path, String value) {
        register(path, new Scalar(Objects.requireNonNull(value, "value")));
    }

    /** A string attribute on the group or dataset at {@code nodePath} (a group is created when nothing is there). */
    public synchronized void putAttribute(String nodePath, String name, String value) {
        attribute(nodePath, name, Objects.requireNonNull(value, "value"));
    }

    /** A float64 attribute on the group or dataset at {@code nodePath}. */
    public synchronized void putAttribute(String nodePath, String name, double value) {
        attribute(nodePath, name, value);
    }

    /** An int64 attribute on the group or dataset at {@code nodePath}. */
    public synchronized void putAttribute(String nodePath, String name, long value) {
        attribute(nodePath, name, value);
    }

    private void attribute(String nodePath, String name, Object value) {
        requireOpen();
        if (name == null || name.isBlank() || name.contains("/")) {
            throw new IllegalArgumentException("attribute name must be non-empty without '/', got '" + name + "'");
        }
        attributes.computeIfAbsent(normalise(nodePath), p -> new LinkedHashMap<>()).put(name, value);
    }

    /** Bytes of appended data held in memory until {@link #close()}. */
    public synchronized long bytesHeld() {
        return datasets.values().stream().mapToLong(Entry::bytes).sum();
    }

    /** The file this writer makes. */
    public Path target() {
        return target;
    }

    /** Discards everything: no file is written, {@link #close()} does nothing. */
    public synchronized void abort() {
        finished = true;
        datasets.clear();
        attributes.clear();
    }

    /**
     * Writes the file (temporary in the same folder, then moved into place) unless the writer was
     * aborted. Refuses, writing nothing, when a stack is empty, when stacks and series disagree on
     * the frame count, or when it differs from {@link WriteOptions#expectedFrames()}.
     *
     * @throws FileWriteException when the file cannot be written or is incomplete
     */
    @Override
    public synchronized void close() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            checkComplete();
            AtomicFiles.write(target, temporary -> {
                try (WritableHdfFile file = HdfFile.write(temporary)) {
                    build(file);
                }
            });
        } finally {
            datasets.clear();
            attributes.clear();
        }
    }

    private void checkComplete() {
        int expected = options.expectedFrames().orElse(-1);
        for (Map.Entry<String, Entry> e : datasets.entrySet()) {
            int n = e.getValue().frames();
            if (n < 0) {
                continue;
            }
            if (n == 0) {
                throw new FileWriteException("nothing was written to " + target + ": " + e.getKey() + " holds no frames");
            }
            if (expected < 0) {
                expected = n;
            }
            if (n != expected) {
                throw new FileWriteException("nothing was written to " + target + ": incomplete, " + e.getKey() + " holds "
                        + n + " frames where " + expected + " were expected");
            }
        }
    }

    private void build(WritableHdfFile file) {
        Map<String, WritableNode> nodes = new LinkedHashMap<>();
        nodes.put("/", file);
        for (Map.Entry<String, Entry> e : datasets.entrySet()) {
            String path = e.getKey();
            WritableGroup parent = group(file, nodes, Hdf5Support.parentOf(path));
            String name = path.substring(path.lastIndexOf('/') + 1);
            nodes.put(path, write(parent, name, e.getValue()));
        }
        for (Map.Entry<String, Map<String, Object>> e : attributes.entrySet()) {
            WritableNode node = nodes.containsKey(e.getKey()) ? nodes.get(e.getKey()) : group(file, nodes, e.getKey());
            e.getValue().forEach(node::putAttribute);
        }
    }

    private WritableNode write(WritableGroup parent, String name, Entry entry) {
        if (entry instanceof FloatStack s) {
            return parent.putDataset(name, s.frames.toArray(new float[0][][]), stackOptions(s.height, s.width, false));
        }
        if (entry instanceof ByteStack s) {
            return parent.putDataset(name, s.frames.toArray(new byte[0][][]), stackOptions(s.height, s.width, true));
        }
        if (entry instanceof Series s) {
            return parent.putDataset(name, s.toArray());
        }
        if (entry instanceof LongSeries s) {
            return parent.putDataset(name, s.toArray());
        }
        return parent.putDataset(name, ((Scalar) entry).value());
    }

    private DatasetCreationOptions stackOptions(int height, int width, boolean unsigned) {
        DatasetCreationOptions.Builder b = DatasetCreationOptions.builder().chunkDimensions(1, height, width);
        if (unsigned) {
            b.unsigned();
        }
        if (options.shuffle() == WriteOptions.Shuffle.BYTE && options.deflateLevel() > 0) {
            b.shuffle();
        }
        if (options.deflateLevel() > 0) {
            b.deflate(options.deflateLevel());
        }
        return b.build();
    }

    private static WritableGroup group(WritableHdfFile file, Map<String, WritableNode> nodes, String path) {
        WritableNode existing = nodes.get(path);
        if (existing != null) {
            if (existing instanceof WritableGroup g) {
                return g;
            }
            throw new IllegalArgumentException(path + " is a dataset and cannot hold other nodes");
        }
        WritableGroup parent = group(file, nodes, Hdf5Support.parentOf(path));
        WritableGroup g = parent.putGroup(path.substring(path.lastIndexOf('/') + 1));
        nodes.put(path, g);
        return g;
    }

    private <T extends Entry> T register(String path, T entry) {
        requireOpen();
        String p = normalise(path);
        if (p.equals("/")) {
            throw new IllegalArgumentException("a dataset needs a name, got '" + path + "'");
        }
        if (datasets.containsKey(p)) {
            throw new IllegalArgumentException("dataset " + p + " is declared twice");
        }
        for (String existing : datasets.keySet()) {
            if (p.startsWith(existing + "/") || existing.startsWith(p + "/")) {
                throw new IllegalArgumentException("dataset " + p + " and " + existing + " cannot both exist");
            }
        }
        datasets.put(p, entry);
        return entry;
    }

    private static String normalise(String path) {
        Objects.requireNonNull(path, "path");
        String p = path.trim();
        if (!p.startsWith("/")) {
            p = "/" + p;
        }
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.contains("//")) {
            throw new IllegalArgumentException("invalid HDF5 path '" + path + "'");
        }
        return p;
    }

    private static void requirePositive(int height, int width) {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("frames must have positive size, got " + height + "×" + width);
        }
    }

    private void requireOpen() {
        if (finished) {
            throw new IllegalStateException("writer for " + target + " is already closed");
        }
    }
}
