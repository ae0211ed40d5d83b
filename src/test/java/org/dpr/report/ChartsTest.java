package org.dpr.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.dpr.metrics.LocalRFactor;
import org.dpr.metrics.RadialProfile;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.statistics.BoxAndWhiskerCategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class ChartsTest {

    @TempDir
    Path dir;

    private static Map<String, double[]> psnrByMethod() {
        Random rnd = new Random(1);
        Map<String, double[]> values = new LinkedHashMap<>();
        String[] methods = {"HIO", "GPS-R", "DPR", "DPR+R"};
        for (int m = 0; m < methods.length; m++) {
            double[] v = new double[40];
            for (int i = 0; i < v.length; i++) {
                v[i] = 20 + 3 * m + rnd.nextGaussian();
            }
            values.put(methods[m], v);
        }
        return values;
    }

    /** All text content of an SVG document, which must parse as XML. */
    private static String svgText(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(Files.readString(file))));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        StringBuilder sb = new StringBuilder();
        NodeList texts = doc.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) {
            sb.append(texts.item(i).getTextContent()).append('\n');
        }
        return sb.toString();
    }

    @Test
    void boxChartIsWrittenAsAPngOfTheRequestedSizeAndAnSvgWithItsLabels() throws Exception {
        JFreeChart chart = BoxChart.withDefaults().withTitle("PSNR on the test set").withValueLabel("PSNR (dB)")
                .withMarks(Map.of("HIO", "****", "DPR+R", "ns")).build(psnrByMethod());
        Path png = ChartFiles.write(chart, dir.resolve("psnr.png"), 640, 400);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(400);
        Path svg = ChartFiles.write(chart, dir.resolve("psnr.svg"), 640, 400);
        assertThat(svgText(svg)).contains("PSNR on the test set", "PSNR (dB)", "HIO ****", "GPS-R", "DPR+R ns");
    }

    @Test
    void paperStyleBoxesSpanMeanPlusMinusStandardErrorAndQuartileBoxesTheQuartiles() {
        double[] values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, Double.NaN, Double.POSITIVE_INFINITY};
        Map<String, double[]> data = Map.of("A", values);
        BoxAndWhiskerCategoryDataset paper = (BoxAndWhiskerCategoryDataset)
                ((CategoryPlot) BoxChart.withDefaults().build(data).getPlot()).getDataset();
        // finite values 1..10: mean 5.5, sample SD √(82.5/9) = 3.0277, SE = 0.95743
        double se = Math.sqrt(82.5 / 9) / Math.sqrt(10);
        assertThat(paper.getMeanValue(0, 0).doubleValue()).isEqualTo(5.5);
        assertThat(paper.getQ1Value(0, 0).doubleValue()).isCloseTo(5.5 - se, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(paper.getQ3Value(0, 0).doubleValue()).isCloseTo(5.5 + se, org.assertj.core.api.Assertions.within(1e-12));
        BoxAndWhiskerCategoryDataset tukey = (BoxAndWhiskerCategoryDataset) ((CategoryPlot) BoxChart.withDefaults()
                .with(BoxChart.BoxStyle.QUARTILES).build(data).getPlot()).getDataset();
        assertThat(tukey.getMedianValue(0, 0).doubleValue()).isEqualTo(5.5);
        assertThat(tukey.getQ1Value(0, 0).doubleValue()).isLessThan(tukey.getQ3Value(0, 0).doubleValue());
    }

    @Test
    void aBoxChartWithoutFiniteValuesIsRejected() {
        assertThatThrownBy(() -> BoxChart.withDefaults().build(Map.of("A", new double[] {Double.NaN})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no method has a finite value");
    }

    @Test
    void lineChartOfRadialProfilesUsesALogAxisAndDropsNonPositivePoints() throws Exception {
        // a radial local-R_F profile from a model that is wrong by (1 + |q|/10)
        int n = 32;
        float[] intensity = new float[n * n];
        float[] amplitudes = new float[n * n];
        byte[] mask = new byte[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                intensity[y * n + x] = 9;
                amplitudes[y * n + x] = (float) (3 * (1 + Math.hypot(y - n / 2, x - n / 2) / 10));
                mask[y * n + x] = 1;
            }
        }
        RadialProfile profile = LocalRFactor.withDefaults().radialProfile(amplitudes, intensity, mask, n, n);
        List<Series> series = new ArrayList<>();
        series.add(Series.ofProfile("HIO", profile));
        series.add(Series.of("flat", new double[] {0, 10, 20}, new double[] {0.5, -1, 0.5}));
        JFreeChart chart = LineChart.withDefaults().withTitle("local R_F").withAxisLabels("|q| (px)", "local R_F")
                .withYScale(AxisScale.LOG).build(series);
        XYPlot plot = (XYPlot) chart.getPlot();
        assertThat(plot.getRangeAxis()).isInstanceOf(LogarithmicAxis.class);
        // ring 0 has local R_F 0 (not drawable on a log axis); the others are kept
        assertThat(plot.getDataset().getItemCount(0)).isEqualTo(profile.nonEmpty().size() - 1);
        assertThat(plot.getDataset().getItemCount(1)).isEqualTo(2);
        Path svg = ChartFiles.writeSvg(chart, dir.resolve("profile.svg"), 500, 300);
        assertThat(svgText(svg)).contains("local R_F", "|q| (px)", "HIO", "flat");
        BufferedImage png = ImageIO.read(ChartFiles.writePng(chart, dir.resolve("profile.png"), 500, 300).toFile());
        assertThat(png.getWidth()).isEqualTo(500);
    }

    @Test
    void lossCurveChartDrawsEveryEpoch() {
        double[] loss = {1.0, 0.5, 0.3, 0.25, 0.2};
        JFreeChart chart = LineChart.withDefaults().withAxisLabels("epoch", "loss")
                .build(List.of(Series.indexed("training", loss), Series.indexed("validation", loss)));
        XYPlot plot = (XYPlot) chart.getPlot();
        assertThat(plot.getDataset().getSeriesCount()).isEqualTo(2);
        assertThat(plot.getDataset().getXValue(0, 4)).isEqualTo(4.0);
        assertThat(plot.getDataset().getYValue(0, 4)).isEqualTo(0.2);
    }

    @Test
    void timingChartLabelsMeansInReadableUnitsOnALogAxis() throws Exception {
        Map<String, double[]> seconds = new LinkedHashMap<>();
        seconds.put("HIO", new double[] {54, 55, 56});
        seconds.put("DPR", new double[] {0.009, 0.010, 0.011});
        JFreeChart chart = TimingChart.withDefaults().withTitle("processing time").build(seconds);
        assertThat(((CategoryPlot) chart.getPlot()).getRangeAxis()).isInstanceOf(LogarithmicAxis.class);
        Path svg = ChartFiles.write(chart, dir.resolve("time.svg"), 500, 300);
        assertThat(svgText(svg)).contains("processing time", "HIO", "DPR", "55.0 s", "10.0 ms");
    }

    @Test
    void durationsAreFormattedInReadableUnits() {
        assertThat(TimingChart.formatSeconds(0.00902)).isEqualTo("9.02 ms");
        assertThat(TimingChart.formatSeconds(8.5e-4)).isEqualTo("850 µs");
        assertThat(TimingChart.formatSeconds(55.1)).isEqualTo("55.1 s");
        assertThat(TimingChart.formatSeconds(780)).isEqualTo("13.0 min");
        assertThat(TimingChart.formatSeconds(0.00902, 0.00035)).isEqualTo("9.02 ± 0.35 ms");
    }

    @Test
    void chartFilesNeedAKnownExtensionAndASaneSize() {
        JFreeChart chart = TimingChart.withDefaults().build(Map.of("A", new double[] {1}));
        assertThatThrownBy(() -> ChartFiles.write(chart, dir.resolve("x.jpg"), 100, 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(".png or .svg");
        assertThatThrownBy(() -> ChartFiles.writePng(chart, dir.resolve("x.png"), 0, 100))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(dir.resolve("x.png")).doesNotExist();
    }
}
