package org.dpr.preprocess;

import java.util.Locale;
import java.util.Objects;
import org.dpr.io.DiffractionFrame;
import org.dpr.io.FrameMetadata;

/**
 * Integer binning of a centred frame: each output pixel is the sum of a K×K block of input pixels
 * (photons are counted, not averaged), so the linear oversampling drops by K and the real-space
 * field of view shrinks by K (paper §4.6, "optional n×n binning").
 *
 * <p>The blocks are laid out about the zero frequency so that the binned pattern stays centred:
 * block 0 covers rows [H/2 − ⌊K/2⌋, H/2 − ⌊K/2⌋ + K) and lands on output row M/2. For odd K the
 * zero-frequency pixel is the middle of its block and a centrosymmetric pattern stays exactly
 * centrosymmetric; for even K no block can be centred on a pixel and the binned centre sits half
 * an input pixel (1/(2K) output pixels) off. The output has M = 2·⌈(H/2 − ⌊K/2⌋)/K⌉ rows (H/K when
 * K divides H; likewise columns): the first block row reaches up to ⌊K/2⌋ rows above the frame and
 * counts those as missing pixels, and the input rows past the last block (at most K − 1) are left
 * out.
 *
 * <p>A bin with a missing pixel (or one outside the frame) is missing ({@link PartialBins#MISSING},
 * paper), or — with {@link PartialBins#RESCALE} — measured with its measured part rescaled by
 * (pixels / measured pixels) when at least one of its pixels is measured. A missing bin's value is
 * 0. {@link FrameMetadata#PIXEL_SIZE_M} grows by K.
 */
public final class Binning implements PreprocessStep {

    /** What becomes of a bin with some missing pixels. */
    public enum PartialBins {
        /** The bin is missing (default; the paper's rule). */
        MISSING,
        /** The bin is measured, its sum × (K² / measured pixels), when any pixel is measured. */
        RESCALE
    }

    private final int factor;
    private final PartialBins partial;
    private final int minimumOutputPx;

    private Binning(int factor, PartialBins partial, int minimumOutputPx) {
        this.factor = factor;
        this.partial = partial;
        this.minimumOutputPx = minimumOutputPx;
    }

    /** Bins by {@code factor} ≥ 1 (1 leaves the frame as it is). */
    public static Binning by(int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("binning factor must be ≥ 1, got " + factor);
        }
        return new Binning(factor, PartialBins.MISSING, 0);
    }

    public Binning with(PartialBins policy) {
        return new Binning(factor, Objects.requireNonNull(policy, "policy"), minimumOutputPx);
    }

    /**
     * Refuses (with a {@link PreprocessException}) frames whose binned size would be less than
     * {@code px} on either axis — the window the frames go to next.
     */
    public Binning withMinimumOutputPx(int px) {
        if (px < 0) {
            throw new IllegalArgumentException("minimum output size must be ≥ 0, got " + px);
        }
        return new Binning(factor, partial, px);
    }

    public int factor() {
        return factor;
    }

    public PartialBins partialBins() {
        return partial;
    }

    @Override
    public String name() {
        return "bin";
    }

    @Override
    public String describe() {
        return "bin(K=" + factor + ", partial bins " + partial.name().toLowerCase(Locale.ROOT) + ")";
    }

    /** Output rows (or columns) for an input of {@code size}: 2·⌈(size/2 − ⌊K/2⌋)/K⌉. */
    static int binnedSize(int size, int factor) {
        int halfBlocks = Math.max(0, -Math.floorDiv(-(size / 2 - factor / 2), factor));
        return 2 * halfBlocks;
    }

    @Override
    public FrameSize outputSize(FrameSize size) {
        int m = binnedSize(size.height(), factor);
        int n = binnedSize(size.width(), factor);
        if (m < 2 || n < 2 || m < minimumOutputPx || n < minimumOutputPx) {
            throw new PreprocessException("binning " + size + " by " + factor + " leaves " + m + "×" + n
                    + (minimumOutputPx > 0 ? ", less than the " + minimumOutputPx + "×" + minimumOutputPx + " window" : "")
                    + "; use a smaller binning factor" + (minimumOutputPx > 0 ? " or window" : ""));
        }
        return new FrameSize(m, n);
    }

    @Override
    public StepResult apply(DiffractionFrame frame) {
        int h = frame.height();
        int w = frame.width();
        FrameSize out = outputSize(FrameSize.of(frame));
        if (factor == 1) {
            return new StepResult(frame, StepRecord.of(name(), "factor 1: unchanged").with("factor", 1));
        }
        int m = out.height();
        int n = out.width();
        int top = h / 2 - (m / 2) * factor - factor / 2;
        int left = w / 2 - (n / 2) * factor - factor / 2;
        float[] in = frame.intensity();
        byte[] inMask = frame.mask();
        float[] sum = new float[m * n];
        byte[] mask = new byte[m * n];
        int blockPixels = factor * factor;
        int missingBins = 0;
        int rescaledBins = 0;
        double photonsIn = 0;
        double photonsOut = 0;
        for (int by = 0; by < m; by++) {
            for (int bx = 0; bx < n; bx++) {
                double s = 0;
                int measured = 0;
                for (int y = top + by * factor; y < top + (by + 1) * factor; y++) {
                    if (y < 0 || y >= h) {
                        continue;
                    }
                    for (int x = left + bx * factor; x < left + (bx + 1) * factor; x++) {
                        if (x >= 0 && x < w && inMask[y * w + x] != 0) {
                            s += in[y * w + x];
                            measured++;
                        }
                    }
                }
                photonsIn += s;
                int o = by * n + bx;
                if (measured == blockPixels) {
                    sum[o] = (float) s;
                    mask[o] = 1;
                } else if (measured > 0 && partial == PartialBins.RESCALE) {
                    sum[o] = (float) (s * blockPixels / measured);
                    mask[o] = 1;
                    rescaledBins++;
                } else {
                    missingBins++;
                }
                photonsOut += mask[o] != 0 ? sum[o] : 0;
            }
        }
        int rowsLeftOut = Math.max(0, h - (top + m * factor));
        int colsLeftOut = Math.max(0, w - (left + n * factor));
        int dropped = rowsLeftOut * w + colsLeftOut * (h - rowsLeftOut);
        FrameMetadata metadata = frame.metadata();
        if (metadata.number(FrameMetadata.PIXEL_SIZE_M).isPresent()) {
            metadata = metadata.with(FrameMetadata.PIXEL_SIZE_M, metadata.number(FrameMetadata.PIXEL_SIZE_M).getAsDouble() * factor);
        }
        DiffractionFrame binned = Frames.resized(frame, m, n, sum, mask, metadata);
        StepRecord record = StepRecord.of(name(), "binned " + h + "×" + w + " by " + factor + " to " + m + "×" + n + ", "
                        + missingBins + " bins missing" + (partial == PartialBins.RESCALE ? ", " + rescaledBins + " partial bins rescaled" : ""))
                .with("factor", factor)
                .with("input_height_px", h).with("input_width_px", w)
                .with("output_height_px", m).with("output_width_px", n)
                .with("missing_bins", missingBins)
                .with("rescaled_bins", rescaledBins)
                .with("edge_px_left_out", dropped)
                .with("measured_photons_in", photonsIn)
                .with("measured_photons_out", photonsOut);
        return new StepResult(binned, record);
    }

    @Override
    public String toString() {
        return describe();
    }
}
