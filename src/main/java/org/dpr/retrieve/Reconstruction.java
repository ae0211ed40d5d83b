package org.dpr.retrieve;

import java.util.Objects;

/**
 * The result of phase retrieval for one frame.
 *
 * @param height        window rows H
 * @param width         window columns W
 * @param objectBoxPx   n, the side of the object box
 * @param object        the object in the centred n×n box, row-major, amplitude units (|F(pad object)| ≈ √I)
 * @param windowObject  the object in the whole H×W window (same centring), row-major
 * @param rf            R_F (eq. 6, measured pixels) of {@code windowObject}
 * @param history       R_F over the run of the selected (best) start
 * @param recipe        the recipe that ran, e.g. {@code ER**100 * (ShrinkWrap * HIO**50)**18}
 * @param seconds       wall-clock seconds spent on this frame (its batch's time shared among its frames)
 * @param starts        random starts run
 * @param startsDropped starts dropped because they diverged (NaN/Inf)
 * @param selectedStart index of the lowest-R_F start (the reference of an average)
 * @param selection     how the output was chosen
 * @param startRf       final R_F of every start (NaN for a dropped one)
 */
public record Reconstruction(int height, int width, int objectBoxPx, float[] object, float[] windowObject, double rf,
                             RfHistory history, String recipe, double seconds, int starts, int startsDropped,
                             int selectedStart, Selection selection, float[] startRf) {

    public Reconstruction {
        if (height <= 0 || width <= 0 || objectBoxPx <= 0 || objectBoxPx > Math.min(height, width)) {
            throw new IllegalArgumentException("bad geometry " + height + "×" + width + ", box " + objectBoxPx);
        }
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(windowObject, "windowObject");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(recipe, "recipe");
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(startRf, "startRf");
        if (object.length != objectBoxPx * objectBoxPx || windowObject.length != height * width) {
            throw new IllegalArgumentException("object must be n² and windowObject H·W values");
        }
        if (starts < 1 || startsDropped < 0 || startsDropped >= starts || startRf.length != starts
                || selectedStart < 0 || selectedStart >= starts) {
            throw new IllegalArgumentException("inconsistent start counts: " + starts + " run, " + startsDropped
                    + " dropped, selected " + selectedStart + ", " + startRf.length + " R_F values");
        }
        if (!(seconds >= 0)) {
            throw new IllegalArgumentException("seconds must be ≥ 0, got " + seconds);
        }
    }

    @Override
    public String toString() {
        return "Reconstruction[" + height + "×" + width + ", box " + objectBoxPx + ", R_F " + rf + ", " + recipe + ", "
                + starts + " starts (" + startsDropped + " dropped), " + selection + ", " + seconds + " s]";
    }
}
