package org.dpr.simulate;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Which missing-data regions a simulated frame gets, and their parameters: an immutable recipe in
 * the manner of Commons Statistics ({@link #paper()} is the default; {@code with…} return new
 * recipes and validate their arguments).
 *
 * <p>Lengths are the paper's pixels at N = 512 (§4.2) and are multiplied by the configuration's
 * length scale (N/512 under {@link WindowScaling#PAPER_WINDOW}, with integers rounded and at
 * least one pixel): at N = 128 the beamstop half-sizes are 2–8 px, its offsets −2…2 px, the centre
 * square 4×4. The kinds are painted in their enum order, each from its own random stream, so that
 * adding a kind leaves the others' draws unchanged. The mask is 1 = measured, 0 = missing.
 */
public final class MaskRecipe {
    private static final MaskRecipe PAPER = new MaskRecipe(EnumSet.of(MaskKind.IRREGULAR, MaskKind.BEAMSTOP),
            8, 32, 8, 0.0, 0.5, 16, 2, 4, 12, 8, 8, 1e-3, null);

    private final EnumSet<MaskKind> kinds;
    private final int beamstopMinHalfPx;
    private final int beamstopMaxHalfPx;
    private final int beamstopMaxOffsetPx;
    private final double irregularMinOcclusion;
    private final double irregularMaxOcclusion;
    private final int centreSquareSidePx;
    private final int panelsPerAxis;
    private final int gapMinPx;
    private final int gapMaxPx;
    private final int gapJitterPx;
    private final int quadrantMaxOffsetPx;
    private final double deadPixelFraction;
    private final DetectorMask detector;

    private MaskRecipe(EnumSet<MaskKind> kinds, int beamstopMinHalfPx, int beamstopMaxHalfPx, int beamstopMaxOffsetPx,
                       double irregularMinOcclusion, double irregularMaxOcclusion, int centreSquareSidePx,
                       int panelsPerAxis, int gapMinPx, int gapMaxPx, int gapJitterPx, int quadrantMaxOffsetPx,
                       double deadPixelFraction, DetectorMask detector) {
        this.kinds = kinds;
        this.beamstopMinHalfPx = beamstopMinHalfPx;
        this.beamstopMaxHalfPx = beamstopMaxHalfPx;
        this.beamstopMaxOffsetPx = beamstopMaxOffsetPx;
        this.irregularMinOcclusion = irregularMinOcclusion;
        this.irregularMaxOcclusion = irregularMaxOcclusion;
        this.centreSquareSidePx = centreSquareSidePx;
        this.panelsPerAxis = panelsPerAxis;
        this.gapMinPx = gapMinPx;
        this.gapMaxPx = gapMaxPx;
        this.gapJitterPx = gapJitterPx;
        this.quadrantMaxOffsetPx = quadrantMaxOffsetPx;
        this.deadPixelFraction = deadPixelFraction;
        this.detector = detector;
    }

    /** The paper's training masks (§4.2): irregular strokes (occlusion ≤ 50 %) and a random centre beamstop. */
    public static MaskRecipe paper() {
        return PAPER;
    }

    /** No missing pixels. */
    public static MaskRecipe none() {
        return PAPER.withKinds(EnumSet.noneOf(MaskKind.class));
    }

    /** The paper's parameters with exactly {@code kinds} (see {@link #withKinds}). */
    public static MaskRecipe of(MaskKind... kinds) {
        EnumSet<MaskKind> set = EnumSet.noneOf(MaskKind.class);
        Collections.addAll(set, kinds);
        return PAPER.withKinds(set);
    }

    /**
     * The paper's parameters with the kinds of a comma-separated list of labels
     * ({@code "irregular,beamstop"}); {@code "none"} or an empty list gives no mask.
     *
     * @throws IllegalArgumentException on an unknown label, or {@code detector} (that one needs
     *                                  {@link #withDetectorMask})
     */
    public static MaskRecipe parse(String labels) {
        EnumSet<MaskKind> set = EnumSet.noneOf(MaskKind.class);
        String trimmed = labels.trim();
        if (!trimmed.isEmpty() && !trimmed.equalsIgnoreCase("none")) {
            for (String part : trimmed.split(",")) {
                set.add(MaskKind.parse(part));
            }
        }
        return PAPER.withKinds(set);
    }

    /** A copy painting exactly {@code kinds}. */
    public MaskRecipe withKinds(Set<MaskKind> newKinds) {
        EnumSet<MaskKind> set = newKinds.isEmpty() ? EnumSet.noneOf(MaskKind.class) : EnumSet.copyOf(newKinds);
        if (set.contains(MaskKind.DETECTOR) && detector == null) {
            throw new IllegalArgumentException("the detector mask kind needs a mask: use withDetectorMask(..)");
        }
        return copy(set, detector);
    }

    /** A copy that also paints {@code kind}. */
    public MaskRecipe with(MaskKind kind) {
        EnumSet<MaskKind> set = EnumSet.copyOf(kinds);
        set.add(kind);
        return withKinds(set);
    }

    /** A copy that no longer paints {@code kind}. */
    public MaskRecipe without(MaskKind kind) {
        EnumSet<MaskKind> set = EnumSet.copyOf(kinds);
        set.remove(kind);
        return withKinds(set);
    }

    /** Beamstop half-sizes drawn uniformly in [min, max] px at N = 512 (paper: 8–32). */
    public MaskRecipe withBeamstopHalfSizePx(int min, int max) {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("beamstop half-sizes need 1 ≤ min ≤ max, got " + min + ", " + max);
        }
        return new MaskRecipe(kinds, min, max, beamstopMaxOffsetPx, irregularMinOcclusion, irregularMaxOcclusion,
                centreSquareSidePx, panelsPerAxis, gapMinPx, gapMaxPx, gapJitterPx, quadrantMaxOffsetPx,
                deadPixelFraction, detector);
    }

    /** Beamstop offsets drawn uniformly in [−max, max] px per axis at N = 512 (paper: 8). */
    public MaskRecipe withBeamstopMaxOffsetPx(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("beamstop offset must be ≥ 0, got " + max);
        }
        return new MaskRecipe(kinds, beamstopMinHalfPx, beamstopMaxHalfPx, max, irregularMinOcclusion,
                irregularMaxOcclusion, centreSquareSidePx, panelsPerAxis, gapMinPx, gapMaxPx, gapJitterPx,
                quadrantMaxOffsetPx, deadPixelFraction, detector);
    }

    /** Irregular-mask coverage drawn uniformly in [min, max] (paper: at most 0.5). */
    public MaskRecipe withIrregularOcclusion(double min, double max) {
        if (!(min >= 0) || !(max >= min) || !(max < 1)) {
            throw new IllegalArgumentException("irregular occlusion needs 0 ≤ min ≤ max < 1, got " + min + ", " + max);
        }
        return new MaskRecipe(kinds, beamstopMinHalfPx, beamstopMaxHalfPx, beamstopMaxOffsetPx, min, max,
                centreSquareSidePx, panelsPerAxis, gapMinPx, gapMaxPx, gapJitterPx, quadrantMaxOffsetPx,
                deadPixelFraction, detector);
    }

    /** Side of the constant centre square in px at N = 512 (paper: 16). */
    public MaskRecipe withCentreSquareSidePx(int side) {
        if (side < 1) {
            throw new IllegalArgumentException("centre square side must be ≥ 1, got " + side);
        }
        return new MaskRecipe(kinds, beamstopMinHalfPx, beamstopMaxHalfPx, beamstopMaxOffsetPx, irregularMinOcclusion,
                irregularMaxOcclusion, side, panelsPerAxis, gapMinPx, gapMaxPx, gapJitterPx, quadrantMaxOffsetPx,
                deadPixelFraction, detector);
    }

    /**
     * Panel gaps: {@code panelsPerAxis} panels per axis (boundaries at k·N/panels, jittered by up to
     * {@code jitterPx}), gap widths drawn in [minPx, maxPx]; px at N = 512 (defaults 2, 4–12, 8).
     */
    public MaskRecipe withPanelGaps(int panels, int minPx, int maxPx, int jitterPx) {
        if (panels < 2 || minPx < 1 || maxPx < minPx || jitterPx < 0) {
            throw new IllegalArgumentException("panel gaps need panels ≥ 2, 1 ≤ min ≤ max, jitter ≥ 0, got "
                    + panels + ", " + minPx + ", " + maxPx + ", " + jitterPx);
        }
        return new MaskRecipe(kinds, beamstopMinHalfPx, beamstopMaxHalfPx, beamstopMaxOffsetPx, irregularMinOcclusion,
                irregularMaxOcclusion, centreSquareSidePx, panels, minPx, maxPx, jitterPx, quadrantMaxOffsetPx,
                deadPixelFraction, detector);
    }

    /** Offset of the quadrant beamstop's corner from the centre, drawn in [−max, max] px at N = 512 (default 8). */
    public MaskRecipe withQuadrantMaxOffsetPx(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("quadrant offset must be ≥ 0, got " + max);
        }
        return new MaskRecipe(kinds, beamstopMinHalfPx, beamstopMaxHalfPx, beamstopMaxOffsetPx, irregularMinOcclusion,
                irregularMaxOcclusion, centreSquareSidePx, panelsPerAxis, gapMinPx, gapMaxPx, gapJitterPx, max,
                deadPixelFraction, detector);
    }

    /** Fraction of the window's pixels that are dead (default 0.001). */
    public MaskRecipe withDeadPixelFraction(double fraction) {
        if (!(fraction >= 0) || !(fraction <= 0.5)) {
            throw new IllegalArgumentException("dead pixel fraction must be in [0, 0.5], got " + fraction);
        }
        return new MaskRecipe(kinds, beamstopMinHalfPx, beamstopMaxHalfPx, beamstopMaxOffsetPx, irregularMinOcclusion,
                irregularMaxOcclusion, centreSquareSidePx, panelsPerAxis, gapMinPx, gapMaxPx, gapJitterPx,
                quadrantMaxOffsetPx, fraction, detector);
    }

    /** A copy that also applies the fixed detector mask {@code mask} (adds {@link MaskKind#DETECTOR}). */
    public MaskRecipe withDetectorMask(DetectorMask mask) {
        Objects.requireNonNull(mask, "mask");
        EnumSet<MaskKind> set = EnumSet.copyOf(kinds);
        set.add(MaskKind.DETECTOR);
        return copy(set, mask);
    }

    public Set<MaskKind> kinds() {
        return Collections.unmodifiableSet(kinds);
    }

    public double irregularMaxOcclusion() {
        return irregularMaxOcclusion;
    }

    /**
     * A mask for an N×N window, 1 = measured.
     *
     * @param lengthScale factor from the recipe's N = 512 pixels to this window's (N/512 normally)
     * @param random      the frame's mask stream; one value is drawn from it
     */
    public byte[] generate(int windowPx, double lengthScale, SplittableRandom random) {
        if (windowPx <= 0 || !(lengthScale > 0)) {
            throw new IllegalArgumentException("need a positive window and length scale, got " + windowPx + ", " + lengthScale);
        }
        byte[] mask = new byte[windowPx * windowPx];
        java.util.Arrays.fill(mask, (byte) 1);
        long base = random.nextLong();
        for (MaskKind kind : kinds) {
            SplittableRandom r = Seeds.substream(base, kind.ordinal());
            switch (kind) {
                case BEAMSTOP -> {
                    int hMin = scaled(beamstopMinHalfPx, lengthScale);
                    int hMax = Math.max(hMin, scaled(beamstopMaxHalfPx, lengthScale));
                    int off = (int) Math.round(beamstopMaxOffsetPx * lengthScale);
                    int hh = r.nextInt(hMin, hMax + 1);
                    int hw = r.nextInt(hMin, hMax + 1);
                    int dy = r.nextInt(-off, off + 1);
                    int dx = r.nextInt(-off, off + 1);
                    MaskPainter.centredRectangle(mask, windowPx, hh, hw, dy, dx);
                }
                case IRREGULAR -> MaskPainter.irregular(mask, windowPx, irregularMinOcclusion, irregularMaxOcclusion,
                        lengthScale, r);
                case CENTRE_SQUARE -> MaskPainter.centredSquare(mask, windowPx, scaled(centreSquareSidePx, lengthScale));
                case PANEL_GAPS -> {
                    int width = r.nextInt(scaled(gapMinPx, lengthScale),
                            Math.max(scaled(gapMinPx, lengthScale), scaled(gapMaxPx, lengthScale)) + 1);
                    int jitter = (int) Math.round(gapJitterPx * lengthScale);
                    int[] rows = new int[panelsPerAxis - 1];
                    int[] cols = new int[panelsPerAxis - 1];
                    for (int k = 1; k < panelsPerAxis; k++) {
                        rows[k - 1] = k * windowPx / panelsPerAxis + r.nextInt(-jitter, jitter + 1);
                        cols[k - 1] = k * windowPx / panelsPerAxis + r.nextInt(-jitter, jitter + 1);
                    }
                    MaskPainter.gaps(mask, windowPx, rows, cols, width);
                }
                case QUADRANT_BEAMSTOP -> {
                    int off = (int) Math.round(quadrantMaxOffsetPx * lengthScale);
                    MaskPainter.quadrant(mask, windowPx, r.nextInt(4), r.nextInt(-off, off + 1), r.nextInt(-off, off + 1));
                }
                case DEAD_PIXELS -> MaskPainter.deadPixels(mask, (int) Math.round(deadPixelFraction * mask.length), r);
                case DETECTOR -> {
                    byte[] fitted = detector.fitTo(windowPx);
                    for (int k = 0; k < mask.length; k++) {
                        if (fitted[k] == 0) {
                            mask[k] = 0;
                        }
                    }
                }
                default -> throw new IllegalStateException("unhandled mask kind " + kind);
            }
        }
        return mask;
    }

    private static int scaled(int px, double lengthScale) {
        return Math.max(1, (int) Math.round(px * lengthScale));
    }

    private MaskRecipe copy(EnumSet<MaskKind> set, DetectorMask mask) {
        return new MaskRecipe(set, beamstopMinHalfPx, beamstopMaxHalfPx, beamstopMaxOffsetPx, irregularMinOcclusion,
                irregularMaxOcclusion, centreSquareSidePx, panelsPerAxis, gapMinPx, gapMaxPx, gapJitterPx,
                quadrantMaxOffsetPx, deadPixelFraction, mask);
    }

    /** The recipe in words, for provenance, e.g. {@code irregular(0–0.5)+beamstop(8–32±8)}. */
    @Override
    public String toString() {
        if (kinds.isEmpty()) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        for (MaskKind kind : kinds) {
            sb.append(sb.length() == 0 ? "" : "+").append(kind.label());
            switch (kind) {
                case BEAMSTOP -> sb.append('(').append(beamstopMinHalfPx).append('–').append(beamstopMaxHalfPx)
                        .append("±").append(beamstopMaxOffsetPx).append(" px@512)");
                case IRREGULAR -> sb.append('(').append(irregularMinOcclusion).append('–')
                        .append(irregularMaxOcclusion).append(')');
                case CENTRE_SQUARE -> sb.append('(').append(centreSquareSidePx).append(" px@512)");
                case PANEL_GAPS -> sb.append('(').append(panelsPerAxis).append(" panels, ").append(gapMinPx)
                        .append('–').append(gapMaxPx).append("±").append(gapJitterPx).append(" px@512)");
                case QUADRANT_BEAMSTOP -> sb.append("(±").append(quadrantMaxOffsetPx).append(" px@512)");
                case DEAD_PIXELS -> sb.append('(').append(deadPixelFraction).append(')');
                case DETECTOR -> sb.append('(').append(detector.height()).append('×').append(detector.width())
                        .append(' ').append(detector.fit()).append(')');
                default -> { }
            }
        }
        return sb.toString();
    }
}
