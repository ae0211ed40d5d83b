package org.dpr.cli;

import org.dpr.simulate.AnnulusShapes;
import org.dpr.simulate.DensitySource;
import org.dpr.simulate.EmnistShapes;
import org.dpr.simulate.MaskRecipe;
import org.dpr.simulate.RandomFieldDensities;
import org.dpr.simulate.ShapeAugmentation;
import org.dpr.simulate.ShapeSource;
import org.dpr.simulate.SimulationConfig;
import org.dpr.simulate.StrokeShapes;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/**
 * Simulator options beyond the paper's recipe, shared by {@code dpr simulate} and {@code dpr train}
 * ({@code @Mixin ObjectRecipeOptions recipe;}): larger beamstops than the paper's, as measured data
 * often have (a saturated centre masked out), closed-loop strokes for objects with a hole, nearly
 * flat densities for homogeneous objects, larger letters for objects that fill the box, and thinner
 * or fewer strokes, which keep the holes of loops open.
 */
public final class ObjectRecipeOptions {
    @Option(names = "--beamstop-half-px", paramLabel = "MIN-MAX",
            description = {"Beamstop half-sizes, drawn uniformly, in px at N 512 (scaled to the window",
                    "like the paper's; default: the paper's 8-32, i.e. 2-8 px at N 128)."})
    String beamstopHalfPx;

    @Option(names = "--loop-strokes", paramLabel = "FRACTION",
            description = {"Probability that a procedural pen stroke is a closed loop, giving objects with",
                    "a hole such as rings (default: 0, the paper's letters)."})
    Double loopStrokes;

    @Option(names = "--flat-densities", paramLabel = "FRACTION",
            description = {"Probability that an object's density is nearly flat (0.8-1) instead of a",
                    "full-range texture, as for apertures and homogeneous particles (default: 0)."})
    Double flatDensities;

    @Option(names = "--shape-scale", paramLabel = "MIN-MAX",
            description = {"Range of the letters' random scale (default: the paper's 0.8-1.5, objects of",
                    "5-10 px in the 16-px box at N 128); e.g. 1.5-2.1 for objects that fill the box, as a",
                    "measured object fitted with --object-px 13-16 does."})
    String shapeScale;

    @Option(names = "--dilation-px", paramLabel = "MIN-MAX",
            description = {"Width range of the maximum filter that thickens the letters, in px at n 64",
                    "(default: the paper's 3-7); thinner strokes keep the holes of loops open, e.g. 1-3."})
    String dilationPx;

    @Option(names = "--strokes", paramLabel = "MIN-MAX",
            description = {"Pen strokes per procedural letter (default: 1-3); with --loop-strokes 1 and",
                    "--strokes 1-1 every object is a single closed loop (a ring)."})
    String strokes;

    @Option(names = "--annuli", paramLabel = "FRACTION",
            description = {"Probability that an object is an elliptical annulus (outer 0.5-0.95 of the box, hole",
                    "0.3-0.65 of that) instead of a letter, for ring-shaped samples (default: 0)."})
    Double annuli;

    /** {@code recipe} with these options' beamstop sizes (unchanged when not given). */
    MaskRecipe apply(MaskRecipe recipe) {
        if (beamstopHalfPx == null) {
            return recipe;
        }
        int[] range = intRange("--beamstop-half-px", beamstopHalfPx, "8-96 (px at N 512)", 1);
        return recipe.withBeamstopHalfSizePx(range[0], range[1]);
    }

    /** The two bounds of a MIN-MAX value ("-", ":" or "–" between them), stripped; null unless there are two. */
    private static String[] minMax(String value) {
        String[] parts = value.strip().split("-|:|–");
        return parts.length == 2 ? new String[] {parts[0].strip(), parts[1].strip()} : null;
    }

