package org.dpr.io.image;

/**
 * Colour maps for pictures. {@link #VIRIDIS} is perceptually uniform (lightness rises
 * monotonically, readable in grey and by colour-blind viewers): the default for diffraction
 * patterns. Its table is 17 entries (every 16th, plus the last) of matplotlib's 256-entry viridis
 * by van der Walt, Smith and Firing (CC0), linearly interpolated in between.
 */
public enum Colormap {
    VIRIDIS(new double[][]{
            {0.267004, 0.004874, 0.329415}, {0.282327, 0.094955, 0.417331}, {0.278826, 0.175490, 0.483397},
            {0.258965, 0.251537, 0.524736}, {0.229739, 0.322361, 0.545706}, {0.199430, 0.387607, 0.554642},
            {0.172719, 0.448791, 0.557885}, {0.149039, 0.508051, 0.557250}, {0.127568, 0.566949, 0.550556},
            {0.120638, 0.625828, 0.533488}, {0.157851, 0.683765, 0.501686}, {0.246070, 0.738910, 0.452024},
            {0.369214, 0.788888, 0.382914}, {0.515992, 0.831158, 0.294279}, {0.678489, 0.863742, 0.189503},
            {0.845561, 0.887322, 0.099702}, {0.993248, 0.906157, 0.143936}},
            new double[]{0, 16, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 255}),
    /** Black to white. */
    GREY(new double[][]{{0, 0, 0}, {1, 1, 1}}, new double[]{0, 255});

    private final int[] lookup = new int[256];

    Colormap(double[][] colours, double[] positions) {
        for (int i = 0; i < 256; i++) {
            int j = 0;
            while (j < positions.length - 2 && i > positions[j + 1]) {
                j++;
            }
            double f = (i - positions[j]) / (positions[j + 1] - positions[j]);
            int rgb = 0;
            for (int ch = 0; ch < 3; ch++) {
                double v = colours[j][ch] + f * (colours[j + 1][ch] - colours[j][ch]);
                rgb = (rgb << 8) | (int) Math.round(255 * Math.max(0, Math.min(1, v)));
            }
            lookup[i] = rgb;
        }
    }

    /** The 0xRRGGBB colour of {@code t} in [0, 1] (clamped; NaN gives the lowest colour). */
    public int rgb(double t) {
        if (!(t > 0)) {
            return lookup[0];
        }
        return lookup[(int) Math.round(Math.min(1, t) * 255)];
    }
}
