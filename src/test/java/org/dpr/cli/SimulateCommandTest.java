package org.dpr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dpr.Geometry;
import org.dpr.io.DiffractionFrame;
import org.dpr.io.FrameSource;
import org.dpr.io.FrameSources;
import org.dpr.simulate.ObjectExtents;
import org.dpr.simulate.SimulationConfig;
import org.dpr.simulate.Simulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SimulateCommandTest {

    @TempDir
    Path dir;

    private int run(String... args) {
        CommandLine cli = DprCommand.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(new StringWriter()));
        return cli.execute(args);
    }

    @Test
    void writtenFramesReadBackEqualToTheSimulatorsFramesWithMaskAndGroundTruth() {
        Path out = dir.resolve("sim.cxi");
        assertThat(run("simulate", "-N", "64", "--frames", "3", "--first", "5", "--seed", "11", "-o", out.toString(),
                "--png", dir.resolve("png").toString(), "--png-frames", "1")).isZero();
        Simulator simulator = Simulator.of(SimulationConfig.withDefaults().withGeometry(Geometry.ofWindow(64)).withSeed(11));
        try (FrameSource source = FrameSources.open(out)) {
            assertThat(source.frameCount()).isEqualTo(3);
            for (int k = 0; k < 3; k++) {
                DiffractionFrame read = source.read(k);
                DiffractionFrame expected = simulator.frame(5 + k);
                assertThat(read.intensity()).containsExactly(expected.intensity());
                assertThat(read.mask()).containsExactly(expected.mask());
                assertThat(read.groundTruth()).containsExactly(expected.groundTruth());
                assertThat(read.metadata().number("flux_factor")).isEqualTo(expected.metadata().number("flux_factor"));
            }
            assertThat(source.read(0).metadata().text("command_line")).hasValueSatisfying(
                    line -> assertThat(line).startsWith("dpr simulate").contains("--seed 11"));
        }
        assertThat(dir.resolve("png").resolve("frame-00005-pattern.png")).exists();
    }

    @Test
    void beamstopHalfSizeAndLoopStrokeOptionsReachTheSimulator() {
        Path out = dir.resolve("big-beamstop.cxi");
        assertThat(run("simulate", "-N", "128", "--frames", "2", "--seed", "3", "--masks", "beamstop",
                "--beamstop-half-px", "96-96", "--loop-strokes", "1", "-o", out.toString())).isZero();
        try (FrameSource source = FrameSources.open(out)) {
            for (int k = 0; k < 2; k++) {
                DiffractionFrame frame = source.read(k);
                int missing = 0;
                for (byte m : frame.mask()) {
                    missing += m == 0 ? 1 : 0;
                }
                // half-size 96 px at N 512 is 24 px at N 128: a 48×48 square, shifted but inside the window
                assertThat(missing).isEqualTo(48 * 48);
            }
            assertThat(source.read(0).metadata().text("command_line")).hasValueSatisfying(
                    line -> assertThat(line).contains("--beamstop-half-px 96-96").contains("--loop-strokes 1"));
        }
    }

    @Test
    void shapeScaleMakesObjectsThatFillTheBox() {
        Path paper = dir.resolve("paper.cxi");
        Path large = dir.resolve("large.cxi");
        assertThat(run("simulate", "-N", "128", "--frames", "60", "--seed", "5", "--loop-strokes", "0.6",
                "-o", paper.toString())).isZero();
        assertThat(run("simulate", "-N", "128", "--frames", "60", "--seed", "5", "--loop-strokes", "0.6",
                "--shape-scale", "1.6-2.1", "-o", large.toString())).isZero();
        double[] paperSides = largestSides(paper);
        double[] largeSides = largestSides(large);
        java.util.Arrays.sort(paperSides);
        java.util.Arrays.sort(largeSides);
        // the paper's scale 0.8–1.5 gives a median of ≈ 7 px in the 16-px box; 1.6–2.1 is ≈ 1.6× larger
        assertThat(largeSides[30]).as("median largest side").isGreaterThanOrEqualTo(paperSides[30] + 3);
        assertThat(largeSides[59]).as("largest side").isLessThanOrEqualTo(16);
        try (FrameSource source = FrameSources.open(large)) {
            assertThat(source.read(0).metadata().text("command_line")).hasValueSatisfying(
                    line -> assertThat(line).contains("--shape-scale 1.6-2.1"));
        }
    }

    @Test
    void strokesAndDilationMakeRingsAndAreRecorded() {
        Path loops = dir.resolve("loops.cxi");
        Path rings = dir.resolve("rings.cxi");
        assertThat(run("simulate", "-N", "128", "--frames", "60", "--seed", "5", "--loop-strokes", "1",
                "-o", loops.toString())).isZero();
        assertThat(run("simulate", "-N", "128", "--frames", "60", "--seed", "5", "--loop-strokes", "1",
                "--strokes", "1-1", "--dilation-px", "1-3", "-o", rings.toString())).isZero();
        // 1–3 loops thickened 3–7 px close most holes (≈ 27 % keep one of ≥ 4 px); one thin loop ≈ 90 %
        assertThat(framesWithAHoleOfAtLeast(4, rings)).isGreaterThan(framesWithAHoleOfAtLeast(4, loops) + 15);
        try (FrameSource source = FrameSources.open(rings)) {
            assertThat(source.read(0).metadata().text("command_line")).hasValueSatisfying(
                    line -> assertThat(line).contains("--strokes 1-1").contains("--dilation-px 1-3"));
        }
    }

    @Test
    void annuliMakeRingsWithLargeHolesAndAreRecorded() {
        Path loops = dir.resolve("loops.cxi");
        Path annuli = dir.resolve("annuli.cxi");
        assertThat(run("simulate", "-N", "128", "--frames", "60", "--seed", "5", "--loop-strokes", "1",
                "--strokes", "1-1", "-o", loops.toString())).isZero();
        assertThat(run("simulate", "-N", "128", "--frames", "60", "--seed", "5", "--annuli", "1",
                "-o", annuli.toString())).isZero();
        // single pen loops keep small holes; most annuli hold one of ≥ 9 px (a ring's, 0.3–0.65 of it across)
        assertThat(framesWithAHoleOfAtLeast(9, annuli)).isGreaterThan(45).isGreaterThan(framesWithAHoleOfAtLeast(9, loops) + 20);
        try (FrameSource source = FrameSources.open(annuli)) {
            assertThat(source.read(0).metadata().text("command_line")).hasValueSatisfying(
                    line -> assertThat(line).contains("--annuli 1"));
        }
    }

    private static int framesWithAHoleOfAtLeast(int holePx, Path file) {
        return (int) java.util.Arrays.stream(perGroundTruth(file, ObjectExtents::largestHolePx))
                .filter(hole -> hole >= holePx).count();
    }

    /** {@link ObjectExtents#largestSidePx} of each ground truth in {@code file}. */
    private static double[] largestSides(Path file) {
        return perGroundTruth(file, ObjectExtents::largestSidePx);
    }

    /** {@code measure(truth, side)} of each (square) ground truth in {@code file}. */
    private static double[] perGroundTruth(Path file, java.util.function.ToIntBiFunction<float[], Integer> measure) {
        try (FrameSource source = FrameSources.open(file)) {
            double[] values = new double[source.frameCount()];
            for (int k = 0; k < values.length; k++) {
                float[] truth = source.read(k).groundTruth();
                values[k] = measure.applyAsInt(truth, (int) Math.round(Math.sqrt(truth.length)));
            }
            return values;
        }
    }

    @Test
    void badOptionsExitTwoAndLeaveNoFile() {
        Path out = dir.resolve("bad.cxi");
        assertThat(run("simulate", "-N", "100", "-o", out.toString())).isEqualTo(DprCommand.EXIT_BAD_INPUT);
        assertThat(run("simulate", "-N", "64", "--noise", "loud", "-o", out.toString())).isEqualTo(DprCommand.EXIT_BAD_INPUT);
        assertThat(run("simulate", "-N", "64", "--masks", "beamstop,moon", "-o", out.toString())).isEqualTo(DprCommand.EXIT_BAD_INPUT);
        assertThat(run("simulate", "-N", "64", "--frames", "0", "-o", out.toString())).isEqualTo(DprCommand.EXIT_BAD_INPUT);
        assertThat(run("simulate", "-N", "64", "--loop-strokes", "1.5", "-o", out.toString())).isEqualTo(DprCommand.EXIT_BAD_INPUT);
        assertThat(run("simulate", "-N", "64", "--beamstop-half-px", "30", "-o", out.toString())).isEqualTo(DprCommand.EXIT_BAD_INPUT);
        assertThat(run("simulate", "-N", "64", "--beamstop-half-px", "40-20", "-o", out.toString())).isEqualTo(DprCommand.EXIT_BAD_INPUT);
        assertThat(run("simulate", "-N", "64", "--shape-scale", "2", "-o", out.toString())).isEqualTo(DprCommand.EXIT_BAD_INPUT);
        assertThat(run("simulate", "-N", "64", "--shape-scale", "2.0-1.0", "-o", out.toString())).isEqualTo(DprCommand.EXIT_BAD_INPUT);
        assertThat(run("simulate", "-N", "64", "--strokes", "0-2", "-o", out.toString())).isEqualTo(DprCommand.EXIT_BAD_INPUT);
        assertThat(run("simulate", "-N", "64", "--strokes", "1.5-2", "-o", out.toString())).isEqualTo(DprCommand.EXIT_BAD_INPUT);
        assertThat(run("simulate", "-N", "64", "--dilation-px", "5-2", "-o", out.toString())).isEqualTo(DprCommand.EXIT_BAD_INPUT);
        assertThat(run("simulate", "-N", "64", "--dilation-px", "3", "-o", out.toString())).isEqualTo(DprCommand.EXIT_BAD_INPUT);
        assertThat(run("simulate", "-N", "64", "--annuli", "1.5", "-o", out.toString())).isEqualTo(DprCommand.EXIT_BAD_INPUT);
        assertThat(run("simulate", "-N", "64", "-o", dir.resolve("patterns.npy").toString())).isEqualTo(DprCommand.EXIT_BAD_INPUT);
        assertThat(out).doesNotExist();
        assertThat(dir.toFile().list()).isEmpty();
    }
}
