package org.dpr.train;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.util.Pair;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * Everything a resumable training run needs, in one file: the network's parameters (DJL's
 * {@link Block#saveParameters} stream, BatchNorm running statistics included), the
 * {@link OptimizerState} (AdamW's moments per parameter and the update count t), the
 * {@link TrainingProgress} (schedule position, best validation loss, seed), the state of the run's
 * {@link Random} and free-form notes (e.g. the command line).
 *
 * <p>Layout: the magic {@code DPR-CKPT}, a format version (int), the payload, and the CRC-32 of
 * the payload (long). The payload is a JSON header (progress, update count, parameter names and
 * shapes, notes, time), the serialised {@code Random}, the parameter stream and the moments. A
 * file is written to a temporary file in the same folder, flushed to disk and then moved over the
 * target atomically, so a crash never leaves a half-written checkpoint. Reading checks the magic,
 * version, checksum and that the parameter names and shapes match the block <em>before</em>
 * touching the block, so a bad file leaves the model as it was and fails with one clear
 * {@link CheckpointException} message.
 *
 * <p>State not kept: DJL's engine random generator (the DPR network has no dropout; data
 * randomness must come from the saved {@code Random}).
 */
public final class Checkpoint {
    private static final byte[] MAGIC = "DPR-CKPT".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT = 1;
    private static final int TRAILER_BYTES = Long.BYTES;
    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().create();

    private Checkpoint() {
    }

    /** What {@link #restore} gives back besides the restored block and optimiser state. */
    public record Restored(TrainingProgress progress, Random rng, Map<String, String> notes) {
        public Restored {
            notes = Map.copyOf(notes);
        }
    }

    /** JSON header of the payload. */
    private static final class Header {
        int epoch;
        int iteration;
        double bestValidationLoss;
        long seed;
        long optimizerStep;
        List<String> parameterNames = new ArrayList<>();
        List<long[]> parameterShapes = new ArrayList<>();
        Map<String, String> notes = new LinkedHashMap<>();
        String writtenAt;
    }

    /**
     * Writes a checkpoint of {@code block} (initialised), {@code state}, {@code progress} and
     * {@code rng} to {@code file}, atomically replacing any file there.
     *
     * @param notes free-form text kept with the checkpoint (command line, data recipe, ...)
     * @throws CheckpointException when the file cannot be written
     */
    public static void save(Path file, Block block, OptimizerState state, TrainingProgress progress, Random rng,
            Map<String, String> notes) {
        Header header = new Header();
        header.epoch = progress.epoch();
        header.iteration = progress.iteration();
        header.bestValidationLoss = progress.bestValidationLoss();
        header.seed = progress.seed();
        header.optimizerStep = state.step();
        header.notes.putAll(notes);
        header.writtenAt = Instant.now().toString();
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (!p.getValue().isInitialized()) {
                throw new IllegalArgumentException("parameter '" + p.getKey() + "' is not initialised");
            }
            header.parameterNames.add(p.getKey());
            header.parameterShapes.add(p.getValue().getArray().getShape().getShape());
        }
        Path absolute = file.toAbsolutePath();
        Path dir = absolute.getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)));
                out.write(MAGIC);
                out.writeInt(FORMAT);
                CRC32 crc = new CRC32();
                DataOutputStream payload = new DataOutputStream(new CheckedOutputStream(out, crc));
                writeBytes(payload, GSON.toJson(header).getBytes(StandardCharsets.UTF_8));
                writeBytes(payload, serialise(rng));
                ByteArrayOutputStream parameterStream = new ByteArrayOutputStream();
                block.saveParameters(new DataOutputStream(parameterStream));
                writeBytes(payload, parameterStream.toByteArray());
                payload.writeInt(state.moments().size());
                for (Map.Entry<String, OptimizerState.Moments> e : state.moments().entrySet()) {
                    payload.writeUTF(e.getKey());
                    writeBytes(payload, e.getValue().mean().encode());
                    writeBytes(payload, e.getValue().variance().encode());
                }
                payload.flush();
                out.writeLong(crc.getValue());
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new CheckpointException("cannot write checkpoint " + file + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the temporary file is hidden and the error above is what matters
                }
            }
        }
    }

    /**
     * Reads the checkpoint in {@code file} into {@code block} (initialised, same architecture) and
     * {@code state} (its moments and update count are replaced) and returns the progress, the
     * {@code Random} to continue with and the notes. Parameters that need gradients get them again.
     *
     * @throws CheckpointException when the file is missing, not a checkpoint, of an unknown format,
     *     corrupt or truncated, or written for a different network; the block and state are then unchanged
     */
    public static Restored restore(Path file, Block block, OptimizerState state) {
        long payloadBytes = verify(file);
        ParameterList parameters = block.getParameters();
        try (DataInputStream in = open(file)) {
            Header header = readHeader(file, in);
            checkSameNetwork(file, header, parameters);
            Random rng = deserialise(file, readBytes(in, payloadBytes));
            NDManager blockManager = parameters.get(0).getValue().getArray().getManager();
            Map<String, OptimizerState.Moments> moments = new LinkedHashMap<>();
            // read the whole payload before changing anything, so that a late failure changes nothing
            try (NDManager staging = state.manager().newSubManager()) {
                byte[] blockBytes = readBytes(in, payloadBytes);
                int count = in.readInt();
                for (int i = 0; i < count; i++) {
                    String name = in.readUTF();
                    NDArray mean = staging.decode(readBytes(in, payloadBytes));
                    NDArray variance = staging.decode(readBytes(in, payloadBytes));
                    moments.put(name, new OptimizerState.Moments(mean, variance));
                }
                block.loadParameters(blockManager, new DataInputStream(new ByteArrayInputStream(blockBytes)));
                state.replace(header.optimizerStep, moments);
            }
            TrainableParameters.attachGradients(TrainableParameters.trainable(block));
            TrainingProgress progress = new TrainingProgress(header.epoch, header.iteration,
                    header.bestValidationLoss, header.seed);
            return new Restored(progress, rng, header.notes == null ? Map.of() : header.notes);
        } catch (EOFException e) {
            throw new CheckpointException("checkpoint " + file + " is truncated", e);
        } catch (IOException | MalformedModelException | IllegalArgumentException | IllegalStateException e) {
            throw new CheckpointException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    /** The progress recorded in {@code file}, without a network (checks the file's integrity first). */
    public static TrainingProgress readProgress(Path file) {
        verify(file);
        try (DataInputStream in = open(file)) {
            Header h = readHeader(file, in);
            return new TrainingProgress(h.epoch, h.iteration, h.bestValidationLoss, h.seed);
        } catch (IOException e) {
            throw new CheckpointException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The notes recorded in {@code file}, without a network (checks the file's integrity first): what a
     * resumed run needs to rebuild its settings before it can make the network to restore into.
     */
    public static Map<String, String> readNotes(Path file) {
        verify(file);
        try (DataInputStream in = open(file)) {
            Header h = readHeader(file, in);
            return h.notes == null ? Map.of() : Map.copyOf(h.notes);
        } catch (IOException e) {
            throw new CheckpointException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    /** Checks magic, format and checksum; returns the payload length. */
    private static long verify(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new CheckpointException("checkpoint " + file + " not found");
        } catch (IOException e) {
            throw new CheckpointException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
        }
        long payload = size - MAGIC.length - Integer.BYTES - TRAILER_BYTES;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new CheckpointException(file + " is not a dpr checkpoint");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw new CheckpointException("checkpoint " + file + " has format " + format
                        + ", this dpr reads format " + FORMAT);
            }
            if (payload < 0) {
                throw new CheckpointException("checkpoint " + file + " is truncated");
            }
            CRC32 crc = new CRC32();
            try (InputStream body = new CheckedInputStream(new BoundedInput(in, payload), crc)) {
                body.transferTo(OutputSink.INSTANCE);
            }
            if (in.readLong() != crc.getValue()) {
                throw new CheckpointException("checkpoint " + file
                        + " is corrupt (checksum mismatch): use an earlier checkpoint or start again");
            }
            return payload;
        } catch (EOFException e) {
            throw new CheckpointException("checkpoint " + file + " is truncated", e);
        } catch (IOException e) {
            throw new CheckpointException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)));
        in.skipNBytes(MAGIC.length + Integer.BYTES);
        return in;
    }

    private static Header readHeader(Path file, DataInputStream in) throws IOException {
        byte[] json = readBytes(in, 1L << 26);
        try {
            Header h = GSON.fromJson(new String(json, StandardCharsets.UTF_8), Header.class);
            if (h == null || h.parameterNames == null || h.parameterShapes == null) {
                throw new JsonParseException("empty header");
            }
            return h;
        } catch (JsonParseException e) {
            throw new CheckpointException("checkpoint " + file + " has an unreadable header: " + e.getMessage(), e);
        }
    }

    private static void checkSameNetwork(Path file, Header header, ParameterList parameters) {
        if (parameters.isEmpty() || !parameters.get(0).getValue().isInitialized()) {
            throw new IllegalArgumentException("initialise the network before restoring a checkpoint into it");
        }
        String mismatch = null;
        if (header.parameterNames.size() != parameters.size()) {
            mismatch = header.parameterNames.size() + " parameters there but " + parameters.size() + " here";
        } else {
            for (int i = 0; i < parameters.size() && mismatch == null; i++) {
                String name = parameters.get(i).getKey();
                Parameter p = parameters.get(i).getValue();
                Shape here = p.isInitialized() ? p.getArray().getShape() : p.getShape();
                Shape there = new Shape(header.parameterShapes.get(i));
                if (!name.equals(header.parameterNames.get(i))) {
                    mismatch = "parameter " + (i + 1) + " is '" + header.parameterNames.get(i) + "' there but '" + name
                            + "' here";
                } else if (!there.equals(here)) {
                    mismatch = "parameter '" + name + "' has shape " + there + " there but " + here + " here";
                }
            }
        }
        if (mismatch != null) {
            throw new CheckpointException("checkpoint " + file + " was written for a different network: " + mismatch);
        }
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputStream in, long limit) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > limit) {
            throw new IOException("bad record length " + length);
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new EOFException();
        }
        return bytes;
    }

    private static byte[] serialise(Random rng) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(rng);
        }
        return bytes.toByteArray();
    }

    private static Random deserialise(Path file, byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(ObjectInputFilter.Config.createFilter("java.util.Random;!*"));
            return (Random) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new CheckpointException("checkpoint " + file + " has an unreadable random-generator state", e);
        }
    }

    /** An input stream limited to {@code remaining} bytes of another (not closing it). */
    private static final class BoundedInput extends InputStream {
        private final InputStream in;
        private long remaining;

        BoundedInput(InputStream in, long remaining) {
            this.in = in;
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b < 0) {
                throw new EOFException();
            }
            remaining--;
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(buffer, off, (int) Math.min(len, remaining));
            if (n < 0) {
                throw new EOFException();
            }
            remaining -= n;
            return n;
        }

        @Override
        public void close() {
            // the caller closes the underlying stream
        }
    }

    /** Discards everything written to it. */
    private static final class OutputSink extends java.io.OutputStream {
        static final OutputSink INSTANCE = new OutputSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
