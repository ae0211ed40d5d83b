package org.dpr.retrieve;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.dpr.io.DiffractionFrame;
import org.junit.jupiter.api.Test;

class ExploreTest {
    @Test
    void explore() {
        try (NDManager m = NDManager.newBaseManager()) {
            for (Algorithm a : new Algorithm[] {Algorithm.HIO, Algorithm.GPS_R, Algorithm.RAAR, Algorithm.ER, Algorithm.GPS_F}) {
                for (long seed : new long[] {1, 2, 3}) {
                    float[] obj = TestFrames.blob(16, seed);
                    DiffractionFrame f = TestFrames.frame(m, obj, 16, 128);
                    long t0 = System.nanoTime();
                    Reconstruction r = IterativeReconstructor.withDefaults().withAlgorithm(a).withStarts(4)
                            .withIterations(Integer.getInteger("its", 300)).withSeed(seed).reconstruct(m, f);
                    System.out.printf("%s seed %d: PSNR %.2f dB, R_F %.4f, %.2f s, %s, starts %s%n", a, seed,
                            TestFrames.alignedPsnr(r.windowObject(), 128, obj, 16), r.rf(), (System.nanoTime() - t0) / 1e9,
                            r.recipe(), java.util.Arrays.toString(r.startRf()));
                }
            }
        }
    }
}
