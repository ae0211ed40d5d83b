package org.dpr.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class DprNetworkTest {

    @Test
    void paperPresetHasExactlyTheTrainableParameterCountOfThePaper() {
        try (NDManager m = NDManager.newBaseManager()) {
            DprNetwork net = DprNetwork.of(DprConfig.of(DprPreset.PAPER));
            net.initializeFor(m);
            assertThat(net.trainableParameterCount()).isEqualTo(15_243_570L);
        }
    }

    @Test
    void smallPresetForwardGivesObjectBoxAndOneScalePerPattern() {
        try (NDManager m = NDManager.newBaseManager()) {
            DprNetwork net = DprNetwork.of(DprConfig.of(DprPreset.SMALL));
            net.initializeFor(m);
            NDArray objects = TestPatterns.objects(m, 2, 16, 1);
            NDList in = TestPatterns.patterns(m, objects, 128, 1e-2f);
            long t0 = System.nanoTime();
            NDList out = net.forward(new ParameterStore(m, false), in, false);
            System.out.println("small forward ms " + (System.nanoTime() - t0) / 1e6);
            assertThat(out.get(0).getShape()).isEqualTo(new Shape(2, 1, 16, 16));
            assertThat(out.get(1).getShape()).isEqualTo(new Shape(2, 1, 1, 1));
        }
    }
}
