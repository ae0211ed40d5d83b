package org.dpr.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class FrameOrderTest {

    @Test
    void everyPassVisitsEachIndexOnceInAFreshOrder() {
        FrameOrder order = FrameOrder.start(10, new Random(3));
        List<List<Long>> passes = new ArrayList<>();
        for (int pass = 0; pass < 3; pass++) {
            List<Long> indices = new ArrayList<>();
            for (long p = pass * 10L; p < (pass + 1) * 10L; p++) {
                indices.add(order.index(p));
            }
            assertThat(indices).containsExactlyInAnyOrderElementsOf(LongStream.range(0, 10).boxed().toList());
            passes.add(indices);
        }
        assertThat(passes.get(0)).isNotEqualTo(passes.get(1)).isNotEqualTo(LongStream.range(0, 10).boxed().toList());
        assertThat(passes.get(1)).isNotEqualTo(passes.get(2));
    }

    @Test
    void theSavedGeneratorResumesTheSameStreamMidPass() {
        FrameOrder straight = FrameOrder.start(7, new Random(11));
        long[] expected = new long[40];
        Random saved = null;
        for (int p = 0; p < 40; p++) {
            expected[p] = straight.index(p);
            if (p == 24) {
                saved = straight.stateAt(17);
            }
        }
        FrameOrder resumed = FrameOrder.resume(7, saved, 17);
        for (int p = 17; p < 40; p++) {
            assertThat(resumed.index(p)).as("position %d", p).isEqualTo(expected[p]);
        }
        assertThatThrownBy(() -> resumed.index(13)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void releasedPassesCanNoLongerBeAskedFor() {
        FrameOrder order = FrameOrder.start(4, new Random(1));
        order.index(9);
        order.release(8);
        assertThat(order.index(8)).isBetween(0L, 3L);
        assertThatThrownBy(() -> order.index(3)).isInstanceOf(IllegalStateException.class);
    }
}
