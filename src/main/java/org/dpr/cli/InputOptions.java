package org.dpr.cli;

import org.dpr.io.FrameRange;
import org.dpr.io.MaskConvention;
import org.dpr.io.NanPolicy;
import org.dpr.io.ReadOptions;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Input options shared by every command that reads diffraction frames; add with
 * {@code @Mixin InputOptions input;} and call {@link #toReadOptions()}.
 */
public final class InputOptions {

    @Option(names = "--data", paramLabel = "PATH",
            description = "HDF5 dataset of the frames (default: /entry_1/data_1/data, "
                    + "/entry_1/instrument_1/detector_1/data or /entry_1/image_1/data; soft links are followed).")
    private String dataPath;

    @Option(names = "--mask", paramLabel = "PATH",
            description = "HDF5 dataset of the mask, 2-D (shared) or 3-D (per frame) (default: 'mask' beside the data).")
    private String maskPath;

    @Option(names = "--mask-convention", paramLabel = "cxi|valid", converter = ConventionConverter.class,
            description = "How the file's mask is stored: cxi = non-zero is a bad pixel (default for CXI files), "
                    + "valid = non-zero is measured (default for other files).")
    private MaskConvention maskConvention;

    @Option(names = "--mask-file", paramLabel = "FILE",
            description = "A detector mask (HDF5, TIFF, PNG or .npy) applied to every frame.")
    private Path maskFile;

    @Option(names = "--mask-file-dataset", paramLabel = "PATH",
            description = "The dataset of the mask inside an HDF5 --mask-file (default: found automatically).")
    private String maskFileDataset;

    @Option(names = "--mask-file-convention", paramLabel = "cxi|valid", converter = ConventionConverter.class,
            description = "How --mask-file is stored (default: cxi for CXI files, valid otherwise).")
    private MaskConvention maskFileConvention;

    @Option(names = "--frames", paramLabel = "A:B", converter = RangeConverter.class,
            description = "Frames to read, 0-based, end exclusive: A:B, A:, :B or A (default: all).")
    private FrameRange frames;

    @Option(names = "--nan", paramLabel = "reject|mask", converter = NanConverter.class,
            description = "What to do with NaN or infinite intensities: reject the frame (default) or mask the pixels.")
    private NanPolicy nanPolicy;

    /** The read options these flags describe. */
    public ReadOptions toReadOptions() {
        ReadOptions options = ReadOptions.withDefaults();
        if (dataPath != null) {
            options = options.withDataPath(dataPath);
        }
        if (maskPath != null) {
            options = options.withMaskPath(maskPath);
        }
        if (maskConvention != null) {
            options = options.withMaskConvention(maskConvention);
        }
        if (maskFile != null) {
            options = options.withMaskFile(maskFile);
        }
        if (maskFileDataset != null) {
            options = options.withMaskFileDataPath(maskFileDataset);
        }
        if (maskFileConvention != null) {
            options = options.withMaskFileConvention(maskFileConvention);
        }
        if (frames != null) {
            options = options.withFrames(frames);
        }
        if (nanPolicy != null) {
            options = options.withNanPolicy(nanPolicy);
        }
        return options;
    }

    static final class ConventionConverter implements ITypeConverter<MaskConvention> {
        @Override
        public MaskConvention convert(String value) {
            try {
                return MaskConvention.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class RangeConverter implements ITypeConverter<FrameRange> {
        @Override
        public FrameRange convert(String value) {
            try {
                return FrameRange.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class NanConverter implements ITypeConverter<NanPolicy> {
        @Override
        public NanPolicy convert(String value) {
            try {
                return NanPolicy.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("must be 'reject' or 'mask', got '" + value + "'");
            }
        }
    }
}
