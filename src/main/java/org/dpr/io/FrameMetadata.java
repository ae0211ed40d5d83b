package org.dpr.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Numbers and words that travel with a frame: detector geometry, source, and the per-frame
 * parameters of a simulation. Keys are plain strings; the common ones are constants here, with
 * their units in the name. Immutable.
 */
public final class FrameMetadata {
    /** Sample–detector distance in metres. */
    public static final String DETECTOR_DISTANCE_M = "detector_distance_m";
    /** Detector pixel size in metres. */
    public static final String PIXEL_SIZE_M = "pixel_size_m";
    /** Wavelength in metres. */
    public static final String WAVELENGTH_M = "wavelength_m";
    /** Photon energy in eV. */
    public static final String PHOTON_ENERGY_EV = "photon_energy_ev";
    /** Simulation: factor that scaled the noise-free intensity to the frame's total flux. */
    public static final String FLUX_FACTOR = "flux_factor";
    /** Simulation: total photons of the noise-free, partially coherent pattern. */
    public static final String FLUX_PHOTONS = "flux_photons";
    /** Simulation: spatial coherence length σ_μ in pixels of the autocorrelation (eq. 3). */
    public static final String COHERENCE_LENGTH_PX = "coherence_length_px";
    /** Simulation: the seed of this frame's random draws. */
    public static final String SEED = "seed";
    /** Index of the frame in its source file. */
    public static final String FRAME_INDEX = "frame_index";

    private static final FrameMetadata EMPTY = new FrameMetadata(Map.of(), Map.of());

    private final Map<String, Double> numbers;
    private final Map<String, String> texts;

    private FrameMetadata(Map<String, Double> numbers, Map<String, String> texts) {
        this.numbers = Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
        this.texts = Collections.unmodifiableMap(new LinkedHashMap<>(texts));
    }

    public static FrameMetadata empty() {
        return EMPTY;
    }

    /** A copy with {@code key} set to {@code value}. */
    public FrameMetadata with(String key, double value) {
        Map<String, Double> copy = new LinkedHashMap<>(numbers);
        copy.put(key, value);
        return new FrameMetadata(copy, texts);
    }

    /** A copy with text {@code key} set to {@code value}. */
    public FrameMetadata withText(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(texts);
        copy.put(key, value);
        return new FrameMetadata(numbers, copy);
    }

    public OptionalDouble number(String key) {
        Double v = numbers.get(key);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    public java.util.Optional<String> text(String key) {
        return java.util.Optional.ofNullable(texts.get(key));
    }

    public Map<String, Double> numbers() {
        return numbers;
    }

    public Map<String, String> texts() {
        return texts;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FrameMetadata other && numbers.equals(other.numbers) && texts.equals(other.texts);
    }

    @Override
    public int hashCode() {
        return numbers.hashCode() * 31 + texts.hashCode();
    }

    @Override
    public String toString() {
        return "FrameMetadata" + numbers + texts;
    }
}
