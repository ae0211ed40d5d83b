package org.dpr.preprocess;

import org.dpr.io.DiffractionFrame;
import org.dpr.io.FrameMetadata;
import org.dpr.io.MetadataKeys;

/** Package-private helpers that build new frames: moves, crops and pads about the centre. */
final class Frames {
    private Frames() {
    }

    /**
     * The frame of {@code outHeight}×{@code outWidth} whose centre (outHeight/2, outWidth/2) holds the
     * input's pixel (centreRow, centreCol): out[y][x] = in[y − outHeight/2 + centreRow][x − outWidth/2 + centreCol].
     * Pixels that come from outside the input are missing (mask 0) and zero. The metadata's centre
     * keys are set to the new centre; the ground truth is kept only when the size is unchanged
     * (a shift of the pattern does not change the real-space pixel; a crop or pad does).
     */
    static DiffractionFrame moved(DiffractionFrame in, int centreRow, int centreCol, int outHeight, int outWidth) {
        int h = in.height();
        int w = in.width();
        float[] intensity = new float[outHeight * outWidth];
        byte[] mask = new byte[outHeight * outWidth];
        int dy = centreRow - outHeight / 2;
        int dx = centreCol - outWidth / 2;
        int x0 = Math.max(0, -dx);
        int x1 = Math.min(outWidth, w - dx);
        for (int y = 0; y < outHeight; y++) {
            int sy = y + dy;
            if (sy < 0 || sy >= h || x1 <= x0) {
                continue;
            }
            System.arraycopy(in.intensity(), sy * w + x0 + dx, intensity, y * outWidth + x0, x1 - x0);
            System.arraycopy(in.mask(), sy * w + x0 + dx, mask, y * outWidth + x0, x1 - x0);
        }
        float[] truth = outHeight == h && outWidth == w ? in.groundTruth() : null;
        return new DiffractionFrame(outHeight, outWidth, intensity, mask, truth,
                centred(in.metadata(), outHeight, outWidth));
    }

    /** A new frame of another size (binning, resampling): no ground truth, centre keys at the new centre. */
    static DiffractionFrame resized(DiffractionFrame in, int height, int width, float[] intensity, byte[] mask,
                                    FrameMetadata metadata) {
        return new DiffractionFrame(height, width, intensity, mask, null, centred(metadata, height, width));
    }

    /** {@code metadata} with the centre keys at (height/2, width/2). */
    static FrameMetadata centred(FrameMetadata metadata, int height, int width) {
        return metadata.with(MetadataKeys.CENTRE_ROW_PX, height / 2).with(MetadataKeys.CENTRE_COL_PX, width / 2);
    }

    /**
     * The frame with an even number of rows and columns: a missing row is added on top (and a
     * missing column on the left) of an odd one, which keeps the centre pixel at (H/2, W/2).
     */
    static DiffractionFrame even(DiffractionFrame in) {
        int h = in.height();
        int w = in.width();
        if (h % 2 == 0 && w % 2 == 0) {
            return in;
        }
        int eh = h + h % 2;
        int ew = w + w % 2;
        return moved(in, h / 2, w / 2, eh, ew);
    }

    /** Number of zero entries of a mask (missing pixels). */
    static int missing(byte[] mask) {
        int n = 0;
        for (byte b : mask) {
            n += b == 0 ? 1 : 0;
        }
        return n;
    }

    /** Σ intensity over measured pixels, in double precision. */
    static double measuredPhotons(float[] intensity, byte[] mask) {
        double sum = 0;
        for (int i = 0; i < intensity.length; i++) {
            if (mask[i] != 0) {
                sum += intensity[i];
            }
        }
        return sum;
    }

    /** A number in a summary: integers without decimals, others with 4 significant digits. */
    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }
}
