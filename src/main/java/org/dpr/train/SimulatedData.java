package org.dpr.train;

import java.util.Objects;
import org.dpr.Geometry;
import org.dpr.io.DiffractionFrame;
import org.dpr.simulate.MaskRecipe;
import org.dpr.simulate.SimulationConfig;
import org.dpr.simulate.Simulator;

/**
 * Training data simulated on the fly (paper §4.2): frame k of the training set is frame k of a
 * {@link Simulator} with the run's data seed, so the set is never stored and any frame can be made
 * again from (seed, k). Validation frame j is simulator frame {@link #VALIDATION_FIRST_INDEX} + j of
 * the same seed: an index range that no training set reaches (it starts at 2⁴⁰), so validation and
 * training frames are independent draws and stay disjoint whatever the training set's size.
 *
 * <p>Optionally a fraction of the frames get another mask recipe (e.g. the paper's constant
 * centre square, on which models are also tested): frame k uses the alternate recipe when a hash of
 * (seed, k) falls below the fraction, so the choice is as reproducible as the frame. The object,
 * flux and noise of frame k do not depend on the recipe (the simulator draws masks from their own
 * stream). Immutable and thread-safe.
 */
public final class SimulatedData implements TrainingData {
    /** First simulator index of the validation frames (2⁴⁰). */
    public static final long VALIDATION_FIRST_INDEX = 1L << 40;

    private final Simulator primary;
    private final Simulator alternate;
    private final double alternateFraction;
    private final long trainingFrames;
    private final int validationFrames;

    private SimulatedData(Simulator primary, Simulator alternate, double alternateFraction, long trainingFrames,
            int validationFrames) {
        this.primary = primary;
        this.alternate = alternate;
        this.alternateFraction = alternateFraction;
        this.trainingFrames = trainingFrames;
        this.validationFrames = validationFrames;
    }

    /**
     * Frames of {@code config} (its seed is the data seed): a training set of {@code trainingFrames}
     * and {@code validationFrames} validation frames (paper: 96 000 and 12 000).
     */
    public static SimulatedData of(SimulationConfig config, long trainingFrames, int validationFrames) {
        Objects.requireNonNull(config, "config");
        if (trainingFrames < 1 || trainingFrames >= VALIDATION_FIRST_INDEX) {
            throw new IllegalArgumentException("training frames must be in [1, 2^40), got " + trainingFrames);
        }
        if (validationFrames < 1) {
            throw new IllegalArgumentException("validation frames must be ≥ 1, got " + validationFrames);
        }
        return new SimulatedData(Simulator.of(config), null, 0, trainingFrames, validationFrames);
    }

    /** A copy in which a {@code fraction} (in [0, 1]) of the frames get {@code masks} instead of the configured ones. */
    public SimulatedData withAlternateMasks(MaskRecipe masks, double fraction) {
        Objects.requireNonNull(masks, "masks");
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("the alternate-mask fraction must be in [0, 1], got " + fraction);
        }
        Simulator other = fraction == 0 ? null : Simulator.of(primary.config().withMasks(masks));
        return new SimulatedData(primary, other, fraction, trainingFrames, validationFrames);
    }

    /** The simulator settings of the frames (with the primary mask recipe). */
    public SimulationConfig config() {
        return primary.config();
    }

    /** The fraction of frames with the alternate mask recipe (0 when none). */
    public double alternateFraction() {
        return alternate == null ? 0 : alternateFraction;
    }

    @Override
    public Geometry geometry() {
        return primary.geometry();
    }

    @Override
    public long trainingFrames() {
        return trainingFrames;
    }

    @Override
    public int validationFrames() {
        return validationFrames;
    }

    @Override
    public DiffractionFrame trainingFrame(long index) {
        if (index < 0 || index >= trainingFrames) {
            throw new IllegalArgumentException("training frame " + index + " is outside 0…" + (trainingFrames - 1));
        }
        return simulatorFor(index).frame(index);
    }

    @Override
    public DiffractionFrame validationFrame(int index) {
        if (index < 0 || index >= validationFrames) {
            throw new IllegalArgumentException("validation frame " + index + " is outside 0…" + (validationFrames - 1));
        }
        long k = VALIDATION_FIRST_INDEX + index;
        return simulatorFor(k).frame(k);
    }

    /** Whether simulator frame {@code index} uses the alternate mask recipe. */
    public boolean usesAlternateMasks(long index) {
        return alternate != null && unitHash(primary.config().seed(), index) < alternateFraction;
    }

    private Simulator simulatorFor(long index) {
        return usesAlternateMasks(index) ? alternate : primary;
    }

    /** A uniform number in [0, 1) from (seed, index): SplitMix64's finaliser of a distinct stream. */
    static double unitHash(long seed, long index) {
        long z = seed * 0xD1B54A32D192ED03L + (index + 1) * 0x9E3779B97F4A7C15L + 0x6D61736B6D6978L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53;
    }

    @Override
    public String description() {
        String masks = alternate == null ? ""
                : "; a fraction " + alternateFraction + " of the frames with masks=" + alternate.config().masks();
        return "simulated on the fly: " + primary.config() + masks + "; training frames 0…" + (trainingFrames - 1)
                + ", validation frames 2^40…2^40+" + (validationFrames - 1) + " of the same seed";
    }

    @Override
    public String toString() {
        return description();
    }
}
