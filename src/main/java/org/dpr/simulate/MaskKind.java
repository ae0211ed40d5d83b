package org.dpr.simulate;

import java.util.Locale;

/**
 * The kinds of missing-data regions a {@link MaskRecipe} combines. The first three are the paper's
 * (§2.1, §4.2); the others model detector geometry beyond it.
 */
public enum MaskKind {
    /** Centre beamstop: a rectangle of random half-sizes 8–32 px, offset −8…8 px per axis (at N = 512). */
    BEAMSTOP("beamstop"),
    /** Free-form irregular mask of thick random strokes, occlusion ≤ 50 % (stands in for NVIDIA's set). */
    IRREGULAR("irregular"),
    /** The paper's constant test mask: a 16×16 px square at the centre (at N = 512). */
    CENTRE_SQUARE("centre-square"),
    /** Gaps between detector panels: horizontal and vertical lines of missing pixels. */
    PANEL_GAPS("panel-gaps"),
    /** A beamstop covering one quadrant from near the centre, as in the paper's PAL-XFEL data (§4.6). */
    QUADRANT_BEAMSTOP("quadrant-beamstop"),
    /** Isolated dead pixels at random positions. */
    DEAD_PIXELS("dead-pixels"),
    /** A fixed detector mask (e.g. read from a file), cropped or resized to the window. */
    DETECTOR("detector");

    private final String label;

    MaskKind(String label) {
        this.label = label;
    }

    /** The name used on the command line, e.g. {@code centre-square}. */
    public String label() {
        return label;
    }

    /**
     * The kind named {@code text}: its label or constant name, any case, '-' or '_'.
     *
     * @throws IllegalArgumentException naming the accepted labels
     */
    public static MaskKind parse(String text) {
        String key = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (MaskKind kind : values()) {
            if (kind.label.equals(key) || (kind == CENTRE_SQUARE && key.equals("center-square"))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown mask kind '" + text + "'; expected one of " + labels());
    }

    /** All labels, comma-separated, for messages and help. */
    public static String labels() {
        StringBuilder sb = new StringBuilder();
        for (MaskKind kind : values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(kind.label);
        }
        return sb.toString();
    }
}
