package org.dpr.preprocess;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.dpr.io.DiffractionFrame;

/**
 * Masks rectangles of pixels given by the user: regions a file marks as measured that are not, such
 * as the rows 42–48 of the processed optical ring file that are stored as zeros but flagged valid
 * (rows 91–97 once the reader has undone its fftshift), a shadow, a hot column. Coordinates are
 * those of the frame as read (rows, columns, 0-based), half-open: {@code 91:98,0:98}.
 */
public final class RectangleMask implements PreprocessStep {

    /**
     * Rows [rowStart, rowEnd) × columns [colStart, colEnd).
     *
     * @param rowStart first row
     * @param rowEnd   one past the last row
     * @param colStart first column
     * @param colEnd   one past the last column
     */
    public record Rect(int rowStart, int rowEnd, int colStart, int colEnd) {
        public Rect {
            if (rowStart < 0 || colStart < 0 || rowEnd <= rowStart || colEnd <= colStart) {
                throw new IllegalArgumentException("a rectangle needs 0 ≤ start < end on both axes, got rows "
                        + rowStart + ":" + rowEnd + ", columns " + colStart + ":" + colEnd);
            }
        }

        /**
         * Parses {@code y0:y1,x0:x1} (half-open; an empty end means "to the edge", e.g. {@code 91:,0:}).
         *
         * @throws IllegalArgumentException for anything else
         */
        public static Rect parse(String text) {
            String[] axes = text.strip().split(",");
            if (axes.length != 2) {
                throw new IllegalArgumentException("a rectangle is ROW0:ROW1,COL0:COL1, got '" + text + "'");
            }
            int[] rows = range(axes[0], text);
            int[] cols = range(axes[1], text);
            return new Rect(rows[0], rows[1], cols[0], cols[1]);
        }

        private static int[] range(String axis, String text) {
            String[] ends = axis.strip().split(":", -1);
            if (ends.length != 2) {
                throw new IllegalArgumentException("a rectangle is ROW0:ROW1,COL0:COL1, got '" + text + "'");
            }
            try {
                int start = ends[0].isBlank() ? 0 : Integer.parseInt(ends[0].strip());
                int end = ends[1].isBlank() ? Integer.MAX_VALUE : Integer.parseInt(ends[1].strip());
                return new int[] {start, end};
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("a rectangle is ROW0:ROW1,COL0:COL1 with integers, got '" + text + "'");
            }
        }

        @Override
        public String toString() {
            return rowStart + ":" + (rowEnd == Integer.MAX_VALUE ? "" : rowEnd) + "," + colStart + ":"
                    + (colEnd == Integer.MAX_VALUE ? "" : colEnd);
        }
    }

    private final List<Rect> rects;

    private RectangleMask(List<Rect> rects) {
        this.rects = List.copyOf(rects);
    }

    public static RectangleMask of(List<Rect> rects) {
        rects.forEach(r -> Objects.requireNonNull(r, "rect"));
        if (rects.isEmpty()) {
            throw new IllegalArgumentException("give at least one rectangle");
        }
        return new RectangleMask(rects);
    }

    public static RectangleMask of(Rect... rects) {
        return of(List.of(rects));
    }

    public List<Rect> rects() {
        return rects;
    }

    @Override
    public String name() {
        return "mask-rect";
    }

    @Override
    public String describe() {
        return "mask-rect(" + rects.stream().map(Rect::toString).collect(Collectors.joining(" ")) + ")";
    }

    /**
     * @throws PreprocessException if a rectangle starts outside the frame
     */
    @Override
    public StepResult apply(DiffractionFrame frame) {
        int h = frame.height();
        int w = frame.width();
        byte[] mask = frame.mask().clone();
        int masked = 0;
        for (Rect r : rects) {
            if (r.rowStart() >= h || r.colStart() >= w) {
                throw new PreprocessException("mask rectangle " + r + " starts outside the " + h + "×" + w + " frame");
            }
            for (int y = r.rowStart(); y < Math.min(h, r.rowEnd()); y++) {
                for (int x = r.colStart(); x < Math.min(w, r.colEnd()); x++) {
                    masked += mask[y * w + x] != 0 ? 1 : 0;
                    mask[y * w + x] = 0;
                }
            }
        }
        StepRecord record = StepRecord.of(name(), "masked " + masked + " px in " + rects.size()
                        + (rects.size() == 1 ? " rectangle " : " rectangles ") + rects.stream().map(Rect::toString)
                        .collect(Collectors.joining(" ")))
                .with("masked_px", masked);
        return new StepResult(frame.withMask(mask), record);
    }
}
