package org.dpr.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dpr.io.AtomicFiles;
import org.dpr.io.FileWriteException;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.dpr.report.ChartFiles;
import org.dpr.report.LineChart;
import org.dpr.report.Series;

/**
 * The CSV log of a training run ({@value #CSV_FILE}) and its loss curve ({@value #CHART_FILE}).
 *
 * <p>Columns: {@code kind} ({@code train}: a logged step, whose {@code train_loss} is the mean batch
 * loss since the previous train row; {@code validation}: the end of an epoch, with the epoch's mean
 * training loss and the validation loss), {@code epoch} (1-based), {@code iteration} (batches done
 * in the epoch), {@code frames_seen} (training frames since the start of the run),
 * {@code train_loss}, {@code validation_loss} (empty on train rows), {@code learning_rate},
 * {@code seconds} (training time of the run, all sessions), {@code frames_per_second} (training
 * speed since the previous train row; on validation rows the validation speed). The file is
 * rewritten atomically after each row; a resumed run
 * first drops the rows written after its checkpoint, so the log never shows a batch twice.
 */
final class TrainingLog {
    static final String CSV_FILE = "training-log.csv";
    static final String CHART_FILE = "loss-curve.png";
    static final String HEADER =
            "kind,epoch,iteration,frames_seen,train_loss,validation_loss,learning_rate,seconds,frames_per_second";

    /** One row of the log. */
    record Row(String kind, int epoch, int iteration, long framesSeen, double trainLoss, double validationLoss,
            double learningRate, double seconds, double framesPerSecond) {

        String csv() {
            return String.join(",", kind, Integer.toString(epoch), Integer.toString(iteration),
                    Long.toString(framesSeen), number(trainLoss), number(validationLoss), number(learningRate),
                    String.format(Locale.ROOT, "%.1f", seconds), String.format(Locale.ROOT, "%.2f", framesPerSecond));
        }

        static Row parse(String line) {
            String[] f = line.split(",", -1);
            if (f.length != 9) {
                throw new IllegalArgumentException("expected 9 fields, got " + f.length);
            }
            return new Row(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), Long.parseLong(f[3]), value(f[4]),
                    value(f[5]), value(f[6]), value(f[7]), value(f[8]));
        }

        private static String number(double v) {
            return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
        }

        private static double value(String text) {
            return text.isEmpty() ? Double.NaN : Double.parseDouble(text);
        }
    }

    private final Path csv;
    private final Path chart;
    private final List<Row> rows;

    private TrainingLog(Path folder, List<Row> rows) {
        this.csv = folder.resolve(CSV_FILE);
        this.chart = folder.resolve(CHART_FILE);
        this.rows = rows;
    }

    /** A new log in {@code folder} (an old one there is replaced on the first row). */
    static TrainingLog create(Path folder) {
        return new TrainingLog(folder, new ArrayList<>());
    }

    /**
     * The log of a resumed run: the rows of {@code folder}'s log up to {@code framesSeen} (those
     * written after the checkpoint are dropped); a missing or unreadable log starts empty.
     */
    static TrainingLog resume(Path folder, long framesSeen) {
        List<Row> kept = new ArrayList<>();
        Path file = folder.resolve(CSV_FILE);
        if (Files.isRegularFile(file)) {
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                    Row row = Row.parse(line);
                    if (row.framesSeen() <= framesSeen) {
                        kept.add(row);
                    }
                }
            } catch (IOException | RuntimeException e) {
                kept.clear();
            }
        }
        TrainingLog log = new TrainingLog(folder, kept);
        log.write();
        return log;
    }

    void add(Row row) {
        rows.add(row);
        write();
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    Path csvFile() {
        return csv;
    }

    Path chartFile() {
        return chart;
    }

    private void write() {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (Row r : rows) {
            text.append(r.csv()).append('\n');
        }
        AtomicFiles.write(csv, temp -> Files.writeString(temp, text, StandardCharsets.UTF_8));
    }

    /**
     * Draws the training and validation losses against frames seen (linear axes, validation points
     * marked so that a single epoch shows); nothing before the first row.
     *
     * @return why the chart could not be written (a full disk, or a JVM stopping on Ctrl-C before
     *         Java2D had started: it cannot load fonts then), or {@code null} when it was; the CSV
     *         holds the same numbers, so a run never fails for its picture
     */
    String writeChart() {
        List<double[]> train = new ArrayList<>();
        List<double[]> validation = new ArrayList<>();
        for (Row r : rows) {
            if ("train".equals(r.kind()) && r.trainLoss() > 0) {
                train.add(new double[] {r.framesSeen(), r.trainLoss()});
            } else if ("validation".equals(r.kind()) && r.validationLoss() > 0) {
                validation.add(new double[] {r.framesSeen(), r.validationLoss()});
            }
        }
        List<Series> series = new ArrayList<>();
        if (!train.isEmpty()) {
            series.add(series("training (batches)", train));
        }
        if (!validation.isEmpty()) {
            series.add(series("validation", validation));
        }
        if (series.isEmpty()) {
            return null;
        }
        JFreeChart drawn = LineChart.withDefaults().withTitle("DPR training loss")
                .withAxisLabels("training frames seen", "loss").build(series);
        if (drawn.getXYPlot().getRenderer() instanceof XYLineAndShapeRenderer renderer) {
            renderer.setSeriesShapesVisible(series.size() - 1, !validation.isEmpty());
        }
        try {
            ChartFiles.writePng(drawn, chart, 900, 520);
            return null;
        } catch (FileWriteException e) {
            return e.getMessage();
        }
    }

    private static Series series(String name, List<double[]> points) {
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = points.get(i)[0];
            y[i] = points.get(i)[1];
        }
        return Series.of(name, x, y);
    }
}
