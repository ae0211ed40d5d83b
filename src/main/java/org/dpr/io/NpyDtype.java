package org.dpr.io;

/**
 * The numpy element types dpr reads and writes in {@code .npy} files, with their type codes
 * (written little-endian; big-endian files are read too).
 */
public enum NpyDtype {
    BOOL("b1", 1),
    INT8("i1", 1),
    UINT8("u1", 1),
    INT16("i2", 2),
    UINT16("u2", 2),
    INT32("i4", 4),
    UINT32("u4", 4),
    INT64("i8", 8),
    FLOAT32("f4", 4),
    FLOAT64("f8", 8);

    private final String code;
    private final int bytes;

    NpyDtype(String code, int bytes) {
        this.code = code;
        this.bytes = bytes;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    /** The numpy {@code descr} written to a header, e.g. {@code <f4} or {@code |u1}. */
    public String descr() {
        return (bytes == 1 ? "|" : "<") + code;
    }

    /** The dtype of a numpy {@code descr} such as {@code <f4}, {@code >i2}, {@code |b1}, {@code ?}. */
    static NpyDtype ofDescr(String descr, String file) {
        String d = descr.trim();
        if (d.equals("?") || d.equals("|?") || d.equals("bool")) {
            return BOOL;
        }
        String code = d.length() == 3 && "<>|=".indexOf(d.charAt(0)) >= 0 ? d.substring(1) : d;
        for (NpyDtype t : values()) {
            if (t.code.equals(code)) {
                return t;
            }
        }
        throw new DataFormatException(file + " holds numpy dtype '" + descr
                + "'; dpr reads bool, int8/16/32/64, uint8/16/32, float32 and float64");
    }
}
