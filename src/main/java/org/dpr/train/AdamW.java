package org.dpr.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import java.util.Map;

/**
 * Adam with decoupled weight decay (Loshchilov &amp; Hutter 2019), as PyTorch's
 * {@code torch.optim.AdamW} and the paper (§4.3: β₁ = 0.9, β₂ = 0.999, weight decay 10⁻⁴). For
 * each parameter w with gradient g at update t and learning rate α:
 *
 * <pre>
 * w ← w − α·λ·w                                 (decoupled decay, before the Adam step)
 * m ← β₁ m + (1 − β₁) g,   v ← β₂ v + (1 − β₂) g²
 * w ← w − α/(1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + ε)
 * </pre>
 *
 * The decay does not pass through m and v, unlike L2 regularisation added to the gradient (what
 * DJL's {@code Adam} with a weight decay does). DJL 0.36's own {@code AdamW} keeps its moments in
 * private fields, so they could not be checkpointed; this class keeps them in an
 * {@link OptimizerState} instead. Immutable; {@link #update} changes only the weights and the state.
 */
public final class AdamW {
    private static final AdamW DEFAULTS = new AdamW(0.9, 0.999, 1e-8, 1e-4, DecayScope.ALL_PARAMETERS);

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private final DecayScope decayScope;

    private AdamW(double beta1, double beta2, double epsilon, double weightDecay, DecayScope decayScope) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
        this.decayScope = decayScope;
    }

    /** β₁ 0.9, β₂ 0.999, ε 10⁻⁸, weight decay 10⁻⁴ on all parameters (paper §4.3, PyTorch's ε). */
    public static AdamW withDefaults() {
        return DEFAULTS;
    }

    /** The moment decay rates, each in [0, 1). */
    public AdamW withBetas(double b1, double b2) {
        if (!(b1 >= 0 && b1 < 1) || !(b2 >= 0 && b2 < 1)) {
            throw new IllegalArgumentException("betas must be in [0, 1), got " + b1 + ", " + b2);
        }
        return new AdamW(b1, b2, epsilon, weightDecay, decayScope);
    }

    /** The denominator's ε, &gt; 0. */
    public AdamW withEpsilon(double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("epsilon must be finite and > 0, got " + value);
        }
        return new AdamW(beta1, beta2, value, weightDecay, decayScope);
    }

    /** λ, the decoupled weight decay per unit learning rate, ≥ 0. */
    public AdamW withWeightDecay(double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("weight decay must be finite and ≥ 0, got " + value);
        }
        return new AdamW(beta1, beta2, epsilon, value, decayScope);
    }

    public AdamW withDecayScope(DecayScope scope) {
        if (scope == null) {
            throw new IllegalArgumentException("decay scope must not be null");
        }
        return new AdamW(beta1, beta2, epsilon, weightDecay, scope);
    }

    public double beta1() {
        return beta1;
    }

    public double beta2() {
        return beta2;
    }

    public double epsilon() {
        return epsilon;
    }

    public double weightDecay() {
        return weightDecay;
    }

    public DecayScope decayScope() {
        return decayScope;
    }

    /**
     * One update of every trainable parameter of {@code block} that has an entry in
     * {@code gradients} (keyed by hierarchical parameter name, as {@link Gradients#copy} makes
     * them); advances {@code state}'s step by one. Must not run inside a gradient collector (the
     * weights are changed in place).
     */
    public void update(Block block, Map<String, NDArray> gradients, OptimizerState state, double learningRate) {
        if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be finite and ≥ 0, got " + learningRate);
        }
        state.advance();
        long t = state.step();
        double correction1 = 1 - Math.pow(beta1, t);
        double sqrtCorrection2 = Math.sqrt(1 - Math.pow(beta2, t));
        float stepSize = (float) (learningRate / correction1);
        for (TrainableParameters.Named n : TrainableParameters.trainable(block)) {
            NDArray g = gradients.get(n.name());
            if (g == null) {
                continue;
            }
            NDArray w = n.array();
            OptimizerState.Moments m = state.momentsFor(n.name(), w);
            boolean decays = decayScope == DecayScope.ALL_PARAMETERS || n.isWeight();
            if (decays && weightDecay > 0) {
                w.muli((float) (1 - learningRate * weightDecay));
            }
            try (NDArray scaled = g.mul((float) (1 - beta1))) {
                m.mean().muli((float) beta1).addi(scaled);
            }
            try (NDArray squared = g.square()) {
                squared.muli((float) (1 - beta2));
                m.variance().muli((float) beta2).addi(squared);
            }
            try (NDArray denominator = m.variance().sqrt()) {
                denominator.divi((float) sqrtCorrection2).addi((float) epsilon);
                try (NDArray change = m.mean().div(denominator)) {
                    change.muli(stepSize);
                    w.subi(change);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "AdamW(β " + beta1 + "/" + beta2 + ", ε " + epsilon + ", weight decay " + weightDecay + " on "
                + decayScope + ")";
    }
}
