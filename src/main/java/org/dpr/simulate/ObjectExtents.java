package org.dpr.simulate;

import java.util.ArrayDeque;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.commons.statistics.descriptive.Quantile;

/**
 * How large objects are: the larger side of an object's bounding box, the size a model is trained
 * on (the 95th percentile of its training objects' larger side), which {@code --fit-geometry} brings a
 * measured object to, and the largest hole an object encloses (rings, apertures).
 */
public final class ObjectExtents {
    /** The percentile of the training objects' larger side that stands for "the size a model knows". */
    public static final double TRAINED_QUANTILE = 0.95;

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
        return r1 < 0 ? 0 : Math.max(r1 - r0 + 1, c1 - c0 + 1);
    }

    /**
     * The area in pixels of the largest hole of a side×side object: a 4-connected region of background
     * (pixels at or below 5 % of the maximum) that does not reach the edge of the box; 0 when the object
     * encloses none.
     */
    public static int largestHolePx(float[] object, int side) {
        float max = 0;
        for (float v : object) {
            max = Math.max(max, v);
        }
        boolean[] background = new boolean[object.length];
        for (int p = 0; p < object.length; p++) {
            background[p] = object[p] <= 0.05f * max;
        }
        boolean[] visited = new boolean[object.length];
        int largest = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int start = 0; start < object.length; start++) {
            if (!background[start] || visited[start]) {
                continue;
            }
            boolean touchesEdge = false;
            int size = 0;
            visited[start] = true;
            queue.add(start);
            while (!queue.isEmpty()) {
                int p = queue.poll();
                size++;
                int r = p / side;
                int c = p % side;
                touchesEdge |= r == 0 || c == 0 || r == side - 1 || c == side - 1;
                int[][] steps = {{r - 1, c}, {r + 1, c}, {r, c - 1}, {r, c + 1}};
                for (int[] q : steps) {
                    if (q[0] >= 0 && q[0] < side && q[1] >= 0 && q[1] < side) {
                        int n = q[0] * side + q[1];
                        if (background[n] && !visited[n]) {
                            visited[n] = true;
                            queue.add(n);
                        }
                    }
                }
            }
            if (!touchesEdge) {
                largest = Math.max(largest, size);
            }
        }
        return largest;
    }

    /**
     * The {@value #TRAINED_QUANTILE} quantile of the larger side of square objects (each n×n, n from its
     * length), in pixels; empty when there are none.
     */
    public static OptionalDouble trainedExtentPx(List<float[]> objects) {
        if (objects.isEmpty()) {
            return OptionalDouble.empty();
        }
        double[] sides = new double[objects.size()];
        for (int i = 0; i < sides.length; i++) {
            float[] object = objects.get(i);
            sides[i] = largestSidePx(object, (int) Math.round(Math.sqrt(object.length)));
        }
        return OptionalDouble.of(Quantile.withDefaults().evaluate(sides, TRAINED_QUANTILE));
    }
}
