package org.dpr.nn;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import org.dpr.Geometry;

/**
 * A DPR network with its parameters on a device, its configuration and its training provenance: the
 * unit that is saved, loaded, summarised and run.
 *
 * <p>A model file is a pair written into one folder: the weights ({@code name.params}, DJL's block
 * parameter stream, BN running statistics included) and the JSON {@link ModelDescriptor}
 * ({@code name.json}) with the network's sizes and variant, its parameter count, the training
 * provenance and the weights' SHA-256. Both are written to temporary files and moved into place, the
 * descriptor last. Loading checks the format, the geometry (when one is expected), the checksum and
 * the parameter count, and throws a {@link ModelFileException} that says what does not match.
 *
 * <p>The model owns an {@link NDManager} on its device; close the model to free the parameters.
 */
public final class DprModel implements AutoCloseable {
    /** Extension of the descriptor file. */
    public static final String DESCRIPTOR_EXTENSION = ".json";
    /** Extension of the weights file. */
    public static final String WEIGHTS_EXTENSION = ".params";

    private final DprConfig config;
    private final DprNetwork network;
    private final NDManager manager;
    private final Map<String, String> provenance;

    private DprModel(DprConfig config, DprNetwork network, NDManager manager, Map<String, String> provenance) {
        this.config = config;
        this.network = network;
        this.manager = manager;
        this.provenance = Map.copyOf(provenance);
    }

    /** A freshly initialised (untrained) model on the engine's default device (a GPU when DJL has one). */
    public static DprModel create(DprConfig config) {
        return create(config, Engine.getInstance().defaultDevice());
    }

    /** A freshly initialised (untrained) model on {@code device}. */
    public static DprModel create(DprConfig config, Device device) {
        NDManager manager = NDManager.newBaseManager(device);
        DprNetwork network = DprNetwork.of(config);
        network.initializeFor(manager);
        return new DprModel(config, network, manager, Map.of());
    }

    /** Loads a model file (its descriptor path) onto the engine's default device. */
    public static DprModel load(Path descriptor) {
        return load(descriptor, null, Engine.getInstance().defaultDevice());
    }

    /**
     * Loads a model file and checks that it was made for {@code expected} (the data's geometry).
     *
     * @throws ModelFileException if the file is for another geometry, or unreadable, malformed or corrupted
     */
    public static DprModel load(Path descriptor, Geometry expected) {
        return load(descriptor, expected, Engine.getInstance().defaultDevice());
    }

