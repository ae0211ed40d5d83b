package org.dpr.preprocess;

import java.nio.file.Path;
import java.util.Objects;
import org.dpr.io.DetectorMask;
import org.dpr.io.DiffractionFrame;
import org.dpr.io.FrameSources;
import org.dpr.io.ReadOptions;

/**
 * Combines a detector mask (panel gaps, dead and hot pixels, a beamstop) with each frame's own mask:
 * a pixel stays measured only where both say so. On the command line the readers do this
 * ({@code --mask-file}); this step is for pipelines built in Java and for masks applied after other
 * steps.
 */
public final class DetectorMaskStep implements PreprocessStep {

    private final DetectorMask mask;
    private final String source;

    private DetectorMaskStep(DetectorMask mask, String source) {
        this.mask = mask;
        this.source = source;
    }

    /** This mask (1 = measured), named {@code source} in logs. */
    public static DetectorMaskStep of(DetectorMask mask, String source) {
        return new DetectorMaskStep(Objects.requireNonNull(mask, "mask"), Objects.requireNonNull(source, "source"));
    }

    /** The mask read from any supported file ({@link FrameSources#readMask}). */
    public static DetectorMaskStep fromFile(Path file) {
        return of(FrameSources.readMask(file, ReadOptions.withDefaults()), file.getFileName().toString());
    }

    public DetectorMask mask() {
        return mask;
    }

    @Override
    public String name() {
        return "detector-mask";
    }

    @Override
    public String describe() {
        return "detector-mask(" + source + ", " + mask.missingPixels() + " px flagged)";
    }

    @Override
    public FrameSize outputSize(FrameSize size) {
        check(size.height(), size.width());
        return size;
    }

    @Override
    public StepResult apply(DiffractionFrame frame) {
        check(frame.height(), frame.width());
        byte[] out = frame.mask().clone();
        byte[] detector = mask.measured();
        int masked = 0;
        for (int i = 0; i < out.length; i++) {
            if (detector[i] == 0 && out[i] != 0) {
                out[i] = 0;
                masked++;
            }
        }
        StepRecord record = StepRecord.of(name(), "masked " + masked + " more px from " + source)
                .with("masked_px", masked).with("source", source);
        return new StepResult(frame.withMask(out), record);
    }

    private void check(int h, int w) {
        if (h != mask.height() || w != mask.width()) {
            throw new PreprocessException("the detector mask " + source + " is " + mask.height() + "×" + mask.width()
                    + " but the frames are " + h + "×" + w);
        }
    }
}
