package org.dpr.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dpr.Geometry;
import org.dpr.io.DiffractionFrame;
import org.dpr.metrics.PearsonInterval;
import org.dpr.report.HtmlPage;
import org.dpr.retrieve.Algorithm;
import org.dpr.simulate.SimulationConfig;
import org.dpr.simulate.Simulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeasuredReportTest {

    @TempDir
    Path dir;

    private static DiffractionFrame simulatedFrame() {
        return Simulator.of(SimulationConfig.withDefaults().withGeometry(Geometry.ofWindow(64)).withSeed(3)).frame(0);
    }

    @Test
    void twoCheapMethodsGiveAPageWhoseLinksAllResolve() throws Exception {
        DiffractionFrame frame = simulatedFrame();
        List<ReconstructionMethod> methods = List.of(
                MeasuredReport.experimentalProtocol(Algorithm.ER, 3, 30, 1),
                MeasuredReport.experimentalProtocol(Algorithm.HIO, 3, 30, 1));

        MeasuredReport.Result r = MeasuredReport.withDefaults()
                .withNotes("Preprocessing", List.of("centre: given centre (32, 32)"))
                .run(List.of(frame), methods, dir);

        assertThat(r.index()).exists();
        assertThat(HtmlPage.checkLinks(r.index())).isEmpty();
        String html = Files.readString(r.index());
        assertThat(html).contains("Frame 0").contains("local R_F").contains("Pearson correlation").contains("given centre (32, 32)");
        assertThat(dir.resolve("frame-00000-local-rf.png")).exists();
        assertThat(dir.resolve("frame-00000-hio-object.png")).exists();
        assertThat(dir.resolve("frame-00000-er-diffraction.png")).exists();
        assertThat(dir.resolve("timing.png")).exists();
        assertThat(Files.readString(dir.resolve("frame-00000-pcc.csv"))).startsWith("PCC,er,hio");

        MeasuredReport.FrameReport f = r.frames().get(0);
        assertThat(f.methods()).containsExactly("er", "hio");
        assertThat(f.correlations()[0][0].r()).isEqualTo(1);
        PearsonInterval erHio = f.correlations()[0][1];
        assertThat(erHio.r()).isEqualTo(f.correlations()[1][0].r());
        // Fisher z: tanh(atanh r ± 1.959964/√(n − 3)) with n = 8×8 pixels
        double half = 1.959963984540054 / Math.sqrt(64 - 3);
        double z = 0.5 * Math.log((1 + erHio.r()) / (1 - erHio.r()));
        assertThat(erHio.lower()).isCloseTo(Math.tanh(z - half), within(1e-9));
        assertThat(erHio.upper()).isCloseTo(Math.tanh(z + half), within(1e-9));
        assertThat(f.localRf()).allSatisfy(p -> assertThat(p.totalCount()).isPositive());
        assertThat(java.util.Arrays.stream(f.seconds()).min().orElseThrow()).isPositive();
    }

    @Test
    void reconstructionsAreAlignedBeforeTheyAreCorrelated() {
        DiffractionFrame frame = simulatedFrame();
        int n = 8;
        float[] object = new float[n * n];
        object[2 * n + 2] = 3;
        object[2 * n + 3] = 2;
        object[3 * n + 2] = 1;
        object[4 * n + 5] = 1.5f;
        // the twin (180° rotation), moved one pixel down: the same reconstruction up to the trivial ambiguities
        float[] twin = new float[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                int ty = n - 1 - y + 1;
                if (ty < n) {
                    twin[ty * n + (n - 1 - x)] = object[y * n + x];
                }
            }
        }
        Map<String, List<ObjectEstimate>> estimates = new LinkedHashMap<>();
        estimates.put("a", List.of(new ObjectEstimate(0, "a", n, object, 0.1, 1e-3, "given")));
        estimates.put("b", List.of(new ObjectEstimate(0, "b", n, twin, 0.1, 2e-3, "given")));

        MeasuredReport.Result r = MeasuredReport.withDefaults().write(List.of(frame), estimates, dir);

        assertThat(r.frames().get(0).correlations()[0][1].r()).isCloseTo(1.0, within(1e-6));
        assertThat(org.dpr.metrics.ImageMetrics.pcc(object, twin)).isLessThan(0.5); // unaligned they disagree
        assertThat(HtmlPage.checkLinks(r.index())).isEmpty();
    }
}
