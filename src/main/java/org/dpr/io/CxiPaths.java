package org.dpr.io;

import java.util.List;

/**
 * Dataset paths of the CXI layout (Maia et al., "The Coherent X-ray Imaging Data Bank", Nature
 * Methods 9, 854 (2012); cxidb.org/cxi.html) that dpr reads and writes.
 */
public final class CxiPaths {
    /** Diffraction frames: float32 [frames, N, N] (or [N, N] for one frame). */
    public static final String DATA = "/entry_1/data_1/data";
    /** Mask beside the data: uint8 [frames, N, N] or [N, N], CXI convention (non-zero = bad). */
    public static final String MASK = "/entry_1/data_1/mask";
    /** Raw detector data, where {@link #DATA} is often a soft link to. */
    public static final String DETECTOR_DATA = "/entry_1/instrument_1/detector_1/data";
    /** Reconstructed images: float32 [frames, n, n]. */
    public static final String IMAGE_DATA = "/entry_1/image_1/data";
    /** The group of per-frame sample parameters (ground truth, flux factor, coherence length, seed). */
    public static final String SAMPLE = "/entry_1/sample_1";
    /** The object of a simulation: float32 [frames, n, n], amplitude units (√photons). */
    public static final String GROUND_TRUTH = SAMPLE + "/ground_truth";
    /** The entry group, carrier of provenance attributes. */
    public static final String ENTRY = "/entry_1";
    /** The detector group of the frames (distance, pixel size). */
    public static final String DETECTOR = "/entry_1/instrument_1/detector_1";
    /** The source group (energy in J, wavelength in m). */
    public static final String SOURCE = "/entry_1/instrument_1/source_1";
    /** Root dataset holding the CXI version number. */
    public static final String CXI_VERSION = "/cxi_version";
    /** The CXI version dpr writes. */
    public static final int WRITTEN_CXI_VERSION = 150;

    /** Where readers look for frames, in this order, when no data path is given. */
    public static final List<String> DATA_SEARCH_ORDER = List.of(DATA, DETECTOR_DATA, IMAGE_DATA);

    private CxiPaths() {
    }
}
