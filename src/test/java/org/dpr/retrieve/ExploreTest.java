package org.dpr.retrieve;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.dpr.io.DiffractionFrame;
import org.junit.jupiter.api.Test;

class ExploreTest {
    @Test
    void explore() {
        try (NDManager m = NDManager.newBaseManager()) {
            for (long seed : new long[] {1, 2, 3}) {
                float[] obj = TestFrames.blob(16, seed);
                DiffractionFrame f = TestFrames.noisyFrame(m, obj, 16, 128, 2e5, 3, seed);
                Measurement d = Measurement.fromFrames(m, java.util.List.of(f), 1);
                float[] pad = new float[128 * 128];
                for (int y = 0; y < 16; y++) System.arraycopy(f.groundTruth(), y * 16, pad, (56 + y) * 128 + 56, 16);
                System.out.printf("seed %d truth R_F %.4f%n", seed, Projections.rFactors(m.create(pad, new Shape(1, 128, 128)), d).getFloat(0));
                for (Algorithm a : new Algorithm[] {Algorithm.HIO, Algorithm.GPS_R}) {
                    IterativeReconstructor base = IterativeReconstructor.withDefaults().withAlgorithm(a).withStarts(8)
                            .withIterations(Integer.getInteger("its", 500)).withSeed(seed);
                    String[] names = {"scaled", "3px", "none", "1.5px"};
                    IterativeReconstructor[] variants = {base, base.withShrinkWrap(ShrinkWrap.withDefaults()), base.withoutShrinkWrap(),
                        base.withShrinkWrap(ShrinkWrap.withDefaults().scaledToObjectBox(32))};
                    for (int v = 0; v < variants.length; v++) {
                        long t0 = System.nanoTime();
                        Reconstruction r = variants[v].reconstruct(m, f);
                        float[] h = r.history().rf();
                        System.out.printf("  %s %-6s: PSNR %.2f dB, R_F %.4f, %.2f s, hist first %.3f min %.3f max %.3f%n", a, names[v],
                                TestFrames.alignedPsnr(r.windowObject(), 128, f.groundTruth(), 16), r.rf(), (System.nanoTime() - t0) / 1e9,
                                h[0], min(h), max(h));
                    }
                }
            }
        }
    }
    static float min(float[] a) { float m = Float.MAX_VALUE; for (float v : a) m = Math.min(m, v); return m; }
    static float max(float[] a) { float m = -Float.MAX_VALUE; for (float v : a) m = Math.max(m, v); return m; }
}
