package org.dpr.io;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one way in: opens any file dpr reads as a lazy {@link FrameSource}, and reads detector
 * masks. The format is recognised by content (signature bytes), then by extension:
 *
 * <ul>
 *   <li>HDF5 with {@code /entry_1} or {@code /cxi_version}: CXI (frames and mask found as
 *       {@link Hdf5FrameSource} describes; mask convention CXI, non-zero = bad);</li>
 *   <li>HDF5 with {@code real} or {@code intensities} at the root: libspimage/Hawk (amplitudes
 *       squared, {@code shifted} undone; mask convention VALID);</li>
 *   <li>other HDF5: the dataset at the data path or the only 2-D/3-D dataset (mask convention VALID);</li>
 *   <li>TIFF (8/16/32-bit grey, one frame per page), PNG (grey), {@code .npy} (2-D or 3-D C order).</li>
 * </ul>
 *
 * <p>Every failure is a {@link DataFormatException} with a one-line message: missing file, not
 * HDF5, no dataset at the path (the datasets that exist are listed), 1-D data, NaN values (with
 * {@link NanPolicy#REJECT}), a mask whose shape does not match the frames.
 */
public final class FrameSources {

    private static final List<String> MASK_SEARCH_ORDER = List.of(CxiPaths.MASK,
            "/entry_1/instrument_1/detector_1/mask", "/mask", "/data/mask");

    private FrameSources() {
    }

    /** Opens {@code file} with the default options. */
    public static FrameSource open(Path file) {
        return open(file, ReadOptions.withDefaults());
    }

    /** Opens {@code file} as a lazy frame source; close it when done. */
    public static FrameSource open(Path file, ReadOptions options) {
        FrameSource raw = openRaw(file, options);
        try {
            DetectorMask detectorMask = options.maskFile().map(m -> readMask(m, options)).orElse(null);
            return new ConfiguredFrameSource(raw, options, detectorMask);
        } catch (RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** The format of {@code file}, HDF5 files told apart by content. */
    public static FileFormat detect(Path file) {
        FileFormat format = FileFormat.sniff(file);
        if (format != FileFormat.HDF5) {
            return format;
        }
        try (HdfFile hdf = Hdf5Support.open(file)) {
            return hdf5Kind(hdf);
        }
    }

    private static FileFormat hdf5Kind(HdfFile hdf) {
        if (Hdf5FrameSource.isCxi(hdf)) {
            return FileFormat.CXI;
        }
        return SpimageFrameSource.isSpimage(hdf) ? FileFormat.LIBSPIMAGE : FileFormat.HDF5;
    }

    private static FrameSource openRaw(Path file, ReadOptions options) {
        FileFormat format = detect(file);
        return switch (format) {
            case CXI, HDF5 -> Hdf5FrameSource.open(file, options);
            case LIBSPIMAGE -> options.dataPath().isPresent()
                    ? Hdf5FrameSource.open(file, options) : SpimageFrameSource.open(file, options);
            case TIFF -> ImageFrameSource.open(file, "tiff");
            case PNG -> ImageFrameSource.open(file, "png");
            case NPY -> NpyFrameSource.open(file);
        };
    }

    /**
     * Reads a 2-D detector mask from any supported file, in memory convention (1 = measured). In an
     * HDF5 file the dataset is the mask-file data path of the options, else the first of
     * {@code /entry_1/data_1/mask}, {@code /entry_1/instrument_1/detector_1/mask}, {@code /mask},
     * {@code /data/mask}, else the only 2-D dataset (e.g. {@code /data/data} of an LCLS mask file).
     * The stored convention is the mask-file convention of the options, else CXI for a CXI file and
     * VALID (non-zero = measured) for everything else — boolean masks from h5py/numpy mean
     * True = good, 8-bit mask pictures white = good. Singleton axes ([1, H, W], [H, W, 1]) are dropped.
     */
    public static DetectorMask readMask(Path file, ReadOptions options) {
        FileFormat format = detect(file);
        float[] stored;
        int h;
        int w;
        MaskConvention convention;
        if (format == FileFormat.CXI || format == FileFormat.HDF5 || format == FileFormat.LIBSPIMAGE) {
            try (HdfFile hdf = Hdf5Support.open(file)) {
                Dataset d = maskDataset(hdf, file, options);
                Hdf5Support.requireNumeric(d, file);
                int[] dims = squeeze(d.getDimensions());
                if (dims.length != 2) {
                    throw new DataFormatException("mask " + d.getPath() + " in " + file + " has shape "
                            + Hdf5Support.shape(d.getDimensions()) + "; a detector mask must be 2-D");
                }
                h = dims[0];
                w = dims[1];
                stored = Hdf5Support.readFloats(d, new long[d.getDimensions().length], d.getDimensions());
                convention = options.maskFileConvention()
                        .orElse(format == FileFormat.CXI ? MaskConvention.CXI : MaskConvention.VALID);
            }
        } else {
            try (FrameSource source = openRaw(file, ReadOptions.withDefaults())) {
                if (source.frameCount() != 1) {
                    throw new DataFormatException("mask file " + file + " holds " + source.frameCount()
                            + " images; a detector mask must be a single 2-D image");
                }
                DiffractionFrame frame = source.read(0);
                stored = frame.intensity();
                h = frame.height();
                w = frame.width();
                convention = options.maskFileConvention().orElse(MaskConvention.VALID);
            }
        }
        byte[] measured = new byte[stored.length];
        for (int i = 0; i < stored.length; i++) {
            measured[i] = (byte) (convention.isMeasured(stored[i]) ? 1 : 0);
        }
        return new DetectorMask(h, w, measured);
    }

    private static Dataset maskDataset(HdfFile hdf, Path file, ReadOptions options) {
        if (options.maskFileDataPath().isPresent()) {
            return Hdf5Support.requireDataset(hdf, options.maskFileDataPath().get(), "mask dataset");
        }
        for (String candidate : MASK_SEARCH_ORDER) {
            Optional<Dataset> d = Hdf5Support.findDataset(hdf, candidate);
            if (d.isPresent()) {
                return d.get();
            }
        }
        List<Dataset> images = new ArrayList<>();
        for (String entry : Hdf5Support.datasets(hdf)) {
            Hdf5Support.findDataset(hdf, entry.substring(0, entry.indexOf(' ')))
                    .filter(d -> squeeze(d.getDimensions()).length == 2)
                    .ifPresent(images::add);
        }
        if (images.size() == 1) {
            return images.get(0);
        }
        throw new DataFormatException("no mask found in " + file + ": none of " + String.join(", ", MASK_SEARCH_ORDER)
                + " exists and there is not exactly one 2-D dataset; give the dataset with --mask-file-dataset PATH;"
                + " datasets there: " + Hdf5Support.listing(hdf));
    }

    private static int[] squeeze(int[] dims) {
        return java.util.Arrays.stream(dims).filter(d -> d != 1).toArray();
    }
}
