package org.dpr.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OptimiserTest {
    private static final int BATCH = 8;

    @Test
    void adamWFitsALinearRelationAndTheLossFallsHundredfold() {
        try (NDManager m = NDManager.newBaseManager(); OptimizerState state = OptimizerState.create(m)) {
            Block block = TinyModels.linear(m, BATCH);
            ParameterStore store = new ParameterStore(m, false);
            TrainingStep step = TrainingStep.of(AdamW.withDefaults(), LearningRateSchedule.constant(0.05));
            Random rng = new Random(3);
            double first = Double.NaN;
            double last = Double.NaN;
            for (int i = 0; i < 200; i++) {
                try (NDManager batch = m.newSubManager()) {
                    NDList data = TinyModels.batch(batch, rng, BATCH);
                    StepResult r = step.run(block, state, () -> TinyModels.mse(block, store, data), 0, i, 200);
                    assertThat(r.outcome()).isEqualTo(StepOutcome.UPDATED);
                    first = i == 0 ? r.loss() : first;
                    last = r.loss();
                }
            }
            assertThat(last).isLessThan(first / 100);
            assertThat(state.step()).isEqualTo(200);
            float[] w = block.getParameters().get("weight").getArray().toFloatArray();
            for (int f = 0; f < TinyModels.FEATURES; f++) {
                assertThat(w[f]).isCloseTo(TinyModels.TRUE_WEIGHTS[f], within(0.1f));
            }
        }
    }

    @Test
    void adamWWithAsamAlsoFitsTheRelation() {
        try (NDManager m = NDManager.newBaseManager(); OptimizerState state = OptimizerState.create(m)) {
            Block block = TinyModels.linear(m, BATCH);
            ParameterStore store = new ParameterStore(m, false);
            TrainingStep step = TrainingStep.of(AdamW.withDefaults(), LearningRateSchedule.constant(0.05))
                    .withAsam(Asam.withDefaults().withRho(0.05));
            Random rng = new Random(4);
            double first = Double.NaN;
            double last = Double.NaN;
            for (int i = 0; i < 200; i++) {
                try (NDManager batch = m.newSubManager()) {
                    NDList data = TinyModels.batch(batch, rng, BATCH);
                    StepResult r = step.run(block, state, () -> TinyModels.mse(block, store, data), 0, i, 200);
                    assertThat(r.perturbedLoss()).isGreaterThanOrEqualTo(0);
                    first = i == 0 ? r.loss() : first;
                    last = r.loss();
                }
            }
            assertThat(last).isLessThan(first / 50);
        }
    }

    @Test
    void decoupledDecayShrinksWeightsByLrTimesLambdaWhenTheGradientIsZero() {
        try (NDManager m = NDManager.newBaseManager(); OptimizerState state = OptimizerState.create(m)) {
            Block block = TinyModels.linear(m, BATCH);
            block.getParameters().get("bias").getArray().set(new NDIndex("..."), 0.7f);
            ParameterStore store = new ParameterStore(m, false);
            float[] before = block.getParameters().get("weight").getArray().toFloatArray();
            double lr = 0.1;
            double lambda = 0.5;
            TrainingStep step = TrainingStep.of(AdamW.withDefaults().withWeightDecay(lambda)
                    .withDecayScope(DecayScope.WEIGHTS_ONLY), LearningRateSchedule.constant(lr));
            try (NDManager batch = m.newSubManager()) {
                NDList data = TinyModels.batch(batch, new Random(1), BATCH);
                step.run(block, state, () -> TinyModels.mse(block, store, data).mul(0f), 0, 0, 1);
            }
            float[] after = block.getParameters().get("weight").getArray().toFloatArray();
            for (int f = 0; f < before.length; f++) {
                assertThat(after[f]).isCloseTo((float) (before[f] * (1 - lr * lambda)), within(1e-7f));
            }
            assertThat(block.getParameters().get("bias").getArray().getFloat(0)).isEqualTo(0.7f);
        }
    }

    @Test
    void twoAdamWStepsMatchTheUpdateRuleComputedByHand() {
        try (NDManager m = NDManager.newBaseManager(); OptimizerState state = OptimizerState.create(m)) {
            Block block = TinyModels.linear(m, 2);
            ParameterStore store = new ParameterStore(m, false);
            double w0 = block.getParameters().get("weight").getArray().getFloat(0, 0);
            double lr = 0.01;
            double lambda = 0.1;
            TrainingStep step = TrainingStep.of(AdamW.withDefaults().withWeightDecay(lambda),
                    LearningRateSchedule.constant(lr)).withClipNorm(Double.POSITIVE_INFINITY);
            // loss = Σ out: ∂/∂w₀₀ = Σ_b x_b0, so the two steps see gradients 3 and −1
            float[][] x0 = {{1f, 2f}, {-0.25f, -0.75f}};
            for (int s = 0; s < 2; s++) {
                try (NDManager batch = m.newSubManager()) {
                    NDArray x = batch.create(new float[] {x0[s][0], 0, 0, x0[s][1], 0, 0}, new Shape(2, 3));
                    step.run(block, state,
                            () -> ForwardMode.TRAINING.forward(block, store, new NDList(x)).head().sum(), 0, s, 2);
                }
            }
            double[] g = {3, -1};
            double w = w0;
            double mean = 0;
            double var = 0;
            for (int t = 1; t <= 2; t++) {
                w *= 1 - lr * lambda;
                mean = 0.9 * mean + 0.1 * g[t - 1];
                var = 0.999 * var + 0.001 * g[t - 1] * g[t - 1];
                double mHat = mean / (1 - Math.pow(0.9, t));
                double vHat = var / (1 - Math.pow(0.999, t));
                w -= lr * mHat / (Math.sqrt(vHat) + 1e-8);
            }
            assertThat(block.getParameters().get("weight").getArray().getFloat(0, 0)).isCloseTo((float) w, within(1e-6f));
            assertThat(state.step()).isEqualTo(2);
        }
    }

    @Test
    void aNonFiniteLossSkipsTheStepAndChangesNoWeight() {
        try (NDManager m = NDManager.newBaseManager(); OptimizerState state = OptimizerState.create(m)) {
            Block block = TinyModels.linear(m, BATCH);
            ParameterStore store = new ParameterStore(m, false);
            Map<String, float[]> before = TinyModels.snapshot(block);
            try (NDManager batch = m.newSubManager()) {
                NDList data = TinyModels.batch(batch, new Random(8), BATCH);
                StepResult r = TrainingStep.paperAdamWR()
                        .run(block, state, () -> TinyModels.mse(block, store, data).mul(Float.NaN), 0, 0, 1);
                assertThat(r.outcome()).isEqualTo(StepOutcome.SKIPPED_NON_FINITE);
            }
            Map<String, float[]> after = TinyModels.snapshot(block);
            for (String name : before.keySet()) {
                assertThat(after.get(name)).as(name).containsExactly(before.get(name));
            }
            assertThat(state.step()).isZero();
        }
    }

    @Test
    void globalNormClippingScalesAllGradientsTogether() {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> g = new LinkedHashMap<>();
            g.put("a", m.create(new float[] {3f}));
            g.put("b", m.create(new float[] {0f, 4f}));
            assertThat(Gradients.clipGlobalNorm(g, 10)).isCloseTo(5, within(1e-6));
            assertThat(g.get("a").getFloat(0)).isEqualTo(3f);
            assertThat(Gradients.clipGlobalNorm(g, 1)).isCloseTo(5, within(1e-6));
            assertThat(g.get("a").getFloat(0)).isCloseTo(0.6f, within(1e-6f));
            assertThat(g.get("b").getFloat(1)).isCloseTo(0.8f, within(1e-6f));
            assertThat(Gradients.globalNorm(g)).isCloseTo(1, within(1e-6));
        }
    }

    @Test
    void asamPerturbationHasNormRhoInTheScaledMetricAndIsUndoneExactly() {
        try (NDManager m = NDManager.newBaseManager()) {
            Block block = TinyModels.withBatchNorm(m, BATCH);
            ParameterStore store = new ParameterStore(m, false);
            Map<String, float[]> before = TinyModels.snapshot(block);
            Asam asam = Asam.withDefaults();
            try (NDManager batch = m.newSubManager()) {
                NDList data = TinyModels.batch(batch, new Random(9), BATCH);
                Gradients.zero(block);
                try (var collector = m.getEngine().newGradientCollector()) {
                    collector.backward(TinyModels.mse(block, store, data));
                }
                Map<String, NDArray> grads = Gradients.copy(block, batch);
                Map<String, float[]> trained = TinyModels.snapshot(block); // running stats moved by the pass
                double scaledSquare = 0;
                int weights = 0;
                try (AsamPerturbation p = asam.perturb(block, grads)) {
                    assertThat(p.epsilon().keySet()).containsExactlyInAnyOrderElementsOf(grads.keySet());
                    Map<String, float[]> moved = TinyModels.snapshot(block);
                    for (var e : p.epsilon().entrySet()) {
                        String name = e.getKey();
                        boolean weight = name.endsWith("_weight");
                        weights += weight ? 1 : 0;
                        float[] eps = e.getValue().toFloatArray();
                        float[] w = before.get(name);
                        float[] g = grads.get(name).toFloatArray();
                        double ratio = Double.NaN;
                        for (int i = 0; i < eps.length; i++) {
                            double t = weight ? Math.abs(w[i]) + 0.01 : 1;
                            scaledSquare += (eps[i] / t) * (eps[i] / t);
                            assertThat(moved.get(name)[i]).isCloseTo(w[i] + eps[i], within(1e-6f));
                            if (Math.abs(g[i]) > 1e-4) { // ε ∝ T² g with one factor for all parameters
                                double r = eps[i] / (t * t * g[i]);
                                ratio = Double.isNaN(ratio) ? r : ratio;
                                assertThat(r).isCloseTo(ratio, within(1e-3 * Math.abs(ratio)));
                            }
                        }
                    }
                    assertThat(Math.sqrt(scaledSquare)).isCloseTo(0.2, within(1e-5));
                    assertThat(weights).isEqualTo(2);
                    TinyModels.mse(block, store, data); // a perturbed pass moves the running statistics again
                }
                Map<String, float[]> restored = TinyModels.snapshot(block);
                for (String name : trained.keySet()) {
                    assertThat(restored.get(name)).as(name).containsExactly(trained.get(name));
                }
            }
        }
    }

    @Test
    void asamStepWithZeroLearningRateLeavesEveryWeightBitForBitAsItWas() {
        try (NDManager m = NDManager.newBaseManager(); OptimizerState state = OptimizerState.create(m)) {
            Block block = TinyModels.withBatchNorm(m, BATCH);
            Block twin = TinyModels.withBatchNorm(m, BATCH);
            copyParameters(block, twin, m);
            ParameterStore store = new ParameterStore(m, false);
            try (NDManager batch = m.newSubManager(); OptimizerState other = OptimizerState.create(m)) {
                NDList data = TinyModels.batch(batch, new Random(2), BATCH);
                Map<String, float[]> before = TinyModels.snapshot(block);
                TrainingStep plain = TrainingStep.of(AdamW.withDefaults(), LearningRateSchedule.constant(0));
                StepResult r = plain.withAsam(Asam.withDefaults())
                        .run(block, state, () -> TinyModels.mse(block, store, data), 0, 0, 1);
                plain.run(twin, other, () -> TinyModels.mse(twin, store, data), 0, 0, 1);
                assertThat(r.perturbedLoss()).isGreaterThan(r.loss());
                Map<String, float[]> after = TinyModels.snapshot(block);
                Map<String, float[]> once = TinyModels.snapshot(twin);
                for (String name : before.keySet()) {
                    if (name.contains("running")) { // one training pass's worth of statistics, not two
                        assertThat(after.get(name)).as(name).containsExactly(once.get(name));
                        assertThat(after.get(name)).as(name).isNotEqualTo(before.get(name));
                    } else {
                        assertThat(after.get(name)).as(name).containsExactly(before.get(name));
                    }
                }
            }
        }
    }

    private static void copyParameters(Block from, Block to, NDManager manager) {
        try {
            var bytes = new java.io.ByteArrayOutputStream();
            from.saveParameters(new java.io.DataOutputStream(bytes));
            to.loadParameters(manager, new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())));
        } catch (java.io.IOException | ai.djl.MalformedModelException e) {
            throw new IllegalStateException(e);
        }
    }
}
