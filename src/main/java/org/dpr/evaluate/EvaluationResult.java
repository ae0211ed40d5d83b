package org.dpr.evaluate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dpr.metrics.MetricRow;
import org.dpr.report.MetricTables;
import org.dpr.report.Table;

/**
 * The outcome of an {@link Evaluation}: one {@link MetricRow} per frame and method (frames in
 * source order, methods in list order), what each method was, the frames chosen for pictures and
 * the settings to record.
 *
 * @param title     the report's title
 * @param source    where the frames came from ({@link org.dpr.io.FrameSource#description()})
 * @param frames    frames evaluated
 * @param methods   the methods, in the order given
 * @param reference the label the others are tested against (Mann–Whitney, two-sided)
 * @param rows      per-frame metrics, method by method
 * @param shown     frames to draw, with every method's image
 * @param settings  what to record beside the results (options, command line), in order
 * @param frameDigests frame index → {@link org.dpr.io.Digests#frame content digest} (empty when not known)
 */
public record EvaluationResult(String title, String source, int frames, List<MethodInfo> methods, String reference,
                               List<MetricRow> rows, List<ShownFrame> shown, Map<String, String> settings,
                               Map<Long, String> frameDigests) {

    /** A result without frame digests. */
    public EvaluationResult(String title, String source, int frames, List<MethodInfo> methods, String reference,
                            List<MetricRow> rows, List<ShownFrame> shown, Map<String, String> settings) {
        this(title, source, frames, methods, reference, rows, shown, settings, Map.of());
    }

    public EvaluationResult {
        frameDigests = Collections.unmodifiableMap(new LinkedHashMap<>(frameDigests));
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reference, "reference");
        methods = List.copyOf(methods);
        rows = List.copyOf(rows);
        shown = List.copyOf(shown);
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        if (methods.stream().noneMatch(m -> m.label().equals(reference))) {
            throw new IllegalArgumentException("reference '" + reference + "' is not one of the methods " + labels(methods));
        }
    }

    /** The method labels, in order. */
    public List<String> labels() {
        return labels(methods);
    }

    private static List<String> labels(List<MethodInfo> methods) {
        return methods.stream().map(MethodInfo::label).toList();
    }

    /**
     * The summary for people: one row per method, cells "mean ± SE mark" (mark of the two-sided
     * Mann–Whitney test against the reference; {@link org.dpr.metrics.Significance#LEGEND}).
     */
    public Table summaryTable(int digits) {
        return MetricTables.summaryWide(rows, reference, digits);
    }
}
