package org.dpr.io;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Link;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import io.jhdf.object.datatype.BitField;
import io.jhdf.object.datatype.EnumDataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;

import java.lang.reflect.Array;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/** Small helpers over jhdf shared by the HDF5 readers: opening with clear errors, finding datasets, converting to float32. */
final class Hdf5Support {

    private static final int LISTED_DATASETS = 12;

    private Hdf5Support() {
    }

    /** Opens an HDF5 file for reading, turning every failure into a one-line {@link DataFormatException}. */
    static HdfFile open(Path file) {
        requireReadableFile(file);
        try {
            return new HdfFile(file);
        } catch (HdfException e) {
            throw new DataFormatException(file + " is not a readable HDF5 file (" + firstLine(e.getMessage()) + ")", e);
        }
    }

    static void requireReadableFile(Path file) {
        if (!Files.exists(file)) {
            throw new DataFormatException("no such file: " + file);
        }
        if (Files.isDirectory(file)) {
            throw new DataFormatException(file + " is a folder, not a file");
        }
        if (!Files.isReadable(file)) {
            throw new DataFormatException("cannot read " + file + " (permission denied)");
        }
    }

    /** The dataset at {@code path} (soft links followed) or empty when there is none. */
    static Optional<Dataset> findDataset(Group root, String path) {
        try {
            Node node = root.getByPath(path);
            if (node instanceof Link link) {
                node = link.getTarget();
            }
            return node instanceof Dataset d ? Optional.of(d) : Optional.empty();
        } catch (HdfException e) {
            return Optional.empty();
        }
    }

    /** The dataset at {@code path}; a missing path or a group gives a message that lists the datasets the file has. */
    static Dataset requireDataset(HdfFile file, String path, String what) {
        Optional<Dataset> d = findDataset(file, path);
        if (d.isPresent()) {
            return d.get();
        }
        String kind = isGroup(file, path) ? "is a group, not a dataset" : "does not exist";
        throw new DataFormatException(what + " " + path + " " + kind + " in " + file.getFileAsPath()
                + "; datasets there: " + listing(file));
    }

    private static boolean isGroup(Group root, String path) {
        try {
            return root.getByPath(path).isGroup();
        } catch (HdfException e) {
            return false;
        }
    }

    /** Every dataset of the file as "path [shape]" (links to datasets included, links to groups not followed). */
    static List<String> datasets(Group root) {
        List<String> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Group group, List<String> out) {
        for (Node node : group) {
            Node target = node;
            if (node instanceof Link link) {
                if (link.isBrokenLink()) {
                    continue;
                }
                target = link.getTarget();
                if (target.isGroup()) {
                    continue;
                }
            }
            if (target instanceof Dataset d) {
                out.add(node.getPath() + " " + shape(d.getDimensions()));
            } else if (target instanceof Group g) {
                collect(g, out);
            }
        }
    }

    static String listing(Group root) {
        List<String> all = datasets(root);
        if (all.isEmpty()) {
            return "none";
        }
        String shown = all.stream().limit(LISTED_DATASETS).collect(Collectors.joining(", "));
        return all.size() > LISTED_DATASETS ? shown + " and " + (all.size() - LISTED_DATASETS) + " more" : shown;
    }

