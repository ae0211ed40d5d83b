package org.dpr.io;

/**
 * Metadata keys that the readers set beyond the standard ones of {@link FrameMetadata}. Numbers
 * are in the units their names say; keys without a unit carry the file's own undocumented units.
 */
public final class MetadataKeys {
    /** Row of the zero frequency (beam centre) in pixels, as the file states it. */
    public static final String CENTRE_ROW_PX = "centre_row_px";
    /** Column of the zero frequency (beam centre) in pixels, as the file states it. */
    public static final String CENTRE_COL_PX = "centre_col_px";
    /** libspimage {@code detector_distance}, in the file's units (Hawk does not document them). */
    public static final String SPIMAGE_DETECTOR_DISTANCE = "spimage_detector_distance";
    /** libspimage {@code lambda} (wavelength), in the file's units. */
    public static final String SPIMAGE_LAMBDA = "spimage_lambda";
    /** libspimage {@code pixel_size}, in the file's units. */
    public static final String SPIMAGE_PIXEL_SIZE = "spimage_pixel_size";
    /** Text: the file a frame was read from. */
    public static final String SOURCE_FILE = "source_file";
    /** Text: the dataset (or format) the frames were read from. */
    public static final String SOURCE_DATASET = "source_dataset";

    private MetadataKeys() {
    }
}
