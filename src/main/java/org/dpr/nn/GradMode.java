package org.dpr.nn;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * A scope that switches autograd recording off for the current thread. libtorch's grad mode is per thread and on by default; DJL turns it off on the thread that started the
 * engine and on inside a {@code GradientCollector}. On other engines nothing is switched.
 */
final class GradMode implements AutoCloseable {
    private final boolean restore;

    private GradMode(boolean restore) {
        this.restore = restore;
    }

    private static boolean isPyTorch() {
        return "PyTorch".equals(Engine.getInstance().getEngineName());
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
