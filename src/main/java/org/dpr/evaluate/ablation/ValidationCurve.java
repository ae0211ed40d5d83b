package org.dpr.evaluate.ablation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dpr.DprException;
import org.dpr.report.Series;

/**
 * The validation loss of a training run against the training frames seen, read from the rows of
 * kind {@code validation} of its {@code training-log.csv} (written by {@link org.dpr.train.Trainer}
 * at the end of every epoch).
 *
 * @param label           the run's label
 * @param framesSeen      training frames seen at each validation
 * @param validationLoss  the validation loss there
 */
public record ValidationCurve(String label, double[] framesSeen, double[] validationLoss) {
    /** The trainer's log file in a run folder. */
    public static final String LOG_FILE = "training-log.csv";

    public ValidationCurve {
        if (framesSeen.length != validationLoss.length) {
            throw new IllegalArgumentException("framesSeen and validationLoss differ in length");
        }
        framesSeen = framesSeen.clone();
        validationLoss = validationLoss.clone();
    }

    /**
     * Reads the validation rows of {@code runFolder/training-log.csv}.
     *
     * @throws DprException if the log is missing or malformed
     */
    public static ValidationCurve read(String label, Path runFolder) {
        Path log = runFolder.resolve(LOG_FILE);
        List<String> lines;
        try {
            lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DprException("cannot read " + log + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty()) {
            throw new DprException(log + " is empty");
        }
        List<String> header = List.of(lines.get(0).split(","));
        int kind = header.indexOf("kind");
        int frames = header.indexOf("frames_seen");
        int loss = header.indexOf("validation_loss");
        if (kind < 0 || frames < 0 || loss < 0) {
            throw new DprException(log + " lacks the columns kind, frames_seen and validation_loss");
        }
        List<double[]> points = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f.length == header.size() && "validation".equals(f[kind]) && !f[loss].isEmpty()) {
                try {
                    points.add(new double[] {Double.parseDouble(f[frames]), Double.parseDouble(f[loss])});
                } catch (NumberFormatException e) {
                    throw new DprException(log + ": not a number in line '" + line + "'");
                }
            }
        }
        return new ValidationCurve(label, points.stream().mapToDouble(p -> p[0]).toArray(),
                points.stream().mapToDouble(p -> p[1]).toArray());
    }

    /** The curve as a chart series. */
    public Series series() {
        return Series.of(label, framesSeen, validationLoss);
    }
}
