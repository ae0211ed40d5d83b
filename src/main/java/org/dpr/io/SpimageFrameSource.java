package org.dpr.io;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One frame from a libspimage HDF5 file (the format of Hawk, FXIhub): a root dataset
 * {@code intensities} (photons) or {@code real} (+ {@code imag} when {@code phased} = 1), a
 * {@code mask} (1 = valid, libspimage's convention), {@code shifted}, {@code scaled} and
 * {@code image_center}. libspimage stores 2-D images as [x, y, 1]; the trailing singleton axis
 * is dropped and the first stored axis becomes the rows.
 *
 * <ul>
 *   <li>{@code real} holds amplitudes √I when {@code scaled} = 1 (or is absent): they are
 *       squared (|real + i·imag|² for a phased image); with {@code scaled} = 0 they are intensities.</li>
 *   <li>{@code shifted} = 1 means the zero frequency sits at the corners: the image and its mask are
 *       fftshifted so that it lands at (H/2, W/2), dpr's centred convention.</li>
 *   <li>{@code image_center} (as stored, not checked) goes to {@link MetadataKeys#CENTRE_ROW_PX} /
 *       {@link MetadataKeys#CENTRE_COL_PX}; after a shift the centre is (H/2, W/2) by construction.</li>
 * </ul>
 *
 * <p>Values are read as stored. Known quirk of {@code optical-ring-processed.h5}: rows 42–48 of
 * {@code real} are zero but marked valid by its mask; they are not masked here (the measured-data
 * preprocessing decides what to do with such rows).
 */
final class SpimageFrameSource implements FrameSource {

    private final Path file;
    private final String source;
    private final DiffractionFrame frame;

    private SpimageFrameSource(Path file, String source, DiffractionFrame frame) {
        this.file = file;
        this.source = source;
        this.frame = frame;
    }

    /** Whether the root of the file looks like libspimage: a {@code real} or {@code intensities} dataset at the root. */
    static boolean isSpimage(Group root) {
        return Hdf5Support.findDataset(root, "/real").isPresent()
                || Hdf5Support.findDataset(root, "/intensities").isPresent();
    }

    static SpimageFrameSource open(Path file, ReadOptions options) {
        try (HdfFile hdf = Hdf5Support.open(file)) {
            return new SpimageFrameSource(file, sourceName(hdf), readFrame(file, hdf, options));
        }
    }

    private static String sourceName(HdfFile hdf) {
        return Hdf5Support.findDataset(hdf, "/real").isPresent() ? "/real" : "/intensities";
    }

    private static DiffractionFrame readFrame(Path file, HdfFile hdf, ReadOptions options) {
        String name = sourceName(hdf);
        Dataset values = Hdf5Support.requireDataset(hdf, name, "libspimage image");
        Hdf5Support.requireNumeric(values, file);
        int[] dims = squeeze(values.getDimensions(), values.getPath(), file);
        int h = dims[0];
        int w = dims[1];
        float[] v = Hdf5Support.readFloats(values, new long[values.getDimensions().length], values.getDimensions());
        double scaled = scalar(hdf, "scaled").orElse(1);
        double phased = scalar(hdf, "phased").orElse(0);
        float[] intensity;
        if (name.equals("/real") && scaled != 0) {
            Optional<Dataset> imagSet = phased != 0 ? Hdf5Support.findDataset(hdf, "/imag") : Optional.empty();
            float[] im = imagSet.map(d -> Hdf5Support.readFloats(d, new long[d.getDimensions().length], d.getDimensions()))
                    .orElse(null);
            intensity = new float[h * w];
            for (int i = 0; i < intensity.length; i++) {
                float imag = im == null ? 0f : im[i];
                intensity[i] = v[i] * v[i] + imag * imag;
            }
        } else {
            intensity = v;
        }
        byte[] mask = new byte[h * w];
        Arrays.fill(mask, (byte) 1);
        Optional<Dataset> maskSet = options.maskPath().isPresent()
                ? Optional.of(Hdf5Support.requireDataset(hdf, options.maskPath().get(), "mask path"))
                : Hdf5Support.findDataset(hdf, "/mask");
        if (maskSet.isPresent()) {
            Dataset m = maskSet.get();
            Hdf5Support.requireNumeric(m, file);
            int[] md = squeeze(m.getDimensions(), m.getPath(), file);
            if (md[0] != h || md[1] != w) {
                throw new DataFormatException("mask " + m.getPath() + " in " + file + " is " + Hdf5Support.shape(md)
                        + " but the image is " + Hdf5Support.shape(new int[]{h, w}));
            }
            MaskConvention convention = options.maskConvention().orElse(MaskConvention.VALID);
            float[] stored = Hdf5Support.readFloats(m, new long[m.getDimensions().length], m.getDimensions());
            for (int i = 0; i < mask.length; i++) {
                mask[i] = (byte) (convention.isMeasured(stored[i]) ? 1 : 0);
            }
        }
        FrameMetadata meta = FrameMetadata.empty()
                .withText(MetadataKeys.SOURCE_FILE, file.toString())
                .withText(MetadataKeys.SOURCE_DATASET, name)
                .with(FrameMetadata.FRAME_INDEX, 0);
        boolean shifted = scalar(hdf, "shifted").orElse(0) != 0;
        if (shifted) {
            intensity = fftshift(intensity, h, w);
            mask = fftshift(mask, h, w);
            meta = meta.with(MetadataKeys.CENTRE_ROW_PX, h / 2).with(MetadataKeys.CENTRE_COL_PX, w / 2);
        } else {
            Optional<Dataset> centre = Hdf5Support.findDataset(hdf, "/image_center");
            if (centre.isPresent() && centre.get().getSize() >= 2 && Hdf5Support.isNumeric(centre.get())) {
                double[] c = Hdf5Support.readDoubles(centre.get());
                meta = meta.with(MetadataKeys.CENTRE_ROW_PX, c[0]).with(MetadataKeys.CENTRE_COL_PX, c[1]);
            }
        }
        meta = withScalar(hdf, meta, "detector_distance", MetadataKeys.SPIMAGE_DETECTOR_DISTANCE);
        meta = withScalar(hdf, meta, "lambda", MetadataKeys.SPIMAGE_LAMBDA);
        meta = withScalar(hdf, meta, "pixel_size", MetadataKeys.SPIMAGE_PIXEL_SIZE);
        return new DiffractionFrame(h, w, intensity, mask, null, meta);
    }

    private static FrameMetadata withScalar(HdfFile hdf, FrameMetadata meta, String name, String key) {
        OptionalDouble v = scalar(hdf, name);
        return v.isPresent() ? meta.with(key, v.getAsDouble()) : meta;
    }

    private static OptionalDouble scalar(HdfFile hdf, String name) {
        return Hdf5Support.number(hdf, "", name);
    }

    /** Drops trailing singleton axes ([x, y, 1] → [x, y]); anything but 2-D after that is refused. */
    private static int[] squeeze(int[] dims, String path, Path file) {
        int rank = dims.length;
        while (rank > 2 && dims[rank - 1] == 1) {
            rank--;
        }
        if (rank != 2) {
            throw new DataFormatException(path + " in " + file + " has shape " + Hdf5Support.shape(dims)
                    + "; dpr reads 2-D libspimage images only");
        }
        return new int[]{dims[0], dims[1]};
    }

    /** numpy.fft.fftshift of a row-major image: element (r, c) moves to ((r + H/2) mod H, (c + W/2) mod W). */
    static float[] fftshift(float[] in, int h, int w) {
        float[] out = new float[in.length];
        for (int r = 0; r < h; r++) {
            int rr = (r + h / 2) % h;
            for (int c = 0; c < w; c++) {
                out[rr * w + (c + w / 2) % w] = in[r * w + c];
            }
        }
        return out;
    }

    static byte[] fftshift(byte[] in, int h, int w) {
        byte[] out = new byte[in.length];
        for (int r = 0; r < h; r++) {
            int rr = (r + h / 2) % h;
            for (int c = 0; c < w; c++) {
                out[rr * w + (c + w / 2) % w] = in[r * w + c];
            }
        }
        return out;
    }

    @Override
    public int frameCount() {
        return 1;
    }

    @Override
    public int height() {
        return frame.height();
    }

    @Override
    public int width() {
        return frame.width();
    }

    @Override
    public DiffractionFrame read(int index) {
        if (index != 0) {
            throw new IndexOutOfBoundsException("frame " + index + " of 1");
        }
        return new DiffractionFrame(frame.height(), frame.width(), frame.intensity().clone(), frame.mask().clone(),
                null, frame.metadata());
    }

    @Override
    public String description() {
        return file + ":" + source + " (libspimage)";
    }

    @Override
    public void close() {
        // the file was read whole and closed at open
    }
}
