package org.dpr.io;

/**
 * The view {@link FrameSources#open(java.nio.file.Path, ReadOptions)} hands out: a frame range of
 * an underlying source, with a detector mask combined into every frame's mask (a pixel stays
 * measured only where both say so) and the NaN policy applied.
 */
final class ConfiguredFrameSource implements FrameSource {

    private final FrameSource source;
    private final int first;
    private final int count;
    private final DetectorMask detectorMask;
    private final NanPolicy nanPolicy;

    ConfiguredFrameSource(FrameSource source, ReadOptions options, DetectorMask detectorMask) {
        this.source = source;
        this.first = options.frames().start();
        this.count = options.frames().countIn(source.frameCount());
        this.nanPolicy = options.nanPolicy();
        if (detectorMask != null && (detectorMask.height() != source.height() || detectorMask.width() != source.width())) {
            throw new DataFormatException("the mask file is " + detectorMask.height() + "×" + detectorMask.width()
                    + " but the frames of " + source.description() + " are " + source.height() + "×" + source.width());
        }
        this.detectorMask = detectorMask;
    }

    @Override
    public int frameCount() {
        return count;
    }

    @Override
    public int height() {
        return source.height();
    }

    @Override
    public int width() {
        return source.width();
    }

    @Override
    public DiffractionFrame read(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("frame " + index + " of " + count);
        }
        int fileIndex = first + index;
        DiffractionFrame frame = source.read(fileIndex);
        float[] intensity = frame.intensity();
        byte[] mask = frame.mask();
        if (detectorMask != null) {
            byte[] detector = detectorMask.measured();
            for (int i = 0; i < mask.length; i++) {
                if (detector[i] == 0) {
                    mask[i] = 0;
                }
            }
        }
        int nan = 0;
        int infinite = 0;
        int firstBad = -1;
        for (int i = 0; i < intensity.length; i++) {
            if (!Float.isFinite(intensity[i])) {
                if (nan + infinite == 0) {
                    firstBad = i;
                }
                if (Float.isNaN(intensity[i])) {
                    nan++;
                } else {
                    infinite++;
                }
                if (nanPolicy == NanPolicy.MASK) {
                    intensity[i] = 0f;
                    mask[i] = 0;
                }
            }
        }
        if (nan + infinite > 0 && nanPolicy == NanPolicy.REJECT) {
            String what = (nan > 0 ? nan + " NaN" : "") + (nan > 0 && infinite > 0 ? " and " : "")
                    + (infinite > 0 ? infinite + " infinite" : "") + (nan + infinite == 1 ? " value" : " values");
            throw new DataFormatException("frame " + fileIndex + " of " + source.description() + " has " + what
                    + " (first at row " + firstBad / frame.width() + ", column " + firstBad % frame.width()
                    + "); mask them with --nan mask or clean the file");
        }
        return frame;
    }

    @Override
    public String description() {
        return source.description() + (first == 0 && count == source.frameCount() ? ""
                : " frames " + first + ":" + (first + count));
    }

    @Override
    public void close() {
        source.close();
    }
}
