package org.dpr.nn;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Switches autograd recording off for the current thread while open and restores it on close, so
 * that inference keeps no activations for a backward pass. libtorch's grad mode is per thread and on
 * by default; DJL turns it off only on the thread that started the engine. A no-op on other engines.
 */
final class NoGradScope implements AutoCloseable {
    private final boolean restore;

    private NoGradScope(boolean restore) {
        this.restore = restore;
    }

    static NoGradScope enter() {
        if (!"PyTorch".equals(Engine.getInstance().getEngineName()) || !JniUtils.isGradMode()) {
            return new NoGradScope(false);
        }
        JniUtils.setGradMode(false);
        return new NoGradScope(true);
    }

    @Override
    public void close() {
        if (restore) {
            JniUtils.setGradMode(true);
        }
    }
}
