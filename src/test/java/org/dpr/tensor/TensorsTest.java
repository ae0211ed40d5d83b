package org.dpr.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class TensorsTest {

    /**
     * The backward pass of x·c, x/c and max(x, c) reads the constant c. Between the forward and the
     * backward pass the constant's Java wrapper is long closed; here the garbage collector runs and
     * the freed native memory is handed out again and overwritten, as in a long training run. With
     * DJL's own {@code mul(Number)} the gradient then comes out as garbage (this is what made about 1 % of
     * training batches non-finite and resumed runs differ from straight ones); with a constant that
     * libtorch owns it is exact.
     */
    @Test
    void gradientsThroughScalarConstantsSurviveTheGarbageCollector() {
        float[] values = {0.5f, 1.5f, 2.5f, -1f};
        assertThat(gradientAfterChurn(values, x -> Tensors.times(x, 3f))).containsExactly(3f, 3f, 3f, 3f);
        assertThat(gradientAfterChurn(values, x -> Tensors.dividedBy(x, 4f))).containsExactly(0.25f, 0.25f, 0.25f, 0.25f);
        assertThat(gradientAfterChurn(values, x -> Tensors.atLeast(x, 1f))).containsExactly(0f, 1f, 1f, 0f);
    }

    @Test
    void anOwnedArrayKeepsItsValuesAfterTheGarbageCollectorRan() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray owned = Tensors.owned(m, new float[] {1f, 2f, 3f, 4f}, new Shape(2, 2));
            NDArray view = owned.reshape(4);
            owned.close();
            churn();
            assertThat(view.toFloatArray()).containsExactly(1f, 2f, 3f, 4f);
            NDArray indices = Tensors.owned(m, new long[] {3, 0}, new Shape(2));
            assertThat(indices.toLongArray()).containsExactly(3L, 0L);
        }
    }

    private static float[] gradientAfterChurn(float[] values, UnaryOperator<NDArray> op) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(values, new Shape(values.length));
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray y = op.apply(x).sum();
                churn();
                collector.backward(y);
            }
            return x.getGradient().toFloatArray();
        }
    }

    /** Lets the collector free unreachable direct buffers, then allocates small ones full of NaN. */
    private static void churn() {
        for (int round = 0; round < 3; round++) {
            System.gc();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<ByteBuffer> held = new ArrayList<>();
        for (int k = 0; k < 2000; k++) {
            ByteBuffer b = ByteBuffer.allocateDirect(4 + (k % 4) * 4);
            while (b.remaining() >= 4) {
                b.putFloat(Float.NaN);
            }
            held.add(b);
        }
        assertThat(held).hasSize(2000);
    }
}
