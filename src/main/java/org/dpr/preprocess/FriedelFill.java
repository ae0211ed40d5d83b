package org.dpr.preprocess;

import org.dpr.io.DiffractionFrame;

/**
 * Fills missing pixels from their centrosymmetric partner (paper §4.6: "missing values were
 * substituted with values at centrosymmetric positions in accordance with Friedel's law"). For a
 * real object the far-field intensity is centrosymmetric, I(q) = I(−q); in dpr's centred layout
 * the zero frequency sits at (H/2, W/2), so the partner of pixel (y, x) is (H − y, W − x). A missing
 * pixel takes its partner's value — and becomes measured — only when the partner is measured;
 * pixels whose partner is missing stay missing. Row 0 and column 0 have no partner (H − 0 is outside
 * the frame) and are left as they are.
 *
 * <p>Run it on centred frames (after {@link Centring}); on an off-centre frame the partners are
 * wrong. For a complex object (absorption) Friedel's law holds only approximately.
 */
public final class FriedelFill implements PreprocessStep {

    private static final FriedelFill DEFAULT = new FriedelFill();

    private FriedelFill() {
    }

    public static FriedelFill withDefaults() {
        return DEFAULT;
    }

    @Override
    public String name() {
        return "friedel";
    }

    @Override
    public String describe() {
        return "friedel-fill";
    }

    @Override
    public StepResult apply(DiffractionFrame frame) {
        int h = frame.height();
        int w = frame.width();
        float[] in = frame.intensity();
        byte[] mask = frame.mask();
        float[] out = in.clone();
        byte[] filledMask = mask.clone();
        int filled = 0;
        for (int y = 1; y < h; y++) {
            for (int x = 1; x < w; x++) {
                int i = y * w + x;
                int partner = (h - y) * w + (w - x);
                if (mask[i] == 0 && mask[partner] != 0) {
                    out[i] = in[partner];
                    filledMask[i] = 1;
                    filled++;
                }
            }
        }
        int before = Frames.missing(mask);
        int after = before - filled;
        StepRecord record = StepRecord.of(name(), "filled " + filled + " of " + before + " missing px from their partner, "
                        + after + " still missing")
                .with("filled_px", filled)
                .with("missing_before_px", before)
                .with("missing_after_px", after);
        return new StepResult(frame.withIntensity(h, w, out, filledMask), record);
    }
}