    /**
     * Loads a model file onto {@code device}, checking its geometry against {@code expected} unless null.
     *
     * @throws ModelFileException if the file is for another geometry, or unreadable, malformed or corrupted
     */
    public static DprModel load(Path descriptor, Geometry expected, Device device) {
        String source = "model file " + descriptor;
        ModelDescriptor d = ModelDescriptor.read(descriptor);
        DprConfig config = d.config(source);
        if (expected != null && !expected.equals(config.geometry())) {
            throw new ModelFileException(source + " is for N " + config.geometry().windowPx() + ", n "
                    + config.geometry().objectBoxPx() + " but the data are N " + expected.windowPx() + ", n "
                    + expected.objectBoxPx() + ": use a model of the data's geometry or resample the data");
        }
        Path weights = resolveWeights(descriptor, d.weightsFile(), source);
        String actual = sha256(weights, source);
        if (!actual.equalsIgnoreCase(d.weightsSha256())) {
            throw new ModelFileException("weights file " + weights + " does not match " + source
                    + " (SHA-256 " + actual + ", expected " + d.weightsSha256() + "): the file is corrupted or"
                    + " belongs to another model");
        }
        NDManager manager = NDManager.newBaseManager(device);
        try {
            DprNetwork network = DprNetwork.of(config);
            try (InputStream in = new BufferedInputStream(Files.newInputStream(weights));
                    DataInputStream data = new DataInputStream(in)) {
                network.loadParameters(manager, data);
            }
            network.initializeFor(manager);
            long count = network.trainableParameterCount();
            if (count != d.parameterCount()) {
                throw new ModelFileException(source + " declares " + d.parameterCount()
                        + " parameters but its weights hold " + count);
            }
            return new DprModel(config, network, manager, d.provenance());
        } catch (IOException | MalformedModelException | IllegalArgumentException | IllegalStateException e) {
            manager.close();
            throw new ModelFileException("weights file " + weights + " does not fit " + config.describe() + ": "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static Path resolveWeights(Path descriptor, String weightsFile, String source) {
        Path name = Path.of(weightsFile);
        if (name.isAbsolute() || name.getNameCount() != 1) {
            throw new ModelFileException(source + " must name its weights file without a folder, got " + weightsFile);
        }
        Path folder = descriptor.toAbsolutePath().getParent();
        Path weights = folder.resolve(name);
        if (!Files.isRegularFile(weights)) {
            throw new ModelFileException("weights file " + weights + " named by " + source + " does not exist");
        }
        return weights;
    }

    /**
     * Saves the model as {@code descriptor} ({@code name.json}) and {@code name.params} beside it, with
     * this model's provenance.
     */
    public void save(Path descriptor) {
        save(descriptor, provenance);
    }

    /**
     * Saves the model as {@code descriptor} ({@code name.json}) and {@code name.params} beside it,
     * recording {@code trainingProvenance} (e.g. data set, recipe, epochs, loss, commit).
     *
     * @throws IllegalArgumentException if {@code descriptor} does not end in {@value #DESCRIPTOR_EXTENSION}
     * @throws ModelFileException       if the files cannot be written
     */
    public void save(Path descriptor, Map<String, String> trainingProvenance) {
        String fileName = descriptor.getFileName().toString();
        if (!fileName.endsWith(DESCRIPTOR_EXTENSION) || fileName.length() == DESCRIPTOR_EXTENSION.length()) {
            throw new IllegalArgumentException("a model descriptor must be named NAME" + DESCRIPTOR_EXTENSION
                    + ", got " + fileName);
        }
        Path folder = descriptor.toAbsolutePath().getParent();
        String weightsName = fileName.substring(0, fileName.length() - DESCRIPTOR_EXTENSION.length())
                + WEIGHTS_EXTENSION;
        try {
            Files.createDirectories(folder);
            Path weightsTemp = Files.createTempFile(folder, "." + weightsName, ".tmp");
            Path descriptorTemp = Files.createTempFile(folder, "." + fileName, ".tmp");
            try {
                MessageDigest digest = sha256Digest();
                try (OutputStream file = Files.newOutputStream(weightsTemp);
                        DigestOutputStream hashed = new DigestOutputStream(new BufferedOutputStream(file), digest);
                        DataOutputStream out = new DataOutputStream(hashed)) {
                    network.saveParameters(out);
                }
                String hash = HexFormat.of().formatHex(digest.digest());
                ModelDescriptor d = ModelDescriptor.of(config, network.trainableParameterCount(), weightsName, hash,
                        Objects.requireNonNull(trainingProvenance, "trainingProvenance"));
                Files.writeString(descriptorTemp, d.toJson() + "\n", StandardCharsets.UTF_8);
                move(weightsTemp, folder.resolve(weightsName));
                move(descriptorTemp, folder.resolve(fileName));
            } finally {
                Files.deleteIfExists(weightsTemp);
                Files.deleteIfExists(descriptorTemp);
            }
        } catch (IOException e) {
            throw new ModelFileException("cannot write model file " + descriptor + ": " + e.getMessage(), e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String sha256(Path file, String source) {
        MessageDigest digest = sha256Digest();
        try (InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(file)), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new ModelFileException("cannot read weights of " + source + ": " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    public DprConfig config() {
        return config;
    }

    /** The network block (initialised; its parameters live on {@link #manager()}'s device). */
    public DprNetwork network() {
        return network;
    }

    /** The manager that holds the parameters. */
    public NDManager manager() {
        return manager;
    }

    public Device device() {
        return manager.getDevice();
    }

    /** Training provenance recorded with the model (empty for a fresh one). */
    public Map<String, String> provenance() {
        return provenance;
    }

    /**
     * The raw forward pass (I, M) → (x, ŝ) of {@link DprNetwork} with this model's parameters; in
     * training mode batch normalisation uses (and updates) batch statistics. The inputs must live on
     * this model's device; the outputs live on the inputs' manager.
     */
    public NDList forward(NDArray intensity, NDArray mask, boolean training) {
        requireOnDevice(intensity, mask);
        return network.forward(new ParameterStore(manager, false), new NDList(intensity, mask), training);
    }

    /** @throws IllegalArgumentException if an array is not on this model's device */
    void requireOnDevice(NDArray... arrays) {
        for (NDArray a : arrays) {
            if (!a.getDevice().equals(device())) {
                throw new IllegalArgumentException("inputs are on " + a.getDevice() + " but the model is on " + device()
                        + ": move them with toDevice first");
            }
        }
    }

    /** A predictor with an automatic batch size. */
    public DprPredictor newPredictor() {
        return new DprPredictor(this, 0);
    }

    /** A predictor that runs {@code batchSize} patterns at a time. */
    public DprPredictor newPredictor(int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        return new DprPredictor(this, batchSize);
    }

    /** Parameter counts per part and the geometry. */
    public ModelSummary summary() {
        return ModelSummary.of(network);
    }

    @Override
    public void close() {
        manager.close();
    }
}
