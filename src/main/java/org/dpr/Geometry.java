package org.dpr;

/**
 * The sampling geometry shared by the simulator, the network and the iterative engine: an
 * {@code windowPx × windowPx} diffraction window whose object lives in a centred
 * {@code objectBoxPx × objectBoxPx} box (zero padding of (N − n)/2 on each side). The network maps
 * N → N/8 spatially, so n = N/8 and the linear oversampling is 8 (DESIGN.md, "Conventions").
 *
 * @param windowPx    N, the side of the diffraction window in pixels (a positive multiple of 8)
 * @param objectBoxPx n, the side of the object box in pixels (N/8)
 */
public record Geometry(int windowPx, int objectBoxPx) {

    /** The paper's geometry: N = 512, n = 64. */
    public static final Geometry PAPER = new Geometry(512, 64);
    /** The CPU-sized geometry with the paper's oversampling: N = 128, n = 16. */
    public static final Geometry SMALL = new Geometry(128, 16);

    public Geometry {
        if (windowPx <= 0 || windowPx % 8 != 0) {
            throw new IllegalArgumentException("window size must be a positive multiple of 8, got " + windowPx);
        }
        if (objectBoxPx <= 0 || objectBoxPx > windowPx / 2) {
            throw new IllegalArgumentException(
                    "object box must be positive and at most half the window (" + windowPx / 2 + "), got " + objectBoxPx);
        }
    }

    /** The geometry of window N with the network's object box n = N/8. */
    public static Geometry ofWindow(int windowPx) {
        if (windowPx <= 0 || windowPx % 8 != 0) {
            throw new IllegalArgumentException("window size must be a positive multiple of 8, got " + windowPx);
        }
        return new Geometry(windowPx, windowPx / 8);
    }

    /** Linear oversampling N / n. */
    public double oversampling() {
        return (double) windowPx / objectBoxPx;
    }

    /**
     * The size, in pixels, that a trained model expects of an object: 5/8 of the box (10 px at
     * n 16, 40 px at n 64), the 95th percentile of the largest side of the simulator's objects. The
     * paper's recipe (§4.2) puts a 28-px letter in the 64-px box, dilates it by 3–7 px and scales it
     * by 0.8–1.5, so its objects span about 0.3–0.65 of the box and none fills it. {@code
     * --fit-geometry} brings a measured object to this size rather than to the whole box: a model
     * shown an object larger than any it was trained on returns a smaller one.
     */
    public double trainedObjectExtentPx() {
        return 0.625 * objectBoxPx;
    }

    /** Scale of this window relative to the paper's 512, e.g. 0.25 at N = 128. */
    public double scaleToPaper() {
        return windowPx / 512.0;
    }

    /** Offset of the object box's first row/column inside the window: (N − n)/2. */
    public int boxOffsetPx() {
        return (windowPx - objectBoxPx) / 2;
    }
}
