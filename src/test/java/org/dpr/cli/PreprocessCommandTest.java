package org.dpr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.jhdf.HdfFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.dpr.io.CxiWriter;
import org.dpr.io.DiffractionFrame;
import org.dpr.io.FrameMetadata;
import org.dpr.io.FrameSource;
import org.dpr.io.FrameSources;
import org.dpr.metrics.FourierAmplitudes;
import org.dpr.preprocess.Centring;
import org.dpr.preprocess.PreprocessLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PreprocessCommandTest {

    @TempDir
    Path dir;

    private String stdout;
    private String stderr;
    private Path input;

    private int run(String... args) {
        CommandLine cli = DprCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        stdout = out.toString();
        stderr = err.toString();
        return code;
    }

    /**
     * Two 240×280 detector frames holding the noisy pattern of a 20-px disc (oversampling 19.2: 20 px
     * of a 384 window) centred at (116, 150), saturated (clipped at 60000) on the central speckle.
     */
    @BeforeEach
    void writeInput() {
        input = dir.resolve("detector.cxi");
        int box = 20;
        float[] object = new float[box * box];
        SplittableRandom random = new SplittableRandom(1);
        for (int y = 0; y < box; y++) {
            for (int x = 0; x < box; x++) {
                if (Math.hypot(y - 9.5, x - 9.5) <= 10) {
                    object[y * box + x] = (float) (1 + random.nextDouble());
                }
            }
        }
        float[] a = FourierAmplitudes.ofObject(object, box, 384);
        try (CxiWriter w = CxiWriter.create(input)) {
            for (int f = 0; f < 2; f++) {
                float[] v = new float[240 * 280];
                for (int y = 0; y < 240; y++) {
                    for (int x = 0; x < 280; x++) {
                        float i = a[(y - 116 + 192) * 384 + (x - 150 + 192)];
                        v[y * 280 + x] = Math.min(60000f, (float) Math.rint(i * i / 2 + random.nextDouble()));
                    }
                }
                w.append(new DiffractionFrame(240, 280, v, onesMask(240 * 280), null,
                        FrameMetadata.empty().with(FrameMetadata.FRAME_INDEX, f)));
            }
        }
    }

    private static byte[] onesMask(int n) {
        byte[] m = new byte[n];
        java.util.Arrays.fill(m, (byte) 1);
        return m;
    }

    @Test
    void writesCentredFramesInTheRequestedWindowWithTheLogAsProvenance() throws Exception {
        Path out = dir.resolve("out.cxi");
        assertThat(run("preprocess", input.toString(), "--saturation", "60000", "--centre", "auto", "--friedel-fill",
                "--fit-geometry", "--window", "64", "--object-px", "8", "-o", out.toString())).isZero();
        assertThat(stdout).contains("wrote").contains("2 frames of 64×64");
        // one line per step per frame on stderr
        assertThat(stderr.lines().filter(l -> l.startsWith("frame 0: "))).hasSize(4);
        assertThat(stderr).contains("frame 1: saturation: masked").contains("frame 0: centre: found centre");
        try (FrameSource s = FrameSources.open(out)) {
            assertThat(s.frameCount()).isEqualTo(2);
            DiffractionFrame f = s.read(0);
            assertThat(f.height()).isEqualTo(64);
            assertThat(f.metadata().number(Centring.FOUND_ROW_PX).getAsDouble()).isBetween(115.0, 117.0);
            assertThat(f.metadata().number(Centring.FOUND_COL_PX).getAsDouble()).isBetween(149.0, 151.0);
            // the saturated core is missing; binned by 2 (σ 19.2 → 9.6: the object fills the 8-px box of a 64 window)
            assertThat(f.mask()[32 * 64 + 32]).isZero();
            assertThat(f.metadata().number(org.dpr.preprocess.GeometryFit.RESAMPLE_FACTOR).getAsDouble()).withFailMessage(stderr).isEqualTo(2);
        }
        try (HdfFile h = new HdfFile(out)) {
            String log = (String) h.getDatasetByPath("/entry_1/process_1/log").getData();
            JsonObject json = JsonParser.parseString(log).getAsJsonObject();
            assertThat(json.get("frames").getAsInt()).isEqualTo(2);
            PreprocessLog frame1 = PreprocessLog.fromJson(json.getAsJsonArray("logs").get(1).getAsJsonObject()
                    .getAsJsonArray("steps").toString());
            assertThat(frame1.steps()).extracting(r -> r.step()).containsExactly("saturation", "centre", "friedel", "fit-geometry");
            assertThat(frame1.find("fit-geometry").orElseThrow().number("window_px")).isEqualTo(64);
            assertThat(frame1.find("fit-geometry").orElseThrow().number("object_extent_target_px")).isEqualTo(8);
            assertThat((String) h.getDatasetByPath("/entry_1/process_1/recipe").getData()).startsWith("saturation(≥ 60000)");
            assertThat((String) h.getDatasetByPath("/entry_1/process_1/command").getData()).contains("--fit-geometry");
        }
    }

    /** A model descriptor (no weights needed to read it) for window {@code windowPx}, with extra provenance. */
    private Path descriptor(String name, int windowPx, String provenance) throws Exception {
        Path file = dir.resolve(name + ".json");
        Files.writeString(file, "{\"format\": \"dpr-model\", \"formatVersion\": 1, \"preset\": \"small\", \"windowPx\": "
                + windowPx + ", \"objectBoxPx\": " + windowPx / 8 + ", \"ngf\": 32, \"maxChannels\": 512, \"encoder\": \"WPC\","
                + " \"decoder\": \"TWO_STAGE\", \"parameterCount\": 1, \"weightsFile\": \"" + name + ".params\","
                + " \"weightsFormat\": \"djl-block-parameters\", \"weightsSha256\": \"00\", \"provenance\": {" + provenance + "}}");
        return file;
    }

    private double fittedObjectTargetPx(Path out) throws Exception {
        try (HdfFile h = new HdfFile(out)) {
            JsonObject json = JsonParser.parseString((String) h.getDatasetByPath("/entry_1/process_1/log").getData())
                    .getAsJsonObject();
            return PreprocessLog.fromJson(json.getAsJsonArray("logs").get(0).getAsJsonObject().getAsJsonArray("steps")
                    .toString()).find("fit-geometry").orElseThrow().number("object_extent_target_px");
        }
    }

    @Test
    void fitGeometryAimsAtTheObjectSizeTheModelRecordsUnlessObjectPxIsGiven() throws Exception {
        Path recorded = descriptor("recorded", 64, "\"object_extent_px\": \"6.50\"");
        Path older = descriptor("older", 64, "\"seed\": \"1\"");
        Path otherWindow = descriptor("other", 128, "\"object_extent_px\": \"13.00\"");
        String[] common = {"preprocess", input.toString(), "--saturation", "60000", "--centre", "auto", "--fit-geometry",
                "--window", "64"};

        Path out = dir.resolve("recorded.cxi");
        assertThat(run(concat(common, "--model", recorded.toString(), "-o", out.toString()))).withFailMessage(stderr).isZero();
        assertThat(fittedObjectTargetPx(out)).isEqualTo(6.5);

        out = dir.resolve("given.cxi");
        assertThat(run(concat(common, "--model", recorded.toString(), "--object-px", "7", "-o", out.toString()))).isZero();
        assertThat(fittedObjectTargetPx(out)).isEqualTo(7);

        // a file without the record, or a model of another window: 5/8 of the 8-px box
        for (Path model : new Path[] {older, otherWindow}) {
            out = dir.resolve(model.getFileName() + ".cxi");
            assertThat(run(concat(common, "--model", model.toString(), "-o", out.toString()))).isZero();
            assertThat(fittedObjectTargetPx(out)).as(model.getFileName().toString()).isEqualTo(5);
        }

        // a model that is not there is an error, not a silent default
        out = dir.resolve("missing.cxi");
        Path missing = dir.resolve("missing.json");
        assertThat(run(concat(common, "--model", missing.toString(), "-o", out.toString()))).isEqualTo(2);
        assertThat(stderr).contains(missing.toString()).contains("does not exist");
        assertThat(out).doesNotExist();
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    @Test
    void aCentreOutsideTheFrameExitsWith2AndWritesNothing() {
        Path out = dir.resolve("bad.cxi");
        assertThat(run("preprocess", input.toString(), "--centre", "300,5", "-o", out.toString())).isEqualTo(2);
        assertThat(stderr).contains("the centre (300, 5) is outside the 240×280 frame");
        assertThat(out).doesNotExist();
    }

    @Test
    void aBinningThatLeavesLessThanTheWindowExitsWith2() {
        Path out = dir.resolve("bad.cxi");
        assertThat(run("preprocess", input.toString(), "--bin", "8", "--window", "64", "-o", out.toString())).isEqualTo(2);
        assertThat(stderr).contains("leaves 30×34, less than the 64×64 window");
        assertThat(out).doesNotExist();
    }

    @Test
    void aMaskOfAnotherShapeExitsWith2() throws Exception {
        Path mask = dir.resolve("mask.cxi");
        try (CxiWriter w = CxiWriter.create(mask)) {
            w.append(DiffractionFrame.fullyMeasured(10, 10, new float[100]));
        }
        Path out = dir.resolve("bad.cxi");
        assertThat(run("preprocess", input.toString(), "--mask-file", mask.toString(), "--window", "64", "-o", out.toString()))
                .isEqualTo(2);
        assertThat(stderr).contains("10×10").contains("240×280");
        assertThat(out).doesNotExist();
    }

    @Test
    void contradictoryOrMalformedOptionsExitWith2() {
        Path out = dir.resolve("bad.cxi");
        assertThat(run("preprocess", input.toString(), "--bin", "2", "--fit-geometry", "-o", out.toString())).isEqualTo(2);
        assertThat(stderr).contains("--bin and --fit-geometry exclude each other");
        assertThat(run("preprocess", input.toString(), "--mask-rect", "5:2,0:3", "-o", out.toString())).isEqualTo(2);
        assertThat(run("preprocess", input.toString(), "--centre", "middle", "-o", out.toString())).isEqualTo(2);
        assertThat(stderr).contains("--centre must be 'auto' or ROW,COL");
        assertThat(run("preprocess", input.toString(), "--background", "nofile.h5", "-o", out.toString())).isEqualTo(2);
        assertThat(stderr).contains("neither a number of photons nor an existing file");
        assertThat(out).doesNotExist();
        assertThat(Files.exists(dir.resolve("bad.cxi"))).isFalse();
    }
}