    /** The whole-number bounds of an option's MIN-MAX value, or a message naming the option and an example. */
    private static int[] intRange(String option, String value, String example, int lowest) {
        String[] parts = minMax(value);
        try {
            if (parts != null) {
                int min = Integer.parseInt(parts[0]);
                int max = Integer.parseInt(parts[1]);
                if (min >= lowest && max >= min) {
                    return new int[] {min, max};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs whole numbers MIN-MAX with " + lowest
                + " ≤ MIN ≤ MAX, e.g. " + example + ", got " + value);
    }

    /** {@code shapes} with the letters' dilation drawn from {@code --dilation-px}. */
    private ShapeSource dilated(ShapeSource shapes) {
        int[] range = intRange("--dilation-px", dilationPx, "1-3", 0);
        return withLetterAugmentation(shapes, "--dilation-px", a -> a.withDilationPx(range[0], range[1]));
    }

    /** {@code shapes} (letters, procedural or EMNIST) with their augmentation changed by {@code change}. */
    private static ShapeSource withLetterAugmentation(ShapeSource shapes, String option,
                                                      UnaryOperator<ShapeAugmentation> change) {
        if (shapes instanceof StrokeShapes pen) {
            return pen.withAugmentation(change.apply(pen.augmentation()));
        }
        if (shapes instanceof EmnistShapes letters) {
            return letters.withAugmentation(change.apply(letters.augmentation()));
        }
        throw new IllegalArgumentException(option + " applies to letters (procedural or EMNIST), not to "
                + shapes.description());
    }

    /** {@code shapes} with the letters' scale drawn from {@code --shape-scale}. */
    private ShapeSource scaled(ShapeSource shapes) {
        String[] parts = minMax(shapeScale);
        double min;
        double max;
        try {
            if (parts == null) {
                throw new NumberFormatException();
            }
            min = Double.parseDouble(parts[0]);
            max = Double.parseDouble(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--shape-scale needs MIN-MAX, e.g. 1.5-2.1, got " + shapeScale);
        }
        if (!(min > 0) || !(max >= min) || !(max <= 4)) {
            throw new IllegalArgumentException("--shape-scale needs 0 < MIN ≤ MAX ≤ 4, got " + shapeScale);
        }
        double low = min;
        double high = max;
        return withLetterAugmentation(shapes, "--shape-scale", a -> a.withScale(low, high));
    }

    /**
     * {@code config} with these options' masks, shapes and densities; {@code --loop-strokes} and
     * {@code --strokes} need the procedural strokes and {@code --flat-densities} the procedural densities.
     */
    SimulationConfig apply(SimulationConfig config) {
        SimulationConfig result = config.withMasks(apply(config.masks()));
        if (loopStrokes != null) {
            ShapeSource shapes = result.shapes();
            if (!(shapes instanceof StrokeShapes strokes)) {
                throw new IllegalArgumentException("--loop-strokes applies to the procedural strokes, not to "
                        + shapes.description() + " (drop --emnist)");
            }
            result = result.withShapes(strokes.withLoopFraction(loopStrokes));
        }
        if (strokes != null) {
            int[] range = intRange("--strokes", strokes, "1-1", 1);
            if (!(result.shapes() instanceof StrokeShapes pen)) {
                throw new IllegalArgumentException("--strokes applies to the procedural strokes, not to "
                        + result.shapes().description() + " (drop --emnist)");
            }
            result = result.withShapes(pen.withStrokes(range[0], range[1]));
        }
        if (shapeScale != null) {
            result = result.withShapes(scaled(result.shapes()));
        }
        if (dilationPx != null) {
            result = result.withShapes(dilated(result.shapes()));
        }
        if (flatDensities != null) {
            DensitySource densities = result.densities();
            if (!(densities instanceof RandomFieldDensities fields)) {
                throw new IllegalArgumentException("--flat-densities applies to the procedural densities, not to "
                        + densities.description() + " (drop --cifar)");
            }
            result = result.withDensities(fields.withFlatFraction(flatDensities));
        }
        if (annuli != null) {
            result = result.withShapes(AnnulusShapes.mixedInto(result.shapes(), annuli));
        }
        return result;
    }
}
