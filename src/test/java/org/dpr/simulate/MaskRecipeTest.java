package org.dpr.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskRecipeTest {

    private static int missing(byte[] mask) {
        int count = 0;
        for (byte b : mask) {
            count += b == 0 ? 1 : 0;
        }
        return count;
    }

    /** Bounding box of the missing pixels: {rowFrom, rowTo, colFrom, colTo} (exclusive ends). */
    private static int[] missingBox(byte[] mask, int size) {
        int r0 = size;
        int r1 = -1;
        int c0 = size;
        int c1 = -1;
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                if (mask[r * size + c] == 0) {
                    r0 = Math.min(r0, r);
                    r1 = Math.max(r1, r);
                    c0 = Math.min(c0, c);
                    c1 = Math.max(c1, c);
                }
            }
        }
        return new int[] {r0, r1 + 1, c0, c1 + 1};
    }

    @Test
    void irregularMasksNeverOccludeMoreThanHalfTheWindow() {
        MaskRecipe recipe = MaskRecipe.of(MaskKind.IRREGULAR);
        SplittableRandom random = new SplittableRandom(1);
        double sum = 0;
        double max = 0;
        for (int i = 0; i < 150; i++) {
            double occlusion = missing(recipe.generate(128, 0.25, random)) / (128.0 * 128);
            assertThat(occlusion).isLessThanOrEqualTo(0.5);
            sum += occlusion;
            max = Math.max(max, occlusion);
        }
        // the target is uniform in [0, 0.5]: the masks really occlude, up to near the bound
        assertThat(sum / 150).isBetween(0.15, 0.35);
        assertThat(max).isGreaterThan(0.4);
    }

    @Test
    void irregularOcclusionRespectsAConfiguredRange() {
        MaskRecipe recipe = MaskRecipe.of(MaskKind.IRREGULAR).withIrregularOcclusion(0.1, 0.2);
        SplittableRandom random = new SplittableRandom(2);
        int reachedMinimum = 0;
        for (int i = 0; i < 60; i++) {
            double occlusion = missing(recipe.generate(256, 0.5, random)) / (256.0 * 256);
            assertThat(occlusion).isLessThanOrEqualTo(0.2);
            reachedMinimum += occlusion >= 0.1 ? 1 : 0;
        }
        assertThat(reachedMinimum).isGreaterThan(50);
    }

    @ParameterizedTest
    @CsvSource({"128, 2, 8, 2", "512, 8, 32, 8"})
    void beamstopSizesAndOffsetsStayInThePaperRangesScaledToTheWindow(int size, int minHalf, int maxHalf,
                                                                      int maxOffset) {
        MaskRecipe recipe = MaskRecipe.of(MaskKind.BEAMSTOP);
        SplittableRandom random = new SplittableRandom(size);
        int seenMinHalf = Integer.MAX_VALUE;
        int seenMaxHalf = 0;
        int seenMinOffset = 0;
        int seenMaxOffset = 0;
        for (int i = 0; i < 400; i++) {
            byte[] mask = recipe.generate(size, size / 512.0, random);
            int[] box = missingBox(mask, size);
            int height = box[1] - box[0];
            int width = box[3] - box[2];
            // a solid rectangle of even sides 2h × 2w
            assertThat(missing(mask)).isEqualTo(height * width);
            assertThat(height % 2).isZero();
            assertThat(width % 2).isZero();
            int[] halves = {height / 2, width / 2};
            int[] offsets = {box[0] + height / 2 - size / 2, box[2] + width / 2 - size / 2};
            for (int a = 0; a < 2; a++) {
                assertThat(halves[a]).isBetween(minHalf, maxHalf);
                assertThat(offsets[a]).isBetween(-maxOffset, maxOffset);
                seenMinHalf = Math.min(seenMinHalf, halves[a]);
                seenMaxHalf = Math.max(seenMaxHalf, halves[a]);
                seenMinOffset = Math.min(seenMinOffset, offsets[a]);
                seenMaxOffset = Math.max(seenMaxOffset, offsets[a]);
            }
        }
        assertThat(new int[] {seenMinHalf, seenMaxHalf, seenMinOffset, seenMaxOffset})
                .containsExactly(minHalf, maxHalf, -maxOffset, maxOffset);
    }

    @Test
    void centreSquareIsSixteenPixelsAtThePaperWindowAndFourAtTheSmallOne() {
        for (int size : new int[] {128, 512}) {
            byte[] mask = MaskRecipe.of(MaskKind.CENTRE_SQUARE).generate(size, size / 512.0, new SplittableRandom(0));
            int side = size / 32;
            int start = size / 2 - side / 2;
            assertThat(missingBox(mask, size)).containsExactly(start, start + side, start, start + side);
            assertThat(missing(mask)).isEqualTo(side * side);
        }
    }

    @Test
    void quadrantBeamstopCoversOneQuadrantFromNearTheCentre() {
        SplittableRandom random = new SplittableRandom(4);
        EnumSet<Corner> corners = EnumSet.noneOf(Corner.class);
        for (int i = 0; i < 40; i++) {
            byte[] mask = MaskRecipe.of(MaskKind.QUADRANT_BEAMSTOP).generate(128, 0.25, random);
            int[] box = missingBox(mask, 128);
            assertThat(missing(mask)).isEqualTo((box[1] - box[0]) * (box[3] - box[2]));
            boolean top = box[0] == 0;
            boolean left = box[2] == 0;
            assertThat(top ? box[1] : box[0]).isBetween(62, 66);
            assertThat(left ? box[3] : box[2]).isBetween(62, 66);
            assertThat(top ? box[1] : 128 - box[0]).isLessThanOrEqualTo(128);
            corners.add(Corner.values()[(top ? 0 : 2) + (left ? 0 : 1)]);
        }
        assertThat(corners).containsExactlyInAnyOrder(Corner.values());
    }

    private enum Corner { TOP_LEFT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_RIGHT }

    @Test
    void panelGapsAreFullRowsAndColumnsOfTheConfiguredWidth() {
        byte[] mask = MaskRecipe.of(MaskKind.PANEL_GAPS).withPanelGaps(2, 8, 8, 0)
                .generate(512, 1.0, new SplittableRandom(5));
        for (int k = 0; k < 512; k++) {
            boolean gapRow = k >= 252 && k < 260;
            assertThat(mask[k * 512 + 100]).as("row %d", k).isEqualTo((byte) (gapRow ? 0 : 1));
            assertThat(mask[100 * 512 + k]).as("column %d", k).isEqualTo((byte) (gapRow ? 0 : 1));
        }
        assertThat(missing(mask)).isEqualTo(2 * 8 * 512 - 8 * 8);
    }

    @Test
    void deadPixelsMissTheConfiguredFraction() {
        byte[] mask = MaskRecipe.of(MaskKind.DEAD_PIXELS).withDeadPixelFraction(0.01)
                .generate(128, 0.25, new SplittableRandom(6));
        assertThat(missing(mask)).isEqualTo(Math.round(0.01f * 128 * 128));
    }

    @Test
    void detectorMaskIsCroppedAboutItsCentreOrResizedKeepingEveryBadPixel() {
        int h = 200;
        int w = 300;
        byte[] valid = new byte[h * w];
        java.util.Arrays.fill(valid, (byte) 1);
        valid[100 * w + 150] = 0; // the centre
        valid[3 * w + 5] = 0; // outside a 128 crop
        byte[] cropped = DetectorMask.cropped(h, w, valid).fitTo(128);
        assertThat(missing(cropped)).isEqualTo(1);
        assertThat(cropped[(100 - 36) * 128 + 150 - 86]).isZero();

        byte[] big = DetectorMask.cropped(h, w, valid).fitTo(256);
        // rows beyond the 200-row detector are not measured
        assertThat(missing(big)).isEqualTo(56 * 256 + 1);

        // each window pixel covers 2 × 3 detector pixels: rows [2i, 2i + 2), columns [3j, 3j + 3)
        byte[] resized = new DetectorMask(h, w, valid, DetectorMask.Fit.RESIZE).fitTo(100);
        assertThat(missing(resized)).isEqualTo(2);
        assertThat(resized[50 * 100 + 50]).isZero();
        assertThat(resized[1 * 100 + 1]).isZero();
    }

    @Test
    void addingAKindLeavesTheOtherKindsDrawsUnchanged() {
        byte[] paper = MaskRecipe.paper().generate(128, 0.25, new SplittableRandom(7));
        byte[] more = MaskRecipe.paper().with(MaskKind.DEAD_PIXELS).generate(128, 0.25, new SplittableRandom(7));
        int extra = 0;
        for (int k = 0; k < paper.length; k++) {
            if (paper[k] == 0) {
                assertThat(more[k]).isZero();
            } else {
                extra += more[k] == 0 ? 1 : 0;
            }
        }
        assertThat(extra).isPositive().isLessThanOrEqualTo(16);
    }

    @Test
    void kindsParseFromTheirLabelsAndBadLabelsAreRejected() {
        assertThat(MaskRecipe.parse("irregular, BEAMSTOP").kinds())
                .containsExactlyInAnyOrder(MaskKind.IRREGULAR, MaskKind.BEAMSTOP);
        assertThat(MaskRecipe.parse("none").kinds()).isEmpty();
        assertThat(MaskRecipe.parse("centre-square,panel_gaps,center-square").kinds())
                .containsExactlyInAnyOrder(MaskKind.CENTRE_SQUARE, MaskKind.PANEL_GAPS);
        assertThatThrownBy(() -> MaskRecipe.parse("irregular,donut"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("donut").hasMessageContaining("beamstop");
        assertThatThrownBy(() -> MaskRecipe.parse("detector"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("withDetectorMask");
        assertThatThrownBy(() -> MaskRecipe.paper().withIrregularOcclusion(0.2, 0.1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MaskRecipe.paper().withBeamstopHalfSizePx(0, 4))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(MaskRecipe.paper().toString()).contains("beamstop(8–32±8").contains("irregular(0.0–0.5)");
    }

    @Test
    void noMaskMeasuresEveryPixel() {
        assertThat(missing(MaskRecipe.none().generate(64, 0.125, new SplittableRandom(8)))).isZero();
    }
}
