package org.dpr.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.Collections;
import java.util.Map;

/**
 * The ASAM ascent step in effect: the weights of a block moved to w + ε by
 * {@link Asam#perturb}. {@link #restore()} (or {@link #close()}) writes the original weights and
 * BatchNorm running statistics back, bit for bit.
 */
public final class AsamPerturbation implements AutoCloseable {
    private static final NDIndex ALL = new NDIndex("...");

    private final Block block;
    private final NDManager scope;
    private final Map<String, NDArray> epsilon;
    private final Map<String, NDArray> originals;
    private final Map<String, NDArray> buffers;
    private boolean restored;

    AsamPerturbation(Block block, NDManager scope, Map<String, NDArray> epsilon, Map<String, NDArray> originals,
            Map<String, NDArray> buffers) {
        this.block = block;
        this.scope = scope;
        this.epsilon = epsilon;
        this.originals = originals;
        this.buffers = buffers;
    }

    /** ε for each moved parameter, by hierarchical name (valid until {@link #close()}). */
    public Map<String, NDArray> epsilon() {
        return Collections.unmodifiableMap(epsilon);
    }

    /** Puts the original weights and running statistics back; does nothing the second time. */
    public void restore() {
        if (restored) {
            return;
        }
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray original = originals.get(p.getKey());
            if (original == null) {
                original = buffers.get(p.getKey());
            }
            if (original != null) {
                p.getValue().getArray().set(ALL, original);
            }
        }
        restored = true;
    }

    /** Restores (if not done yet) and frees ε and the snapshots. */
    @Override
    public void close() {
        try {
            restore();
        } finally {
            scope.close();
        }
    }
}
