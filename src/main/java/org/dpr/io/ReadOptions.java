package org.dpr.io;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link FrameSources#open(Path, ReadOptions)} reads a file. Immutable: every {@code with…}
 * returns a new instance and validates its argument.
 *
 * <p>Defaults ({@link #withDefaults()}): frames found in the usual places of the format (for
 * CXI {@code /entry_1/data_1/data}, {@code /entry_1/instrument_1/detector_1/data},
 * {@code /entry_1/image_1/data}); the mask from a {@code mask} dataset beside the data; the mask
 * convention of the format ({@link MaskConvention#CXI} for CXI files, {@link MaskConvention#VALID}
 * otherwise); no detector mask file; every frame; NaN values rejected.
 */
public final class ReadOptions {

    private static final ReadOptions DEFAULTS = new ReadOptions(null, null, null, null, null, null,
            FrameRange.ALL, NanPolicy.REJECT);

    private final String dataPath;
    private final String maskPath;
    private final MaskConvention maskConvention;
    private final Path maskFile;
    private final String maskFileDataPath;
    private final MaskConvention maskFileConvention;
    private final FrameRange frames;
    private final NanPolicy nanPolicy;

    private ReadOptions(String dataPath, String maskPath, MaskConvention maskConvention, Path maskFile,
                        String maskFileDataPath, MaskConvention maskFileConvention, FrameRange frames,
                        NanPolicy nanPolicy) {
        this.dataPath = dataPath;
        this.maskPath = maskPath;
        this.maskConvention = maskConvention;
        this.maskFile = maskFile;
        this.maskFileDataPath = maskFileDataPath;
        this.maskFileConvention = maskFileConvention;
        this.frames = frames;
        this.nanPolicy = nanPolicy;
    }

    public static ReadOptions withDefaults() {
        return DEFAULTS;
    }

    /** Reads the frames from this HDF5 dataset path (e.g. {@code /entry_1/data_1/data}); soft links are followed. */
    public ReadOptions withDataPath(String path) {
        return new ReadOptions(hdfPath(path, "data path"), maskPath, maskConvention, maskFile, maskFileDataPath,
                maskFileConvention, frames, nanPolicy);
    }

    /** Reads the mask of the data file from this HDF5 dataset path (2-D shared, or 3-D per frame). */
    public ReadOptions withMaskPath(String path) {
        return new ReadOptions(dataPath, hdfPath(path, "mask path"), maskConvention, maskFile, maskFileDataPath,
                maskFileConvention, frames, nanPolicy);
    }

    /** Overrides the data file's mask convention (otherwise CXI for CXI files, VALID for others). */
    public ReadOptions withMaskConvention(MaskConvention convention) {
        return new ReadOptions(dataPath, maskPath, Objects.requireNonNull(convention, "convention"), maskFile,
                maskFileDataPath, maskFileConvention, frames, nanPolicy);
    }

    /**
     * Applies a detector mask read from {@code file} (any supported format) to every frame: a pixel
     * is measured only when both the frame's own mask and the detector mask say so.
     */
    public ReadOptions withMaskFile(Path file) {
        return new ReadOptions(dataPath, maskPath, maskConvention, Objects.requireNonNull(file, "file"),
                maskFileDataPath, maskFileConvention, frames, nanPolicy);
    }

    /** The dataset of the detector mask inside an HDF5 mask file (otherwise found automatically). */
    public ReadOptions withMaskFileDataPath(String path) {
        return new ReadOptions(dataPath, maskPath, maskConvention, maskFile, hdfPath(path, "mask file data path"),
                maskFileConvention, frames, nanPolicy);
    }

    /** The convention of the detector mask file (otherwise the default of its format). */
    public ReadOptions withMaskFileConvention(MaskConvention convention) {
        return new ReadOptions(dataPath, maskPath, maskConvention, maskFile, maskFileDataPath,
                Objects.requireNonNull(convention, "convention"), frames, nanPolicy);
    }

    /** Reads only these frames; frame 0 of the source is then frame {@code range.start()} of the file. */
    public ReadOptions withFrames(FrameRange range) {
        return new ReadOptions(dataPath, maskPath, maskConvention, maskFile, maskFileDataPath, maskFileConvention,
                Objects.requireNonNull(range, "range"), nanPolicy);
    }

    public ReadOptions withNanPolicy(NanPolicy policy) {
        return new ReadOptions(dataPath, maskPath, maskConvention, maskFile, maskFileDataPath, maskFileConvention,
                frames, Objects.requireNonNull(policy, "policy"));
    }

    public Optional<String> dataPath() {
        return Optional.ofNullable(dataPath);
    }

    public Optional<String> maskPath() {
        return Optional.ofNullable(maskPath);
    }

    public Optional<MaskConvention> maskConvention() {
        return Optional.ofNullable(maskConvention);
    }

    public Optional<Path> maskFile() {
        return Optional.ofNullable(maskFile);
    }

    public Optional<String> maskFileDataPath() {
        return Optional.ofNullable(maskFileDataPath);
    }

    public Optional<MaskConvention> maskFileConvention() {
        return Optional.ofNullable(maskFileConvention);
    }

    public FrameRange frames() {
        return frames;
    }

    public NanPolicy nanPolicy() {
        return nanPolicy;
    }

    private static String hdfPath(String path, String what) {
        Objects.requireNonNull(path, what);
        String p = path.trim();
        if (p.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return p.startsWith("/") ? p : "/" + p;
    }

    @Override
    public String toString() {
        return "ReadOptions[data=" + dataPath + ", mask=" + maskPath + ", convention=" + maskConvention
                + ", maskFile=" + maskFile + ", frames=" + frames + ", nan=" + nanPolicy + "]";
    }
}
