package org.dpr.nn;

import java.util.List;

/**
 * Objects reconstructed by a DPR model.
 *
 * @param objects         one n×n row-major array per input pattern, in amplitude units x·√ŝ (so that
 *                        |F(pad object)|² matches the measured photons on measured pixels)
 * @param objectBoxPx     n
 * @param secondsPerFrame wall-clock time of the whole call divided by the number of patterns
 * @param batchSize       patterns per forward pass
 */
public record DprPrediction(List<float[]> objects, int objectBoxPx, double secondsPerFrame, int batchSize) {
    public DprPrediction {
        objects = List.copyOf(objects);
        if (objectBoxPx <= 0 || batchSize <= 0 || !(secondsPerFrame >= 0)) {
            throw new IllegalArgumentException("invalid prediction: n " + objectBoxPx + ", batch " + batchSize
                    + ", " + secondsPerFrame + " s per frame");
        }
        for (float[] o : objects) {
            if (o.length != objectBoxPx * objectBoxPx) {
                throw new IllegalArgumentException("an object has " + o.length + " values, expected "
                        + objectBoxPx * objectBoxPx);
            }
        }
    }
}
