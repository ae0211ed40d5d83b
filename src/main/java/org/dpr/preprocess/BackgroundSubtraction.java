package org.dpr.preprocess;

import java.nio.file.Path;
import java.util.Objects;
import org.dpr.io.DiffractionFrame;
import org.dpr.io.FrameSource;
import org.dpr.io.FrameSources;

/**
 * Background subtraction (paper §4.6: "Background signals were subtracted from the measured
 * diffraction patterns"): I ← max(I − B, 0) on every pixel, with B a constant (dark current,
 * pedestal, diffuse stray light) or a dark frame recorded without the sample. The result is clipped
 * at zero because a negative photon count is not an intensity. Masks are unchanged.
 */
public final class BackgroundSubtraction implements PreprocessStep {

    private final double constantPhotons;
    private final float[] dark;
    private final int height;
    private final int width;
    private final String source;

    private BackgroundSubtraction(double constantPhotons, float[] dark, int height, int width, String source) {
        this.constantPhotons = constantPhotons;
        this.dark = dark;
        this.height = height;
        this.width = width;
        this.source = source;
    }

    /** Subtracts {@code photons} from every pixel (finite). */
    public static BackgroundSubtraction constant(double photons) {
        if (!Double.isFinite(photons)) {
            throw new IllegalArgumentException("background must be finite, got " + photons);
        }
        return new BackgroundSubtraction(photons, null, 0, 0, Frames.fmt(photons) + " photons");
    }

    /** Subtracts a dark frame (height×width, row-major, copied), named {@code source} in logs. */
    public static BackgroundSubtraction darkFrame(float[] dark, int height, int width, String source) {
        Objects.requireNonNull(dark, "dark");
        if (height <= 0 || width <= 0 || dark.length != height * width) {
            throw new IllegalArgumentException("dark frame of " + height + "×" + width + " needs " + height * width
                    + " values, got " + dark.length);
        }
        return new BackgroundSubtraction(0, dark.clone(), height, width, Objects.requireNonNull(source, "source"));
    }

    /**
     * The dark frame of a file in any supported format; a file with several frames gives their mean
     * (a stack of dark exposures). Non-finite values count as 0.
     */
    public static BackgroundSubtraction fromFile(Path file) {
        try (FrameSource s = FrameSources.open(file, org.dpr.io.ReadOptions.withDefaults()
                .withNanPolicy(org.dpr.io.NanPolicy.MASK))) {
            int h = s.height();
            int w = s.width();
            double[] sum = new double[h * w];
            for (DiffractionFrame f : s) {
                float[] v = f.intensity();
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += v[i];
                }
            }
            float[] mean = new float[h * w];
            for (int i = 0; i < mean.length; i++) {
                mean[i] = (float) (sum[i] / s.frameCount());
            }
            String name = file.getFileName() + (s.frameCount() > 1 ? " (mean of " + s.frameCount() + " frames)" : "");
            return darkFrame(mean, h, w, name);
        }
    }

    @Override
    public String name() {
        return "background";
    }

    @Override
    public String describe() {
        return "background(" + source + ")";
    }

    @Override
    public FrameSize outputSize(FrameSize size) {
        check(size.height(), size.width());
        return size;
    }

    @Override
    public StepResult apply(DiffractionFrame frame) {
        check(frame.height(), frame.width());
        float[] in = frame.intensity();
        byte[] mask = frame.mask();
        float[] out = new float[in.length];
        double subtracted = 0;
        int clipped = 0;
        for (int i = 0; i < in.length; i++) {
            double b = dark == null ? constantPhotons : dark[i];
            double v = in[i] - b;
            if (v < 0) {
                clipped += mask[i] != 0 && in[i] >= 0 ? 1 : 0;
                v = 0;
            }
            if (mask[i] != 0) {
                subtracted += in[i] - v;
            }
            out[i] = (float) v;
        }
        StepRecord record = StepRecord.of(name(), "subtracted " + source + ": " + Frames.fmt(Math.rint(subtracted))
                        + " photons from measured px, " + clipped + " px clipped at 0")
                .with("source", source)
                .with("subtracted_photons", subtracted)
                .with("clipped_px", clipped);
        return new StepResult(frame.withIntensity(frame.height(), frame.width(), out, frame.mask()), record);
    }

    private void check(int h, int w) {
        if (dark != null && (h != height || w != width)) {
            throw new PreprocessException("the dark frame " + source + " is " + height + "×" + width
                    + " but the frames are " + h + "×" + w);
        }
    }
}
