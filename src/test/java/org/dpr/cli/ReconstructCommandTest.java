package org.dpr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import org.dpr.Geometry;
import org.dpr.io.CxiWriter;
import org.dpr.io.DiffractionFrame;
import org.dpr.io.FrameSource;
import org.dpr.io.FrameSources;
import org.dpr.io.Npy;
import org.dpr.io.NpyArray;
import org.dpr.metrics.RFactor;
import org.dpr.simulate.SimulationConfig;
import org.dpr.simulate.Simulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReconstructCommandTest {

    @TempDir
    Path dir;

    private String stdout;

    private int run(String... args) {
        CommandLine cli = DprCommand.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));
        int code = cli.execute(args);
        stdout = out.toString();
        return code;
    }

    private Path simulated(int frames) {
        Path file = dir.resolve("sim.cxi");
        assertThat(run("simulate", "-N", "64", "--frames", Integer.toString(frames), "--seed", "4", "-o", file.toString())).isZero();
        return file;
    }

    @Test
    void resultFileHoldsOneImagePerFrameWhoseRFactorMatchesAnIndependentComputation() {
        Path in = simulated(2);
        Path out = dir.resolve("hio.h5");
        assertThat(run("reconstruct", in.toString(), "--algorithm", "hio", "--starts", "4", "--iterations", "60",
                "-o", out.toString(), "--json", "--png", dir.resolve("png").toString())).isZero();
        JsonObject json = JsonParser.parseString(stdout).getAsJsonObject();
        assertThat(json.get("method").getAsString()).isEqualTo("hio");
        assertThat(json.getAsJsonArray("frames")).hasSize(2);
        Simulator simulator = Simulator.of(SimulationConfig.withDefaults().withGeometry(Geometry.ofWindow(64)).withSeed(4));
        try (FrameSource result = FrameSources.open(out)) {
            assertThat(result.frameCount()).isEqualTo(2);
            assertThat(result.height()).isEqualTo(8);
            for (int k = 0; k < 2; k++) {
                DiffractionFrame image = result.read(k);
                double rf = RFactor.withDefaults().compute(image.intensity(), simulator.frame(k));
                assertThat(json.getAsJsonArray("frames").get(k).getAsJsonObject().get("r_factor").getAsDouble())
                        .isCloseTo(rf, within(1e-4));
                assertThat(json.getAsJsonArray("frames").get(k).getAsJsonObject().has("psnr_db")).isTrue();
            }
            assertThat(result.read(0).metadata().text("command_line")).hasValueSatisfying(
                    line -> assertThat(line).contains("reconstruct").contains("--starts 4"));
        }
        assertThat(dir.resolve("png").resolve("hio-frame-00000-diffraction.png")).exists();
    }

    @Test
    void unreadableInputsExitTwoWithoutOutput() throws Exception {
        Path out = dir.resolve("out.h5");
        Path text = dir.resolve("not-hdf5.h5");
        java.nio.file.Files.writeString(text, "this is not HDF5");
        Path oneD = dir.resolve("line.npy");
        Npy.write(oneD, NpyArray.ofFloat32(new float[] {1, 2, 3, 4}, 4));
        Path sim = simulated(1);
        assertThat(run("reconstruct", dir.resolve("missing.cxi").toString(), "-o", out.toString())).isEqualTo(DprCommand.EXIT_BAD_INPUT);
        assertThat(run("reconstruct", text.toString(), "-o", out.toString())).isEqualTo(DprCommand.EXIT_BAD_INPUT);
        assertThat(run("reconstruct", oneD.toString(), "-o", out.toString())).isEqualTo(DprCommand.EXIT_BAD_INPUT);
        assertThat(run("reconstruct", sim.toString(), "--data", "/entry_1/nothing", "-o", out.toString()))
                .isEqualTo(DprCommand.EXIT_BAD_INPUT);
        assertThat(out).doesNotExist();
    }

    @Test
    void framesWithNothingMeasuredExitTwoWithoutOutput() {
        Simulator simulator = Simulator.of(SimulationConfig.withDefaults().withGeometry(Geometry.ofWindow(64)));
        DiffractionFrame frame = simulator.frame(0);
        Path in = dir.resolve("blind.cxi");
        try (CxiWriter writer = CxiWriter.create(in)) {
            writer.append(frame.withMask(new byte[64 * 64]));
        }
        Path out = dir.resolve("out.h5");
        assertThat(run("reconstruct", in.toString(), "--starts", "2", "--iterations", "10", "-o", out.toString()))
                .isEqualTo(DprCommand.EXIT_BAD_INPUT);
        assertThat(out).doesNotExist();
    }

    @Test
    void nanIntensitiesAndOversizedSupportsExitTwoWithoutOutput() {
        float[] values = new float[64 * 64];
        Arrays.fill(values, 1f);
        values[100] = Float.NaN;
        Path nan = dir.resolve("nan.npy");
        Npy.write(nan, NpyArray.ofFloat32(values, 64, 64));
        Path out = dir.resolve("out.h5");
        assertThat(run("reconstruct", nan.toString(), "--starts", "2", "--iterations", "10", "-o", out.toString()))
                .isEqualTo(DprCommand.EXIT_BAD_INPUT);
        Path in = simulated(1);
        assertThat(run("reconstruct", in.toString(), "--support-size", "65", "--starts", "2", "--iterations", "10",
                "-o", out.toString())).isEqualTo(DprCommand.EXIT_BAD_INPUT);
        assertThat(run("reconstruct", in.toString(), "--algorithm", "nope", "-o", out.toString()))
                .isEqualTo(DprCommand.EXIT_BAD_INPUT);
        assertThat(out).doesNotExist();
    }

    @Test
    void aReportWithSingleMethodOutputsIsRefusedBeforeAnyWork() {
        Path in = simulated(1);
        Path out = dir.resolve("out.h5");
        Path report = dir.resolve("report");
        Path png = dir.resolve("png");
        assertThat(run("reconstruct", in.toString(), "--report", report.toString(), "-o", out.toString(),
                "--starts", "2", "--iterations", "10")).isEqualTo(DprCommand.EXIT_BAD_INPUT);
        assertThat(run("reconstruct", in.toString(), "--report", report.toString(), "--png", png.toString(),
                "--starts", "2", "--iterations", "10")).isEqualTo(DprCommand.EXIT_BAD_INPUT);
        assertThat(out).doesNotExist();
        assertThat(report).doesNotExist();
        assertThat(png).doesNotExist();
    }

    @Test
    void anOutputNamedForAnotherFormatIsRefusedInsteadOfGettingHdf5Bytes() {
        Path in = simulated(1);
        Path npy = dir.resolve("images.npy");
        assertThat(run("reconstruct", in.toString(), "-a", "er", "--starts", "1", "--iterations", "5", "-o", npy.toString()))
                .isEqualTo(DprCommand.EXIT_BAD_INPUT);
        assertThat(npy).doesNotExist();
        Path h5 = dir.resolve("images.H5");
        assertThat(run("reconstruct", in.toString(), "-a", "er", "--starts", "1", "--iterations", "5", "-o", h5.toString()))
                .isZero();
        assertThat(h5).isRegularFile();
    }
}