    static String shape(int[] dims) {
        if (dims.length == 0) {
            return "(scalar)";
        }
        return Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining("×", "[", "]"));
    }

    /** Fails unless the dataset holds numbers (float, integer, boolean/enum or bit field). */
    static void requireNumeric(Dataset d, Path file) {
        var type = d.getDataType();
        if (!(type instanceof FloatingPoint || type instanceof FixedPoint || type instanceof EnumDataType
                || type instanceof BitField) || d.isCompound() || d.isVariableLength()) {
            throw new DataFormatException(d.getPath() + " in " + file + " holds " + type.getClass().getSimpleName()
                    + " values (" + d.getJavaType().getSimpleName() + "); dpr needs numbers");
        }
    }

    /** Reads a hyperslab and converts it to float32, row-major. Any numeric type converts; enum (h5py bool) gives its integer value. */
    static float[] readFloats(Dataset d, long[] offset, int[] shape) {
        int count = 1;
        for (int s : shape) {
            count = Math.multiplyExact(count, s);
        }
        float[] out = new float[count];
        int filled = fill(d.getData(offset, shape), (i, v) -> out[i] = (float) v, 0, enumValues(d));
        if (filled != count) {
            throw new DataFormatException("read " + filled + " values from " + d.getPath() + ", expected " + count);
        }
        return out;
    }

    /** Reads a whole small dataset (a 1-D metadata series, a scalar) as float64. */
    static double[] readDoubles(Dataset d) {
        double[] out = new double[(int) Math.max(1, d.getSize())];
        fill(d.getData(), (i, v) -> out[i] = v, 0, enumValues(d));
        return out;
    }

    /** A number stored as a scalar dataset, a one-element dataset or an attribute of the same name on the group. */
    static OptionalDouble number(Group root, String groupPath, String name) {
        String base = groupPath.endsWith("/") ? groupPath : groupPath + "/";
        Optional<Dataset> d = findDataset(root, base + name);
        if (d.isPresent() && d.get().getSize() == 1 && isNumeric(d.get())) {
            return OptionalDouble.of(readDoubles(d.get())[0]);
        }
        Node group = groupPath.isEmpty() || groupPath.equals("/") ? root : node(root, groupPath);
        if (group != null) {
            Attribute a = group.getAttribute(name);
            if (a != null && a.getSize() == 1) {
                Object v = a.getData();
                if (v instanceof Number n) {
                    return OptionalDouble.of(n.doubleValue());
                }
                if (v != null && v.getClass().isArray() && Array.get(v, 0) instanceof Number n) {
                    return OptionalDouble.of(n.doubleValue());
                }
            }
        }
        return OptionalDouble.empty();
    }

    static boolean isNumeric(Dataset d) {
        var type = d.getDataType();
        return (type instanceof FloatingPoint || type instanceof FixedPoint || type instanceof EnumDataType)
                && !d.isCompound();
    }

    /** The node at {@code path} (links followed) or null. */
    static Node node(Group root, String path) {
        try {
            Node n = root.getByPath(path);
            return n instanceof Link l ? l.getTarget() : n;
        } catch (HdfException e) {
            return null;
        }
    }

    /** String attributes of a node (scalar strings only), for provenance. */
    static Map<String, String> textAttributes(Node node) {
        Map<String, String> out = new HashMap<>();
        if (node == null) {
            return out;
        }
        for (Map.Entry<String, Attribute> e : node.getAttributes().entrySet()) {
            Object v = e.getValue().getData();
            if (v instanceof String s) {
                out.put(e.getKey(), s);
            }
        }
        return out;
    }

    static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    private static Map<String, Integer> enumValues(Dataset d) {
        if (!(d.getDataType() instanceof EnumDataType e)) {
            return Map.of();
        }
        Map<String, Integer> byName = new HashMap<>();
        e.getEnumMapping().forEach((value, name) -> byName.put(name, value));
        return byName;
    }

    @FunctionalInterface
    private interface Sink {
        void put(int index, double value);
    }

    /** Copies a (possibly nested) array of any numeric type into {@code out} from index {@code at}; returns the next index. */
    private static int fill(Object data, Sink out, int at, Map<String, Integer> enumValues) {
        if (data instanceof float[] a) {
            for (float v : a) {
                out.put(at++, v);
            }
        } else if (data instanceof double[] a) {
            for (double v : a) {
                out.put(at++, v);
            }
        } else if (data instanceof int[] a) {
            for (int v : a) {
                out.put(at++, v);
            }
        } else if (data instanceof short[] a) {
            for (short v : a) {
                out.put(at++, v);
            }
        } else if (data instanceof byte[] a) {
            for (byte v : a) {
                out.put(at++, v);
            }
        } else if (data instanceof long[] a) {
            for (long v : a) {
                out.put(at++, v);
            }
        } else if (data instanceof boolean[] a) {
            for (boolean v : a) {
                out.put(at++, v ? 1 : 0);
            }
        } else if (data instanceof Object[] a) {
            for (Object element : a) {
                at = fillElement(element, out, at, enumValues);
            }
        } else {
            at = fillElement(data, out, at, enumValues);
        }
        return at;
    }

    private static int fillElement(Object element, Sink out, int at, Map<String, Integer> enumValues) {
        if (element instanceof String name) {
            Integer v = enumValues.get(name);
            if (v == null) {
                throw new DataFormatException("unexpected value '" + name + "' in an enumerated dataset");
            }
            out.put(at, v);
            return at + 1;
        }
        if (element instanceof BigInteger b) {
            out.put(at, b.doubleValue());
            return at + 1;
        }
        if (element instanceof Number n) {
            out.put(at, n.doubleValue());
            return at + 1;
        }
        if (element instanceof Boolean b) {
            out.put(at, b ? 1 : 0);
            return at + 1;
        }
        if (element != null && element.getClass().isArray()) {
            return fill(element, out, at, enumValues);
        }
        throw new DataFormatException("cannot convert " + (element == null ? "null" : element.getClass().getSimpleName())
                + " values to numbers");
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
