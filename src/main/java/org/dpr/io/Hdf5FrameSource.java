package org.dpr.io;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Frames from a CXI or any other HDF5 file, read lazily: each {@link #read} takes one
 * [1, H, W] hyperslab of the data (and of a per-frame mask and ground truth), so a 10^5-frame
 * file is never loaded whole. With a chunked file written by {@link CxiWriter} (one chunk per
 * frame) a read decompresses exactly one chunk per dataset.
 *
 * <p>Where things are found: the frames at the data path of the options, else the first of
 * {@link CxiPaths#DATA_SEARCH_ORDER} that exists (soft links followed), else the only dataset of
 * rank 2 or 3 in the file. The mask at the mask path of the options, else a {@code mask} (or
 * {@code mask_shared}) dataset beside the data — beside the link or beside its target. The
 * ground truth at {@link CxiPaths#GROUND_TRUTH}. Per-frame numbers: every 1-D numeric dataset
 * with one value per frame in {@link CxiPaths#SAMPLE} or beside the data (e.g. {@code flux_factor},
 * {@code seed}, {@code r_factor}); scalars there apply to every frame. Geometry: detector
 * {@code distance} and {@code x_pixel_size} (m), source {@code energy} (J → eV) and
 * {@code wavelength} (m). Text: string attributes of {@code /entry_1} and of the data's group.
 *
 * <p>Not thread-safe for concurrent reads on one instance (reads are serialised).
 */
final class Hdf5FrameSource implements FrameSource {

    private static final double JOULE_PER_EV = 1.602176634e-19;

    private final Path file;
    private final HdfFile hdf;
    private final Dataset data;
    private final String dataPath;
    private final int frames;
    private final int height;
    private final int width;
    private final MaskConvention convention;
    private final byte[] sharedMask;
    private final Dataset frameMask;
    private final Dataset groundTruth;
    private final int groundTruthSize;
    private final Map<String, double[]> perFrame;
    private final FrameMetadata common;

    private Hdf5FrameSource(Path file, HdfFile hdf, ReadOptions options) {
        this.file = file;
        this.hdf = hdf;
        boolean cxi = isCxi(hdf);
        this.dataPath = options.dataPath().orElseGet(() -> defaultDataPath(hdf, file));
        this.data = Hdf5Support.requireDataset(hdf, dataPath, "data path");
        Hdf5Support.requireNumeric(data, file);
        int[] dims = data.getDimensions();
        if (dims.length < 2 || dims.length > 3) {
            throw new DataFormatException(dataPath + " in " + file + " is " + dims.length + "-D "
                    + Hdf5Support.shape(dims) + "; dpr needs 2-D frames or a 3-D stack [frames, rows, columns]");
        }
        this.frames = dims.length == 3 ? dims[0] : 1;
        this.height = dims[dims.length - 2];
        this.width = dims[dims.length - 1];
        if (frames == 0 || height == 0 || width == 0) {
            throw new DataFormatException(dataPath + " in " + file + " is empty " + Hdf5Support.shape(dims));
        }
        this.convention = options.maskConvention().orElse(cxi ? MaskConvention.CXI : MaskConvention.VALID);

        Dataset mask = findMask(options);
        byte[] shared = null;
        Dataset perFrameMask = null;
        if (mask != null) {
            Hdf5Support.requireNumeric(mask, file);
            int[] m = mask.getDimensions();
            if (m.length == 2 && m[0] == height && m[1] == width) {
                shared = toMask(Hdf5Support.readFloats(mask, new long[2], m));
            } else if (m.length == 3 && m[1] == height && m[2] == width && (m[0] == frames || m[0] == 1)) {
                if (m[0] == 1) {
                    shared = toMask(Hdf5Support.readFloats(mask, new long[3], m));
                } else {
                    perFrameMask = mask;
                }
            } else {
                throw new DataFormatException("mask " + mask.getPath() + " in " + file + " has shape "
                        + Hdf5Support.shape(m) + " but the frames are " + Hdf5Support.shape(new int[]{frames, height, width})
                        + "; a mask must be [rows×columns] (shared) or [frames×rows×columns]");
            }
        }
        this.sharedMask = shared;
        this.frameMask = perFrameMask;

        this.groundTruth = Hdf5Support.findDataset(hdf, CxiPaths.GROUND_TRUTH).orElse(null);
        this.groundTruthSize = groundTruth == null ? 0 : checkGroundTruth(groundTruth);
        this.perFrame = new LinkedHashMap<>();
        this.common = commonMetadata(cxi);
    }

    static Hdf5FrameSource open(Path file, ReadOptions options) {
        HdfFile hdf = Hdf5Support.open(file);
        try {
            return new Hdf5FrameSource(file, hdf, options);
        } catch (RuntimeException e) {
            hdf.close();
            throw e;
        }
    }

    /** A CXI file has an {@code /entry_1} group or a {@code /cxi_version} dataset. */
    static boolean isCxi(Group root) {
        Node entry = Hdf5Support.node(root, CxiPaths.ENTRY);
        return (entry != null && entry.isGroup()) || Hdf5Support.findDataset(root, CxiPaths.CXI_VERSION).isPresent();
    }

    private static String defaultDataPath(HdfFile hdf, Path file) {
        for (String candidate : CxiPaths.DATA_SEARCH_ORDER) {
            if (Hdf5Support.findDataset(hdf, candidate).isPresent()) {
                return candidate;
            }
        }
        List<String> images = new ArrayList<>();
        for (String entry : Hdf5Support.datasets(hdf)) {
            String path = entry.substring(0, entry.indexOf(' '));
            int rank = Hdf5Support.findDataset(hdf, path).map(d -> d.getDimensions().length).orElse(0);
            if (rank == 2 || rank == 3) {
                images.add(path);
            }
        }
        if (images.size() == 1) {
            return images.get(0);
        }
        throw new DataFormatException("no frames found in " + file + ": none of " + String.join(", ", CxiPaths.DATA_SEARCH_ORDER)
                + " exists; give the dataset with --data PATH; datasets there: " + Hdf5Support.listing(hdf));
    }

    private Dataset findMask(ReadOptions options) {
        if (options.maskPath().isPresent()) {
            return Hdf5Support.requireDataset(hdf, options.maskPath().get(), "mask path");
        }
        Set<String> groups = new LinkedHashSet<>(List.of(Hdf5Support.parentOf(dataPath), Hdf5Support.parentOf(data.getPath())));
        for (String name : List.of("mask", "mask_shared")) {
            for (String group : groups) {
                Optional<Dataset> d = Hdf5Support.findDataset(hdf, group + "/" + name);
                if (d.isPresent()) {
                    return d.get();
                }
            }
        }
        return null;
    }

    private int checkGroundTruth(Dataset gt) {
        int[] g = gt.getDimensions();
        boolean ok = (g.length == 3 && g[0] == frames && g[1] == g[2]) || (g.length == 2 && frames == 1 && g[0] == g[1]);
        if (!ok) {
            throw new DataFormatException("ground truth " + gt.getPath() + " in " + file + " has shape " + Hdf5Support.shape(g)
                    + "; expected [" + frames + "×n×n] (one square object per frame)");
        }
        return g[g.length - 1];
    }

    private FrameMetadata commonMetadata(boolean cxi) {
        FrameMetadata meta = FrameMetadata.empty()
                .withText(MetadataKeys.SOURCE_FILE, file.toString())
                .withText(MetadataKeys.SOURCE_DATASET, dataPath);
        Set<String> groups = new LinkedHashSet<>(List.of(CxiPaths.SAMPLE, Hdf5Support.parentOf(dataPath),
                Hdf5Support.parentOf(data.getPath())));
        Set<String> skip = new java.util.HashSet<>(List.of(data.getPath(), dataPath));
        if (groundTruth != null) {
            skip.add(groundTruth.getPath());
        }
        if (frameMask != null) {
            skip.add(frameMask.getPath());
        }
        for (String groupPath : groups) {
            if (!(Hdf5Support.node(hdf, groupPath) instanceof Group group)) {
                continue;
            }
            for (Node child : group) {
                Optional<Dataset> d = Hdf5Support.findDataset(hdf, child.getPath());
                if (d.isEmpty() || skip.contains(d.get().getPath()) || !Hdf5Support.isNumeric(d.get())) {
                    continue;
                }
                int[] dims = d.get().getDimensions();
                if (d.get().getSize() == 1 && dims.length <= 1) {
                    meta = meta.with(child.getName(), Hdf5Support.readDoubles(d.get())[0]);
                } else if (dims.length == 1 && dims[0] == frames) {
                    perFrame.putIfAbsent(child.getName(), Hdf5Support.readDoubles(d.get()));
                }
            }
            for (Map.Entry<String, String> e : Hdf5Support.textAttributes(group).entrySet()) {
                meta = meta.withText(e.getKey(), e.getValue());
            }
            meta = numericAttributes(group, meta);
        }
        if (cxi) {
            for (Map.Entry<String, String> e : Hdf5Support.textAttributes(Hdf5Support.node(hdf, CxiPaths.ENTRY)).entrySet()) {
                meta = meta.withText(e.getKey(), e.getValue());
            }
            String detector = data.getPath().startsWith("/entry_1/instrument_1/detector_")
                    ? Hdf5Support.parentOf(data.getPath()) : CxiPaths.DETECTOR;
            var distance = Hdf5Support.number(hdf, detector, "distance");
            if (distance.isPresent()) {
                meta = meta.with(FrameMetadata.DETECTOR_DISTANCE_M, distance.getAsDouble());
            }
            var pixel = Hdf5Support.number(hdf, detector, "x_pixel_size");
            if (pixel.isPresent()) {
                meta = meta.with(FrameMetadata.PIXEL_SIZE_M, pixel.getAsDouble());
            }
            var energy = Hdf5Support.number(hdf, CxiPaths.SOURCE, "energy");
            if (energy.isPresent()) {
                meta = meta.with(FrameMetadata.PHOTON_ENERGY_EV, energy.getAsDouble() / JOULE_PER_EV);
            }
            var wavelength = Hdf5Support.number(hdf, CxiPaths.SOURCE, "wavelength");
            if (wavelength.isPresent()) {
                meta = meta.with(FrameMetadata.WAVELENGTH_M, wavelength.getAsDouble());
            }
        }
        return meta;
    }

    private static FrameMetadata numericAttributes(Node node, FrameMetadata meta) {
        FrameMetadata out = meta;
        for (var e : node.getAttributes().entrySet()) {
            Object v = e.getValue().getData();
            if (v instanceof Number n) {
                out = out.with(e.getKey(), n.doubleValue());
            }
        }
        return out;
    }

    private byte[] toMask(float[] stored) {
        byte[] m = new byte[stored.length];
        for (int i = 0; i < stored.length; i++) {
            m[i] = (byte) (convention.isMeasured(stored[i]) ? 1 : 0);
        }
        return m;
    }

    @Override
    public int frameCount() {
        return frames;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public synchronized DiffractionFrame read(int index) {
        if (index < 0 || index >= frames) {
            throw new IndexOutOfBoundsException("frame " + index + " of " + frames);
        }
        boolean stack = data.getDimensions().length == 3;
        float[] intensity = stack
                ? Hdf5Support.readFloats(data, new long[]{index, 0, 0}, new int[]{1, height, width})
                : Hdf5Support.readFloats(data, new long[]{0, 0}, new int[]{height, width});
        byte[] mask;
        if (frameMask != null) {
            mask = toMask(Hdf5Support.readFloats(frameMask, new long[]{index, 0, 0}, new int[]{1, height, width}));
        } else if (sharedMask != null) {
            mask = sharedMask.clone();
        } else {
            mask = new byte[height * width];
            java.util.Arrays.fill(mask, (byte) 1);
        }
        float[] truth = null;
        if (groundTruth != null) {
            int n = groundTruthSize;
            truth = groundTruth.getDimensions().length == 3
                    ? Hdf5Support.readFloats(groundTruth, new long[]{index, 0, 0}, new int[]{1, n, n})
                    : Hdf5Support.readFloats(groundTruth, new long[]{0, 0}, new int[]{n, n});
        }
        FrameMetadata meta = common.with(FrameMetadata.FRAME_INDEX, index);
        for (Map.Entry<String, double[]> e : perFrame.entrySet()) {
            meta = meta.with(e.getKey(), e.getValue()[index]);
        }
        return new DiffractionFrame(height, width, intensity, mask, truth, meta);
    }

    /** The stored mask convention in use (the option's, else CXI for CXI files, VALID otherwise). */
    MaskConvention maskConvention() {
        return convention;
    }

    @Override
    public String description() {
        return file + ":" + dataPath + (data.getPath().equals(dataPath) ? "" : " (→ " + data.getPath() + ")");
    }

    @Override
    public void close() {
        hdf.close();
    }
}
