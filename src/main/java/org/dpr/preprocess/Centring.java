package org.dpr.preprocess;

import java.util.Locale;
import java.util.Objects;
import org.dpr.io.DiffractionFrame;

/**
 * Moves a pattern's zero frequency to (H/2, W/2), dpr's centred layout, keeping the frame's size:
 * out[y][x] = in[y − H/2 + c_y][x − W/2 + c_x]. Pixels moved in from beyond the detector are missing;
 * pixels moved out are the far side's highest q, whose Friedel partners lie beyond the detector
 * anyway. The centre is found from the pattern ({@link CentreFinder}, {@link #auto()}) or given
 * ({@link #at}); found centres are rounded to the nearest pixel (the record keeps the sub-pixel value).
 *
 * <p>Numeric metadata {@code centre_found_row_px}, {@code centre_found_col_px} (in the input's
 * pixels) and, for a found centre, {@code centre_confidence} (the peak correlation) are added to the
 * frame, so that {@code dpr preprocess} writes them per frame.
 */
public final class Centring implements PreprocessStep {

    /** Metadata key: the centre row in the input frame, pixels. */
    public static final String FOUND_ROW_PX = "centre_found_row_px";
    /** Metadata key: the centre column in the input frame, pixels. */
    public static final String FOUND_COL_PX = "centre_found_col_px";
    /** Metadata key: peak correlation of the found centre. */
    public static final String CONFIDENCE = "centre_confidence";

    /** Peak correlations below this earn a warning. */
    static final double LOW_CONFIDENCE = 0.5;

    private final CentreFinder finder;
    private final int givenRow;
    private final int givenCol;

    private Centring(CentreFinder finder, int givenRow, int givenCol) {
        this.finder = finder;
        this.givenRow = givenRow;
        this.givenCol = givenCol;
    }

    /** The centre found by {@link CentreFinder#withDefaults()}. */
    public static Centring auto() {
        return auto(CentreFinder.withDefaults());
    }

    public static Centring auto(CentreFinder finder) {
        return new Centring(Objects.requireNonNull(finder, "finder"), 0, 0);
    }

    /** A given centre (row, column ≥ 0; checked against each frame). */
    public static Centring at(int row, int col) {
        if (row < 0 || col < 0) {
            throw new IllegalArgumentException("centre must have row, column ≥ 0, got (" + row + ", " + col + ")");
        }
        return new Centring(null, row, col);
    }

    public boolean isAuto() {
        return finder != null;
    }

    @Override
    public String name() {
        return "centre";
    }

    @Override
    public String describe() {
        return finder != null ? "centre(auto)" : "centre(" + givenRow + ", " + givenCol + ")";
    }

    @Override
    public FrameSize outputSize(FrameSize size) {
        if (finder == null) {
            checkInside(givenRow, givenCol, size.height(), size.width());
        }
        return size;
    }

    @Override
    public StepResult apply(DiffractionFrame frame) {
        int h = frame.height();
        int w = frame.width();
        StepRecord record;
        int row;
        int col;
        if (finder == null) {
            checkInside(givenRow, givenCol, h, w);
            row = givenRow;
            col = givenCol;
            record = StepRecord.of(name(), String.format(Locale.ROOT, "given centre (%d, %d): moved by (%+d, %+d) to (%d, %d)",
                    row, col, h / 2 - row, w / 2 - col, h / 2, w / 2));
        } else {
            CentreEstimate c = finder.find(frame);
            row = c.row();
            col = c.col();
            checkInside(row, col, h, w);
            record = StepRecord.of(name(), String.format(Locale.ROOT,
                            "found centre (%.1f, %.1f), correlation %.3f (next best %.3f): moved by (%+d, %+d) to (%d, %d)",
                            c.rowPx(), c.colPx(), c.peakCorrelation(), c.secondCorrelation(), h / 2 - row, w / 2 - col, h / 2, w / 2))
                    .with("centre_row_subpixel", c.rowPx())
                    .with("centre_col_subpixel", c.colPx())
                    .with("peak_correlation", c.peakCorrelation())
                    .with("second_correlation", c.secondCorrelation())
                    .with("overlap_px", c.overlapPx());
            if (c.peakCorrelation() < LOW_CONFIDENCE) {
                record = record.withWarning(String.format(Locale.ROOT,
                        "weak centrosymmetry (correlation %.2f): check the centre or give --centre ROW,COL", c.peakCorrelation()));
            } else if (c.secondCorrelation() > 0.97 * c.peakCorrelation()) {
                record = record.withWarning(String.format(Locale.ROOT,
                        "ambiguous centre: another centre correlates %.3f against %.3f", c.secondCorrelation(), c.peakCorrelation()));
            }
        }
        record = record.with("centre_row_px", row).with("centre_col_px", col)
                .with("shift_rows_px", h / 2 - row).with("shift_cols_px", w / 2 - col);
        DiffractionFrame moved = Frames.moved(frame, row, col, h, w);
        var metadata = moved.metadata().with(FOUND_ROW_PX, row).with(FOUND_COL_PX, col);
        if (finder != null) {
            metadata = metadata.with(CONFIDENCE, record.number("peak_correlation"));
        }
        return new StepResult(moved.withMetadata(metadata), record);
    }

    private static void checkInside(int row, int col, int h, int w) {
        if (row < 0 || row >= h || col < 0 || col >= w) {
            throw new PreprocessException("the centre (" + row + ", " + col + ") is outside the " + h + "×" + w + " frame");
        }
    }
}
