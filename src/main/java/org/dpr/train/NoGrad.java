package org.dpr.train;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * A scope without autograd recording on the current thread, for validation passes: libtorch's grad
 * mode is per thread and on by default outside DJL's engine thread, and a forward pass that records
 * keeps every activation until its arrays close. Other engines: nothing is switched.
 */
final class NoGrad implements AutoCloseable {
    private final boolean restore;

    private NoGrad(boolean restore) {
        this.restore = restore;
    }

    static NoGrad enter() {
        if (!"PyTorch".equals(Engine.getInstance().getEngineName()) || !JniUtils.isGradMode()) {
            return new NoGrad(false);
        }
        JniUtils.setGradMode(false);
        return new NoGrad(true);
    }

    @Override
    public void close() {
        if (restore) {
            JniUtils.setGradMode(true);
        }
    }
}
