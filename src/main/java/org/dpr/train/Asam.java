package org.dpr.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adaptive sharpness-aware minimisation (ASAM, Kwon et al. 2021), used with AdamWR in the paper
 * (§4.3, ρ = 0.2, η = 0.01). One ASAM update: with the gradient g at the weights w, move to the
 * worst point of a scale-adapted neighbourhood,
 *
 * <pre>ε = ρ · T² g / ‖T g‖,   T = |w| + η for convolution/linear weights, T = 1 elsewhere</pre>
 *
 * (biases and BatchNorm's γ, β; T acts element-wise and the norm is global over all parameters, so
 * ‖T⁻¹ε‖ = ρ), compute the gradient at w + ε, restore w, and let the optimiser step from w with
 * that gradient. {@link #perturb} does the first move and returns the handle that restores;
 * {@link TrainingStep} runs the whole sequence. Immutable.
 */
public final class Asam {
    private static final Asam DEFAULTS = new Asam(0.2, 0.01);

    private final double rho;
    private final double eta;

    private Asam(double rho, double eta) {
        this.rho = rho;
        this.eta = eta;
    }

    /** ρ 0.2, η 0.01 (paper §4.3). */
    public static Asam withDefaults() {
        return DEFAULTS;
    }

    /** ρ, the radius of the neighbourhood in the T-scaled metric, &gt; 0. */
    public Asam withRho(double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("rho must be finite and > 0, got " + value);
        }
        return new Asam(value, eta);
    }

    /** η, the floor of the adaptive scale |w| + η, ≥ 0. */
    public Asam withEta(double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("eta must be finite and ≥ 0, got " + value);
        }
        return new Asam(rho, value);
    }

    public double rho() {
        return rho;
    }

    public double eta() {
        return eta;
    }

    /**
     * Moves the weights of {@code block} to w + ε in place, computed from {@code gradients} (by
     * hierarchical parameter name; parameters without one are not moved), and snapshots the
     * weights and the BatchNorm running statistics so that the returned handle can put both back
     * exactly: the perturbed forward pass must neither leave the weights moved nor count in the
     * running statistics twice. Must not run inside a gradient collector.
     *
     * <p>When the scaled gradient is zero, ε = 0 (nothing to ascend).
     */
    public AsamPerturbation perturb(Block block, Map<String, NDArray> gradients) {
        List<TrainableParameters.Named> trainable = TrainableParameters.trainable(block);
        NDManager scope = trainable.get(0).array().getManager().newSubManager();
        try {
            Map<String, NDArray> scaled = new LinkedHashMap<>();
            Map<String, NDArray> scales = new LinkedHashMap<>();
            NDList squares = new NDList();
            for (TrainableParameters.Named n : trainable) {
                NDArray g = gradients.get(n.name());
                if (g == null) {
                    continue;
                }
                NDArray tg;
                if (n.isWeight()) {
                    NDArray t = n.array().abs().addi((float) eta);
                    t.attach(scope);
                    scales.put(n.name(), t);
                    tg = g.mul(t);
                } else {
                    tg = g.duplicate();
                }
                tg.attach(scope);
                scaled.put(n.name(), tg);
                NDArray s = tg.square().sum();
                s.attach(scope);
                squares.add(s);
            }
            double norm = squares.isEmpty() ? 0 : total(squares, scope);
            float factor = norm > 0 && Double.isFinite(norm) ? (float) (rho / (norm + 1e-12)) : 0f;

            Map<String, NDArray> epsilon = new LinkedHashMap<>();
            Map<String, NDArray> originals = new LinkedHashMap<>();
            Map<String, NDArray> buffers = new LinkedHashMap<>();
            for (TrainableParameters.Named n : trainable) {
                NDArray tg = scaled.get(n.name());
                if (tg == null) {
                    continue;
                }
                NDArray e = tg.mul(factor);
                NDArray t = scales.get(n.name());
                if (t != null) {
                    e.muli(t);
                }
                e.attach(scope);
                epsilon.put(n.name(), e);
                NDArray original = n.array().duplicate();
                original.attach(scope);
                originals.put(n.name(), original);
            }
            for (TrainableParameters.Named b : TrainableParameters.buffers(block)) {
                NDArray copy = b.array().duplicate();
                copy.attach(scope);
                buffers.put(b.name(), copy);
            }
            for (TrainableParameters.Named n : trainable) {
                NDArray e = epsilon.get(n.name());
                if (e != null) {
                    n.array().addi(e);
                }
            }
            return new AsamPerturbation(block, scope, epsilon, originals, buffers);
        } catch (RuntimeException e) {
            scope.close();
            throw e;
        }
    }

    private static double total(NDList squares, NDManager scope) {
        NDArray sum = NDArrays.stack(squares).sum();
        sum.attach(scope);
        NDArray wide = sum.toType(DataType.FLOAT64, false);
        wide.attach(scope);
        return Math.sqrt(wide.getDouble());
    }

    @Override
    public String toString() {
        return "ASAM(ρ " + rho + ", η " + eta + ")";
    }
}
