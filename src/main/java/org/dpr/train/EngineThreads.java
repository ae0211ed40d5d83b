package org.dpr.train;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The number of threads the tensor engine uses inside one operation (libtorch's intra-op threads).
 * libtorch starts with one per core; on a machine whose cores other processes also use, its spinning
 * worker threads can slow training several-fold, and one thread is then faster. Engines other than
 * PyTorch are left alone.
 */
public final class EngineThreads {
    private EngineThreads() {
    }

    /** Sets the intra-op threads (≥ 1); returns the previous count (0 when the engine is not PyTorch). */
    public static int setIntraOp(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        }
        if (!"PyTorch".equals(Engine.getInstance().getEngineName())) {
            return 0;
        }
        int previous = JniUtils.getNumThreads();
        JniUtils.setNumThreads(threads);
        return previous;
    }

    /** The intra-op threads in use (0 when the engine is not PyTorch). */
    public static int intraOp() {
        return "PyTorch".equals(Engine.getInstance().getEngineName()) ? JniUtils.getNumThreads() : 0;
    }
}
