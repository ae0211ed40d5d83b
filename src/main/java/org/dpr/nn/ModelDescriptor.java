package org.dpr.nn;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.dpr.Geometry;

/**
 * The JSON descriptor of a DPR model file: what network the weights belong to, where they are, their
 * SHA-256, and how they were trained. It sits next to the weights file ({@code name.json} and
 * {@code name.params}) and is written last, so a descriptor always points at complete weights.
 *
 * @param format         always {@value #FORMAT}
 * @param formatVersion  {@value #FORMAT_VERSION}
 * @param preset         "paper", "small" or "custom" (informative; the sizes below decide)
 * @param windowPx       N
 * @param objectBoxPx    n = N/8
 * @param ngf            channels of the first layer
 * @param maxChannels    channel cap
 * @param encoder        {@link EncoderKind} name
 * @param decoder        {@link DecoderKind} name
 * @param parameterCount trainable parameters
 * @param weightsFile    file name of the weights, relative to the descriptor's folder
 * @param weightsFormat  {@value #WEIGHTS_FORMAT}: DJL's block parameter stream
 * @param weightsSha256  lower-case hex SHA-256 of the weights file
 * @param provenance     training provenance (data, recipe, epochs, commit, …), free-form text values
 */
public record ModelDescriptor(String format, int formatVersion, String preset, int windowPx, int objectBoxPx, int ngf,
        int maxChannels, String encoder, String decoder, long parameterCount, String weightsFile, String weightsFormat,
        String weightsSha256, Map<String, String> provenance) {

    public static final String FORMAT = "dpr-model";
    public static final int FORMAT_VERSION = 1;
    public static final String WEIGHTS_FORMAT = "djl-block-parameters";
    /**
     * Provenance key of the size of the model's training objects in pixels of its window (the 95th
     * percentile of their larger side), written by the trainer; {@code --fit-geometry} brings a measured
     * object to it. Older files lack it.
     */
    public static final String OBJECT_EXTENT_KEY = "object_extent_px";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    public ModelDescriptor {
        provenance = java.util.Collections.unmodifiableMap(new TreeMap<>(provenance == null ? Map.of() : provenance));
    }

    /** The descriptor of a network of {@code config} with the given weights file. */
    static ModelDescriptor of(DprConfig config, long parameterCount, String weightsFile, String weightsSha256,
            Map<String, String> provenance) {
        return new ModelDescriptor(FORMAT, FORMAT_VERSION, config.presetName(), config.geometry().windowPx(),
                config.geometry().objectBoxPx(), config.ngf(), config.maxChannels(), config.encoder().name(),
                config.decoder().name(), parameterCount, weightsFile, WEIGHTS_FORMAT, weightsSha256, provenance);
    }

    /**
     * The network configuration this descriptor describes.
     *
     * @throws ModelFileException if it names an unknown variant or impossible sizes
     */
    DprConfig config(String source) {
        try {
            return new DprConfig(new Geometry(windowPx, objectBoxPx), ngf, maxChannels,
                    EncoderKind.valueOf(Objects.requireNonNull(encoder, "encoder")),
                    DecoderKind.valueOf(Objects.requireNonNull(decoder, "decoder")));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ModelFileException(source + " describes no valid DPR network: " + e.getMessage(), e);
        }
    }

    /**
     * The size of the objects this model was trained on ({@value #OBJECT_EXTENT_KEY}), in pixels of its
     * window; empty when the file does not record it or records no positive number.
     */
    public OptionalDouble trainedObjectExtentPx() {
        String value = provenance.get(OBJECT_EXTENT_KEY);
        if (value == null) {
            return OptionalDouble.empty();
        }
        try {
            double px = Double.parseDouble(value.strip());
            return px > 0 && px <= objectBoxPx ? OptionalDouble.of(px) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /**
     * Reads and checks a descriptor file, without its weights.
     *
     * @throws ModelFileException if the file is missing, unreadable or not a dpr-model descriptor
     */
    public static ModelDescriptor read(Path file) {
        String source = "model file " + file;
        try {
            return fromJson(Files.readString(file, StandardCharsets.UTF_8), source);
        } catch (NoSuchFileException e) {
            throw new ModelFileException(source + " does not exist", e);
        } catch (IOException e) {
            throw new ModelFileException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    String toJson() {
        return GSON.toJson(this);
    }

    /**
     * Parses and checks the fields a model file needs.
     *
     * @throws ModelFileException if the text is not a dpr-model descriptor of a known version
     */
    public static ModelDescriptor fromJson(String json, String source) {
        ModelDescriptor d;
        try {
            d = GSON.fromJson(json, ModelDescriptor.class);
        } catch (JsonParseException e) {
            throw new ModelFileException(source + " is not valid JSON: " + e.getMessage(), e);
        }
        if (d == null || !FORMAT.equals(d.format())) {
            throw new ModelFileException(source + " is not a DPR model descriptor (no \"format\": \"" + FORMAT + "\")");
        }
        if (d.formatVersion() != FORMAT_VERSION) {
            throw new ModelFileException(source + " has model format version " + d.formatVersion()
                    + "; this program reads version " + FORMAT_VERSION);
        }
        if (d.weightsFile() == null || d.weightsSha256() == null || !WEIGHTS_FORMAT.equals(d.weightsFormat())) {
            throw new ModelFileException(source + " does not name its weights file, their format ("
                    + WEIGHTS_FORMAT + ") and their SHA-256");
        }
        return new ModelDescriptor(d.format, d.formatVersion, d.preset, d.windowPx, d.objectBoxPx, d.ngf,
                d.maxChannels, d.encoder, d.decoder, d.parameterCount, d.weightsFile, d.weightsFormat,
                d.weightsSha256, d.provenance);
    }
}
