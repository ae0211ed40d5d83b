package org.dpr.retrieve;

import java.util.Arrays;

/**
 * R_F (eq. 6) of one reconstruction over its run: {@code rf[i]} after {@code iterations[i]} iterations.
 *
 * @param iterations ascending iteration counts (1-based: 1 = after the first iteration)
 * @param rf         R_F at each, same length
 */
public record RfHistory(int[] iterations, float[] rf) {

    public RfHistory {
        if (iterations == null || rf == null || iterations.length != rf.length) {
            throw new IllegalArgumentException("an R_F history needs one value per iteration");
        }
        iterations = iterations.clone();
        rf = rf.clone();
        for (int i = 1; i < iterations.length; i++) {
            if (iterations[i] <= iterations[i - 1]) {
                throw new IllegalArgumentException("history iterations must ascend: " + Arrays.toString(iterations));
            }
        }
    }

    /** No recorded values. */
    public static RfHistory empty() {
        return new RfHistory(new int[0], new float[0]);
    }

    @Override
    public int[] iterations() {
        return iterations.clone();
    }

    @Override
    public float[] rf() {
        return rf.clone();
    }

    public int size() {
        return rf.length;
    }

    public boolean isEmpty() {
        return rf.length == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RfHistory h && Arrays.equals(iterations, h.iterations) && Arrays.equals(rf, h.rf);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(iterations) + Arrays.hashCode(rf);
    }

    @Override
    public String toString() {
        return "RfHistory[" + rf.length + " values" + (rf.length == 0 ? "" : ", last " + rf[rf.length - 1]
                + " at iteration " + iterations[iterations.length - 1]) + "]";
    }
}
