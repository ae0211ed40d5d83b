package org.dpr.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * An n-dimensional array as a {@code .npy} file holds it: a dtype, a C-order (row-major) shape and
 * the values as one flat Java array whose type follows the dtype — {@code boolean[]} for
 * {@link NpyDtype#BOOL}, {@code byte[]} for INT8/UINT8 (UINT8 values 128–255 stored as negative
 * bytes, read them with {@code & 0xFF}), {@code short[]} for INT16/UINT16, {@code int[]} for
 * INT32/UINT32, {@code long[]} for INT64, {@code float[]} and {@code double[]} for the floats.
 * The arrays are not copied.
 *
 * @param dtype element type
 * @param shape C-order shape, e.g. {frames, rows, columns}; {} for a scalar
 * @param data  flat values, length = product of the shape
 */
public record NpyArray(NpyDtype dtype, int[] shape, Object data) {

    public NpyArray {
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(data, "data");
        shape = shape.clone();
        long size = 1;
        for (int s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("shape must not be negative: " + Arrays.toString(shape));
            }
            size *= s;
        }
        Class<?> expected = javaType(dtype);
        if (data.getClass() != expected) {
            throw new IllegalArgumentException(dtype + " values must be a " + expected.getSimpleName() + ", got "
                    + data.getClass().getSimpleName());
        }
        if (java.lang.reflect.Array.getLength(data) != size) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + size + " values, got "
                    + java.lang.reflect.Array.getLength(data));
        }
    }

    public static NpyArray ofFloat32(float[] values, int... shape) {
        return new NpyArray(NpyDtype.FLOAT32, shape, values);
    }

    public static NpyArray ofFloat64(double[] values, int... shape) {
        return new NpyArray(NpyDtype.FLOAT64, shape, values);
    }

    /** Unsigned bytes: values 0–255 (Java's negative bytes stand for 128–255). */
    public static NpyArray ofUint8(byte[] values, int... shape) {
        return new NpyArray(NpyDtype.UINT8, shape, values);
    }

    public static NpyArray ofInt16(short[] values, int... shape) {
        return new NpyArray(NpyDtype.INT16, shape, values);
    }

    public static NpyArray ofInt32(int[] values, int... shape) {
        return new NpyArray(NpyDtype.INT32, shape, values);
    }

    public static NpyArray ofBool(boolean[] values, int... shape) {
        return new NpyArray(NpyDtype.BOOL, shape, values);
    }

    static Class<?> javaType(NpyDtype dtype) {
        return switch (dtype) {
            case BOOL -> boolean[].class;
            case INT8, UINT8 -> byte[].class;
            case INT16, UINT16 -> short[].class;
            case INT32, UINT32 -> int[].class;
            case INT64 -> long[].class;
            case FLOAT32 -> float[].class;
            case FLOAT64 -> double[].class;
        };
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** Number of elements. */
    public int size() {
        return java.lang.reflect.Array.getLength(data);
    }

    /** Element {@code i} (flat, C order) as a double; unsigned types give their unsigned value. */
    public double value(int i) {
        return switch (dtype) {
            case BOOL -> ((boolean[]) data)[i] ? 1 : 0;
            case INT8 -> ((byte[]) data)[i];
            case UINT8 -> ((byte[]) data)[i] & 0xFF;
            case INT16 -> ((short[]) data)[i];
            case UINT16 -> ((short[]) data)[i] & 0xFFFF;
            case INT32 -> ((int[]) data)[i];
            case UINT32 -> ((int[]) data)[i] & 0xFFFFFFFFL;
            case INT64 -> ((long[]) data)[i];
            case FLOAT32 -> ((float[]) data)[i];
            case FLOAT64 -> ((double[]) data)[i];
        };
    }

    /** All values converted to float32 (a copy). */
    public float[] toFloat32() {
        if (data instanceof float[] f) {
            return f.clone();
        }
        float[] out = new float[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) value(i);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof NpyArray other) || dtype != other.dtype || !Arrays.equals(shape, other.shape)) {
            return false;
        }
        return Arrays.deepEquals(new Object[]{data}, new Object[]{other.data});
    }

    @Override
    public int hashCode() {
        return Objects.hash(dtype, Arrays.hashCode(shape), Arrays.deepHashCode(new Object[]{data}));
    }

    @Override
    public String toString() {
        return "NpyArray[" + dtype + " " + Arrays.toString(shape) + "]";
    }
}
