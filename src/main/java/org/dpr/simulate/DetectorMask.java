package org.dpr.simulate;

import java.util.Objects;

/**
 * A fixed detector mask in memory convention (1 = measured, 0 = missing), e.g. read from a file by
 * the I/O layer, and how to fit it to the simulation window.
 *
 * @param height rows
 * @param width  columns
 * @param valid  1 = measured, 0 = missing (any non-zero byte counts as measured), row-major; not copied
 * @param fit    how it becomes N×N
 */
public record DetectorMask(int height, int width, byte[] valid, Fit fit) {

    /** How a detector mask of another size becomes the N×N window. */
    public enum Fit {
        /** Keep pixels as they are: take the centred N×N crop; window pixels beyond the detector are missing. */
        CROP_CENTRE,
        /** Rescale the whole mask to N×N: a window pixel is measured only if every detector pixel under it is. */
        RESIZE
    }

    public DetectorMask {
        Objects.requireNonNull(valid, "valid");
        Objects.requireNonNull(fit, "fit");
        if (height <= 0 || width <= 0 || (long) height * width != valid.length) {
            throw new IllegalArgumentException("detector mask must have height·width values, got "
                    + height + "×" + width + " and " + valid.length);
        }
    }

    /** A mask to be cropped about its centre. */
    public static DetectorMask cropped(int height, int width, byte[] valid) {
        return new DetectorMask(height, width, valid, Fit.CROP_CENTRE);
    }

    /** This mask fitted to an N×N window (1 = measured). */
    public byte[] fitTo(int windowPx) {
        byte[] out = new byte[windowPx * windowPx];
        if (fit == Fit.CROP_CENTRE) {
            int top = (height - windowPx) / 2;
            int left = (width - windowPx) / 2;
            for (int i = 0; i < windowPx; i++) {
                int r = top + i;
                if (r < 0 || r >= height) {
                    continue;
                }
                for (int j = 0; j < windowPx; j++) {
                    int c = left + j;
                    if (c >= 0 && c < width && valid[r * width + c] != 0) {
                        out[i * windowPx + j] = 1;
                    }
                }
            }
            return out;
        }
        for (int i = 0; i < windowPx; i++) {
            int r0 = (int) Math.floor((double) i * height / windowPx);
            int r1 = Math.max(r0 + 1, (int) Math.ceil((double) (i + 1) * height / windowPx));
            for (int j = 0; j < windowPx; j++) {
                int c0 = (int) Math.floor((double) j * width / windowPx);
                int c1 = Math.max(c0 + 1, (int) Math.ceil((double) (j + 1) * width / windowPx));
                byte v = 1;
                for (int r = r0; r < Math.min(r1, height) && v != 0; r++) {
                    for (int c = c0; c < Math.min(c1, width); c++) {
                        if (valid[r * width + c] == 0) {
                            v = 0;
                            break;
                        }
                    }
                }
                out[i * windowPx + j] = v;
            }
        }
        return out;
    }
}
