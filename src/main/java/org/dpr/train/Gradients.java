package org.dpr.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gradients of a block's trainable parameters, keyed by the parameter's hierarchical name, and
 * global-norm clipping.
 *
 * <p>DJL (PyTorch engine) accumulates gradients across backward passes and never clears them by
 * itself: call {@link #zero(Block)} before each backward pass ({@link TrainingStep} does).
 * DJL's {@code optClipGrad} clips each value to [−c, c], which changes the gradient's direction;
 * {@link #clipGlobalNorm(Map, double)} scales all gradients together as PyTorch's
 * {@code clip_grad_norm_} does, which the paper's recipe uses (norm 1, DESIGN.md "Training").
 */
public final class Gradients {
    private static final NDIndex ALL = new NDIndex("...");

    private Gradients() {
    }

    /**
     * Sets the gradient of every trainable parameter of {@code block} to zero, in place. The gradient
     * handles live on a scope that is closed afterwards: DJL 0.36's {@code set(NDIndex, Number)}
     * leaves the scalar it creates on the array's manager, which for a handle on the parameters'
     * manager would leak one array per parameter and step.
     */
    public static void zero(Block block) {
        List<TrainableParameters.Named> trainable = TrainableParameters.trainable(block);
        try (NDManager scope = trainable.get(0).array().getManager().newSubManager()) {
            for (TrainableParameters.Named n : trainable) {
                if (n.array().hasGradient()) {
                    NDArray g = n.array().getGradient();
                    g.attach(scope);
                    g.set(ALL, 0f);
                }
            }
        }
    }

    /**
     * Copies of the current gradients of {@code block}'s trainable parameters, attached to
     * {@code manager} (close it to free them), in the block's parameter order.
     */
    public static Map<String, NDArray> copy(Block block, NDManager manager) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (TrainableParameters.Named n : TrainableParameters.trainable(block)) {
            if (!n.array().hasGradient()) {
                continue;
            }
            try (NDArray g = n.array().getGradient()) {
                NDArray c = g.duplicate();
                c.attach(manager);
                out.put(n.name(), c);
            }
        }
        return out;
    }

    /** The global L2 norm √(Σ_p ‖g_p‖²) over all arrays; 0 for an empty map. */
    public static double globalNorm(Map<String, NDArray> gradients) {
        if (gradients.isEmpty()) {
            return 0;
        }
        NDManager scope = gradients.values().iterator().next().getManager().newSubManager();
        try (scope) {
            NDList squares = new NDList(gradients.size());
            for (NDArray g : gradients.values()) {
                NDArray s = g.square().sum();
                s.attach(scope);
                squares.add(s);
            }
            NDArray total = NDArrays.stack(squares).sum();
            total.attach(scope);
            return Math.sqrt(total.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble());
        }
    }

    /**
     * Scales all gradients in place by {@code maxNorm / (norm + 10⁻⁶)} when their global norm
     * exceeds {@code maxNorm} (PyTorch's {@code clip_grad_norm_}); leaves them alone otherwise or when
     * the norm is not finite.
     *
     * @param maxNorm the largest allowed global norm, &gt; 0; {@code Double.POSITIVE_INFINITY} = no clipping
     * @return the global norm before clipping (NaN or ∞ when a gradient is not finite)
     */
    public static double clipGlobalNorm(Map<String, NDArray> gradients, double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("maximum gradient norm must be > 0, got " + maxNorm);
        }
        double norm = globalNorm(gradients);
        if (Double.isFinite(norm) && norm > maxNorm) {
            float factor = (float) (maxNorm / (norm + 1e-6));
            for (NDArray g : gradients.values()) {
                g.muli(factor);
            }
        }
        return norm;
    }
}
