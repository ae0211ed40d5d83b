package org.dpr.evaluate;

import java.util.List;
import org.dpr.io.DiffractionFrame;
import org.dpr.io.FrameSource;

/** Frames held in memory as a {@link FrameSource}, for tests. */
record ListFrameSource(List<DiffractionFrame> frames) implements FrameSource {

    @Override
    public int frameCount() {
        return frames.size();
    }

    @Override
    public int height() {
        return frames.get(0).height();
    }

    @Override
    public int width() {
        return frames.get(0).width();
    }

    @Override
    public DiffractionFrame read(int index) {
        return frames.get(index);
    }

    @Override
    public String description() {
        return "memory (" + frames.size() + " frames)";
    }

    @Override
    public void close() {
    }
}
