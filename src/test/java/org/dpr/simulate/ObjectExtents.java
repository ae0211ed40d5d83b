package org.dpr.simulate;

/** How large a simulated object is, as the tests measure it. */
public final class ObjectExtents {
    private ObjectExtents() {
    }

    /** The larger side of the bounding box of the pixels above 5 % of the maximum of a side×side object. */
    public static int largestSidePx(float[] object, int side) {
        float max = 0;
        for (float v : object) {
            max = Math.max(max, v);
        }
        int r0 = side, r1 = -1, c0 = side, c1 = -1;
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                if (object[r * side + c] > 0.05f * max) {
                    r0 = Math.min(r0, r);
                    r1 = Math.max(r1, r);
                    c0 = Math.min(c0, c);
                    c1 = Math.max(c1, c);
                }
            }
        }
        return Math.max(r1 - r0 + 1, c1 - c0 + 1);
    }
}
