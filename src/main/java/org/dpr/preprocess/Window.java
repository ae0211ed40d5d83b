package org.dpr.preprocess;

import org.dpr.io.DiffractionFrame;

/**
 * Crops or pads a centred frame to an N×N window about its centre, keeping the zero frequency at
 * (N/2, N/2): out[y][x] = in[y − N/2 + H/2][x − N/2 + W/2]. Pixels beyond the input are missing
 * (mask 0, value 0) — never invented. Cropping in Fourier space keeps the oversampling and lowers
 * the resolution (the real-space pixel grows by H/N); the ground truth is dropped when the size
 * changes.
 */
public final class Window implements PreprocessStep {

    private final int sizePx;

    private Window(int sizePx) {
        this.sizePx = sizePx;
    }

    /** An N×N window, N even and positive. */
    public static Window of(int sizePx) {
        if (sizePx <= 0 || sizePx % 2 != 0) {
            throw new IllegalArgumentException("window must be a positive even number of pixels, got " + sizePx);
        }
        return new Window(sizePx);
    }

    public int sizePx() {
        return sizePx;
    }

    @Override
    public String name() {
        return "window";
    }

    @Override
    public String describe() {
        return "window(" + sizePx + "×" + sizePx + ")";
    }

    @Override
    public FrameSize outputSize(FrameSize size) {
        return new FrameSize(sizePx, sizePx);
    }

    @Override
    public StepResult apply(DiffractionFrame frame) {
        int h = frame.height();
        int w = frame.width();
        DiffractionFrame out = Frames.moved(frame, h / 2, w / 2, sizePx, sizePx);
        int padded = 0;
        int half = sizePx / 2;
        for (int y = 0; y < sizePx; y++) {
            for (int x = 0; x < sizePx; x++) {
                int sy = y - half + h / 2;
                int sx = x - half + w / 2;
                padded += sy < 0 || sy >= h || sx < 0 || sx >= w ? 1 : 0;
            }
        }
        String action = sizePx <= Math.min(h, w) ? "cropped" : sizePx >= Math.max(h, w) ? "padded" : "cropped/padded";
        StepRecord record = StepRecord.of(name(), action + " " + h + "×" + w + " to " + sizePx + "×" + sizePx
                        + " about (" + h / 2 + ", " + w / 2 + ")" + (padded > 0 ? ", " + padded + " px outside the data missing" : ""))
                .with("input_height_px", h).with("input_width_px", w)
                .with("window_px", sizePx)
                .with("padded_px", padded);
        if (padded * 4L > (long) sizePx * sizePx) {
            record = record.withWarning(String.format(java.util.Locale.ROOT, "%.0f %% of the window lies outside the data",
                    100.0 * padded / ((double) sizePx * sizePx)));
        }
        return new StepResult(out, record);
    }
}
