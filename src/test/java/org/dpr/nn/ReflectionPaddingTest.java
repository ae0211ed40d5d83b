package org.dpr.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class ReflectionPaddingTest {

    @Test
    void paddingByOneMirrorsWithoutRepeatingTheEdgeAsComputedByHand() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, new Shape(1, 1, 3, 3));
            float[] expected = {
                5, 4, 5, 6, 5,
                2, 1, 2, 3, 2,
                5, 4, 5, 6, 5,
                8, 7, 8, 9, 8,
                5, 4, 5, 6, 5};
            NDArray padded = ReflectionPadding.pad(x, 1);
            assertThat(padded.getShape()).isEqualTo(new Shape(1, 1, 5, 5));
            assertThat(padded.toFloatArray()).containsExactly(expected);
        }
    }

    @Test
    void paddingByTwoOfARectangleReflectsRowsAndColumnsIndependently() {
        try (NDManager m = NDManager.newBaseManager()) {
            // 3 rows × 4 columns, value = 10·row + column
            float[] v = new float[12];
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 4; c++) {
                    v[r * 4 + c] = 10 * r + c;
                }
            }
            NDArray padded = ReflectionPadding.pad(m.create(v, new Shape(3, 4)), 2);
            assertThat(padded.getShape()).isEqualTo(new Shape(7, 8));
            // padded row i is source row |i − 2| reflected at 0 and 2; padded column j is source column
            // reflected at 0 and 3: rows (2,1,0,1,2,1,0), columns (2,1,0,1,2,3,2,1)
            int[] rows = {2, 1, 0, 1, 2, 1, 0};
            int[] cols = {2, 1, 0, 1, 2, 3, 2, 1};
            float[] out = padded.toFloatArray();
            for (int i = 0; i < 7; i++) {
                for (int j = 0; j < 8; j++) {
                    assertThat(out[i * 8 + j]).as("(%d, %d)", i, j).isEqualTo(10f * rows[i] + cols[j]);
                }
            }
        }
    }

    @Test
    void paddingAsLargeAsTheImageIsRefused() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.zeros(new Shape(1, 1, 3, 5));
            assertThatThrownBy(() -> ReflectionPadding.pad(x, 3)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("3×5");
        }
    }
}
