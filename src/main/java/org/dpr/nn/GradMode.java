package org.dpr.nn;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Whether autograd records the current thread's operations, and a scope that switches it off.
 * libtorch's grad mode is per thread and on by default; DJL turns it off on the thread that started the
 * engine and on inside a {@code GradientCollector}. On other engines nothing is switched and recording is
 * assumed.
 */
final class GradMode implements AutoCloseable {
    private final boolean restore;

    private GradMode(boolean restore) {
        this.restore = restore;
    }

    private static boolean isPyTorch() {
        return "PyTorch".equals(Engine.getInstance().getEngineName());
    }

    /** True when operations on this thread may be recorded for a backward pass. */
    static boolean isRecording() {
        return !isPyTorch() || JniUtils.isGradMode();
    }

    /** Switches recording off until {@link #close()}, which restores the previous state. */
    static GradMode disabled() {
        if (!isPyTorch() || !JniUtils.isGradMode()) {
            return new GradMode(false);
        }
        JniUtils.setGradMode(false);
        return new GradMode(true);
    }

    @Override
    public void close() {
        if (restore) {
            JniUtils.setGradMode(true);
        }
    }
}
