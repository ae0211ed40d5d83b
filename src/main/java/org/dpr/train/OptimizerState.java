package org.dpr.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The mutable state of {@link AdamW}: the number of updates made so far (t, which the bias
 * correction needs) and, for each trainable parameter by its hierarchical name, Adam's first and
 * second moment estimates m and v. This is what a checkpoint must keep besides the weights for a
 * resumed run to continue exactly ({@link Checkpoint}).
 *
 * <p>The moments live on the manager given to {@link #create(NDManager)} — use the model's manager
 * (or a sub-manager of it) so that they sit on the parameters' device. Close the state to free them.
 */
public final class OptimizerState implements AutoCloseable {
    private final NDManager manager;
    private final Map<String, Moments> moments = new LinkedHashMap<>();
    private long step;

    /** Adam's moment estimates of one parameter. */
    record Moments(NDArray mean, NDArray variance) {
    }

    private OptimizerState(NDManager manager) {
        this.manager = manager;
    }

    /** A fresh state (no update made yet) whose moments will live on a sub-manager of {@code parent}. */
    public static OptimizerState create(NDManager parent) {
        return new OptimizerState(parent.newSubManager());
    }

    /** Updates made so far (t after the last update; 0 for a fresh state). */
    public long step() {
        return step;
    }

    /** Names of the parameters that have moments, in first-update order. */
    public java.util.Set<String> parameterNames() {
        return Collections.unmodifiableSet(moments.keySet());
    }

    NDManager manager() {
        return manager;
    }

    /** The moments of {@code name}, created as zeros shaped like {@code weight} on first use. */
    Moments momentsFor(String name, NDArray weight) {
        Moments m = moments.get(name);
        if (m == null) {
            NDArray mean = manager.zeros(weight.getShape(), weight.getDataType());
            NDArray variance = manager.zeros(weight.getShape(), weight.getDataType());
            m = new Moments(mean, variance);
            moments.put(name, m);
        } else if (!m.mean().getShape().equals(weight.getShape())) {
            throw new IllegalStateException("optimiser state for '" + name + "' has shape " + m.mean().getShape()
                    + " but the parameter has " + weight.getShape());
        }
        return m;
    }

    Map<String, Moments> moments() {
        return Collections.unmodifiableMap(moments);
    }

    void advance() {
        step++;
    }

    /** Replaces the whole state (used when a checkpoint is restored); takes ownership of the arrays. */
    void replace(long newStep, Map<String, Moments> restored) {
        clearMoments();
        for (Map.Entry<String, Moments> e : restored.entrySet()) {
            e.getValue().mean().attach(manager);
            e.getValue().variance().attach(manager);
            moments.put(e.getKey(), e.getValue());
        }
        step = newStep;
    }

    private void clearMoments() {
        for (Moments m : moments.values()) {
            m.mean().close();
            m.variance().close();
        }
        moments.clear();
    }

    @Override
    public void close() {
        clearMoments();
        manager.close();
    }
}
