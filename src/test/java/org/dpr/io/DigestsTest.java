package org.dpr.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DigestsTest {

    private static DiffractionFrame frame(float corner, byte cornerMask, float truth) {
        float[] intensity = new float[16];
        byte[] mask = new byte[16];
        java.util.Arrays.fill(mask, (byte) 1);
        intensity[5] = 3.5f;
        intensity[0] = corner;
        mask[0] = cornerMask;
        float[] groundTruth = {truth, 0, 0, 1};
        return new DiffractionFrame(4, 4, intensity, mask, groundTruth, FrameMetadata.empty());
    }

    @Test
    void aFrameDigestDependsOnIntensityMaskAndGroundTruthButNotOnMetadata() {
        String base = Digests.frame(frame(1, (byte) 1, 2));
        assertThat(base).hasSize(Digests.FRAME_DIGEST_HEX).matches("[0-9a-f]+");
        assertThat(Digests.frame(frame(1, (byte) 1, 2))).isEqualTo(base);
        assertThat(Digests.frame(frame(1, (byte) 1, 2).withMetadata(FrameMetadata.empty().with(FrameMetadata.FRAME_INDEX, 7))))
                .isEqualTo(base);
        assertThat(Digests.frame(frame(1.0001f, (byte) 1, 2))).isNotEqualTo(base);
        assertThat(Digests.frame(frame(1, (byte) 0, 2))).isNotEqualTo(base);
        assertThat(Digests.frame(frame(1, (byte) 1, 2.5f))).isNotEqualTo(base);
    }
}
