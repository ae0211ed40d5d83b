package org.dpr.io;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Writes diffraction frames to a CXI file that {@link FrameSources} (and h5py, Hawk, CXI viewers)
 * read back:
 *
 * <ul>
 *   <li>{@code /entry_1/data_1/data} float32 [frames, N, N], photons, one chunk per frame,
 *       shuffle + deflate ({@link WriteOptions});</li>
 *   <li>{@code /entry_1/data_1/mask} uint8 [frames, N, N] in CXI convention (non-zero = missing);</li>
 *   <li>{@code /entry_1/sample_1/ground_truth} float32 [frames, n, n] when the frames carry one
 *       (amplitude units, √photons);</li>
 *   <li>one 1-D float64 dataset per numeric metadata key under {@code /entry_1/sample_1}
 *       ({@code flux_factor}, {@code flux_photons}, {@code coherence_length_px}, {@code seed}, …;
 *       NaN for a frame without the key; seeds are exact below 2^53);</li>
 *   <li>geometry of the first frame at the CXI places: {@code instrument_1/detector_1/distance}
 *       and {@code x_pixel_size}/{@code y_pixel_size} (m), {@code instrument_1/source_1/energy} (J)
 *       and {@code wavelength} (m);</li>
 *   <li>{@code /cxi_version} = {@value CxiPaths#WRITTEN_CXI_VERSION}, and string attributes on
 *       {@code /entry_1} for provenance ({@link #putAttribute}: command line, dpr version…).</li>
 * </ul>
 *
 * <p>Nothing is on disk before {@link #close()}, which writes a temporary file and moves it into
 * place; see {@link HdfStackWriter} for the memory this takes and how to avoid a short file
 * ({@link #abort()}, {@link WriteOptions#withExpectedFrames(int)}).
 */
public final class CxiWriter implements AutoCloseable {

    private static final double JOULE_PER_EV = 1.602176634e-19;
    private static final Set<String> GEOMETRY = Set.of(FrameMetadata.DETECTOR_DISTANCE_M, FrameMetadata.PIXEL_SIZE_M,
            FrameMetadata.PHOTON_ENERGY_EV, FrameMetadata.WAVELENGTH_M, FrameMetadata.FRAME_INDEX);

    private final HdfStackWriter out;
    private final Map<String, HdfStackWriter.Series> series = new LinkedHashMap<>();
    private HdfStackWriter.FloatStack data;
    private HdfStackWriter.ByteStack mask;
    private HdfStackWriter.FloatStack groundTruth;
    private int height;
    private int width;
    private int truthSize;
    private int frames;

    private CxiWriter(Path target, WriteOptions options) {
        this.out = HdfStackWriter.create(target, options);
        out.putScalar(CxiPaths.CXI_VERSION, (long) CxiPaths.WRITTEN_CXI_VERSION);
    }

    public static CxiWriter create(Path target) {
        return create(target, WriteOptions.withDefaults());
    }

    public static CxiWriter create(Path target, WriteOptions options) {
        return new CxiWriter(target, options);
    }

    /** A string attribute on {@code /entry_1} (provenance: command line, program version, parameters). */
    public void putAttribute(String name, String value) {
        out.putAttribute(CxiPaths.ENTRY, name, value);
    }

    /** The general writer underneath, for extra datasets and attributes. */
    public HdfStackWriter file() {
        return out;
    }

    /**
     * Appends one frame. The first frame fixes the size, and whether there is a ground truth; later
     * frames must agree.
     */
    public synchronized void append(DiffractionFrame frame) {
        if (data == null) {
            start(frame);
        } else if (frame.height() != height || frame.width() != width) {
            throw new IllegalArgumentException("frame " + frames + " is " + frame.height() + "×" + frame.width()
                    + " but the file holds " + height + "×" + width + " frames");
        } else if (frame.groundTruthSize() != truthSize) {
            throw new IllegalArgumentException("frame " + frames + " has ground truth of size " + frame.groundTruthSize()
                    + " but earlier frames have " + truthSize);
        }
        data.append(frame.intensity());
        byte[] stored = new byte[frame.mask().length];
        byte[] measured = frame.mask();
        for (int i = 0; i < stored.length; i++) {
            stored[i] = (byte) MaskConvention.CXI.encode(measured[i] != 0);
        }
        mask.append(stored);
        if (groundTruth != null) {
            groundTruth.append(frame.groundTruth());
        }
        for (Map.Entry<String, Double> e : frame.metadata().numbers().entrySet()) {
            if (!GEOMETRY.contains(e.getKey()) && !series.containsKey(e.getKey())) {
                HdfStackWriter.Series s = out.float64Series(CxiPaths.SAMPLE + "/" + e.getKey());
                for (int k = 0; k < frames; k++) {
                    s.append(Double.NaN);
                }
                series.put(e.getKey(), s);
            }
        }
        for (Map.Entry<String, HdfStackWriter.Series> e : series.entrySet()) {
            e.getValue().append(frame.metadata().number(e.getKey()).orElse(Double.NaN));
        }
        frames++;
    }

    private void start(DiffractionFrame first) {
        height = first.height();
        width = first.width();
        truthSize = first.groundTruthSize();
        data = out.floatStack(CxiPaths.DATA, height, width);
        mask = out.uint8Stack(CxiPaths.MASK, height, width);
        out.putAttribute(CxiPaths.DATA, "units", "photons");
        out.putAttribute(CxiPaths.DATA, "axes", "frame:y:x");
        out.putAttribute(CxiPaths.MASK, "convention", "CXI: non-zero = missing pixel");
        if (truthSize > 0) {
            groundTruth = out.floatStack(CxiPaths.GROUND_TRUTH, truthSize, truthSize);
            out.putAttribute(CxiPaths.GROUND_TRUTH, "units", "sqrt(photons): |FFT(pad(object))|^2 is the coherent intensity");
        }
        FrameMetadata m = first.metadata();
        m.number(FrameMetadata.DETECTOR_DISTANCE_M).ifPresent(v -> out.putScalar(CxiPaths.DETECTOR + "/distance", v));
        m.number(FrameMetadata.PIXEL_SIZE_M).ifPresent(v -> {
            out.putScalar(CxiPaths.DETECTOR + "/x_pixel_size", v);
            out.putScalar(CxiPaths.DETECTOR + "/y_pixel_size", v);
        });
        m.number(FrameMetadata.PHOTON_ENERGY_EV).ifPresent(v -> out.putScalar(CxiPaths.SOURCE + "/energy", v * JOULE_PER_EV));
        m.number(FrameMetadata.WAVELENGTH_M).ifPresent(v -> out.putScalar(CxiPaths.SOURCE + "/wavelength", v));
    }

    /** Frames appended so far. */
    public synchronized int frameCount() {
        return frames;
    }

    /** Discards everything; no file is written. */
    public void abort() {
        out.abort();
    }

    /** Writes the file atomically (see {@link HdfStackWriter#close()}). */
    @Override
    public void close() {
        out.close();
    }
}
