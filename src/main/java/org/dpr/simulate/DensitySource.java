package org.dpr.simulate;

import java.util.SplittableRandom;

/**
 * Where the densities of simulated objects come from (paper §4.2: grey CIFAR-100 images, random
 * resized crops). The object is shape × density; implementations must be thread-safe and draw only
 * from the generator they are given, so that a frame is reproducible from its seed.
 *
 * @see RandomFieldDensities procedural 1/f^β textures (the default)
 * @see CifarDensities CIFAR-100 images read from the data set's binary files
 */
@FunctionalInterface
public interface DensitySource {

    /**
     * A density with values in [0, 1] in an n×n box, row-major.
     *
     * @param boxPx  n, the object box of the geometry
     * @param random the frame's density stream
     */
    float[] density(int boxPx, SplittableRandom random);

    /** A short description for provenance. */
    default String description() {
        return getClass().getSimpleName();
    }
}
