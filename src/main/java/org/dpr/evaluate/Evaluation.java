package org.dpr.evaluate;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;
import org.dpr.io.DiffractionFrame;
import org.dpr.io.Digests;
import org.dpr.io.FrameMetadata;
import org.dpr.io.FrameSource;
import org.dpr.metrics.MetricRow;
import org.dpr.pipeline.ReconstructionMethod;
import org.dpr.pipeline.ReconstructionRun;
import org.dpr.pipeline.ReconstructionRun.FrameResult;

/**
 * Runs several reconstruction methods over the same frames and measures every image as the paper
 * does (§4.4): R_F against the measured pixels, and — against the ground truth, after alignment
 * over translations and the twin — PSNR, SSIM (global eq. 6 and windowed), PCC; plus processing
 * time per pattern. Each method is one {@link ReconstructionRun} over the source (frames read
 * lazily, in chunks), so the numbers are exactly those {@code dpr reconstruct} reports.
 *
 * <pre>
 * EvaluationResult result = Evaluation.withDefaults()
 *         .withMethod(dpr).withMethod(hio).withMethod(gps)
 *         .withShownFrames(List.of(0L, 1L))
 *         .run(source, EvaluationListener.silent());
 * EvaluationReport.withDefaults().write(result, Path.of("report"));
 * </pre>
 *
 * <p>The reference of the significance tests is, unless set, the method labelled {@code dpr}
 * (the paper tests every method "with DPR"), else the first. Images are kept only for the shown
 * frames. Immutable: each {@code with…} returns a new evaluation.
 */
public final class Evaluation {
    /** The most frames a report draws. */
    public static final int MAX_SHOWN_FRAMES = 32;
    /** How many frames are drawn by default: the first ones. */
    public static final int DEFAULT_SHOWN_FRAMES = 3;

    private static final Evaluation DEFAULT = new Evaluation(List.of(), null, null, 16, "dpr evaluation", Map.of(), List.of());

    private final List<LabelledMethod> methods;
    private final String reference;
    private final List<Long> shownFrames;
    private final int chunkFrames;
    private final String title;
    private final Map<String, String> settings;
    private final List<ReusedMethod> reused;

    private Evaluation(List<LabelledMethod> methods, String reference, List<Long> shownFrames, int chunkFrames,
                       String title, Map<String, String> settings, List<ReusedMethod> reused) {
        this.reused = reused;
        this.methods = methods;
        this.reference = reference;
        this.shownFrames = shownFrames;
        this.chunkFrames = chunkFrames;
        this.title = title;
        this.settings = settings;
    }

    /** No methods yet; the first {@value #DEFAULT_SHOWN_FRAMES} frames shown; 16 frames per chunk. */
    public static Evaluation withDefaults() {
        return DEFAULT;
    }

    /** Adds a method under its own name. */
    public Evaluation withMethod(ReconstructionMethod method) {
        return withMethod(Objects.requireNonNull(method, "method").name(), method);
    }

    /**
     * Adds a method under {@code label} (e.g. "dpr (PC encoder)"), which names it in every table and
     * figure.
     *
     * @throws IllegalArgumentException if the label is blank or already taken
     */
    public Evaluation withMethod(String label, ReconstructionMethod method) {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(method, "method");
        if (label.isBlank()) {
            throw new IllegalArgumentException("method label must not be blank");
        }
        if (labels().contains(label)) {
            throw new IllegalArgumentException("method '" + label + "' is listed twice");
        }
        List<LabelledMethod> more = new ArrayList<>(methods);
        more.add(new LabelledMethod(label, method));
        return new Evaluation(List.copyOf(more), reference, shownFrames, chunkFrames, title, settings, reused);
    }

    /**
     * Adds a method that is not run: its per-frame metrics come from an earlier evaluation of the
     * same frames (e.g. hours of paper-protocol HIO, measured once and compared with each new
     * model). Rows of other frames are ignored; every evaluated frame must have exactly one row.
     * Reused methods follow the run ones in tables and draw no pictures.
     *
     * A row whose frame has a digest in {@code frameDigests} that differs from the evaluated frame's
     * is refused; rows without one are taken and counted as unverified in the report.
     *
     * @param label        the method's name in this evaluation (the rows' own method names are replaced)
     * @param rows         the earlier per-frame metrics of this method
     * @param frameDigests frame index → {@link Digests#frame} of the frames the rows were measured on,
     *                     as the earlier report's per-frame table holds them (empty if it has none)
     * @param origin       where they come from (a report folder, its command line), recorded in the report
     * @throws IllegalArgumentException if the label is blank or taken, or there are no rows
     */
    public Evaluation withReusedRows(String label, List<MetricRow> rows, Map<Long, String> frameDigests, String origin) {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(origin, "origin");
        if (label.isBlank()) {
            throw new IllegalArgumentException("method label must not be blank");
        }
        if (labels().contains(label)) {
            throw new IllegalArgumentException("method '" + label + "' is listed twice");
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no rows to reuse for '" + label + "'");
        }
        List<ReusedMethod> more = new ArrayList<>(reused);
        more.add(new ReusedMethod(label, List.copyOf(rows), frameDigests, origin));
        return new Evaluation(methods, reference, shownFrames, chunkFrames, title, settings, List.copyOf(more));
    }

    /** The label the other methods are tested against (must be one of the methods when run). */
    public Evaluation withReference(String label) {
        return new Evaluation(methods, Objects.requireNonNull(label, "label"), shownFrames, chunkFrames, title, settings, reused);
    }

    /**
     * The frames to draw, by their index in the source (as in the per-frame table), at most
     * {@value #MAX_SHOWN_FRAMES}; an empty list draws none.
     */
    public Evaluation withShownFrames(List<Long> frameIndices) {
        Objects.requireNonNull(frameIndices, "frameIndices");
        if (frameIndices.size() > MAX_SHOWN_FRAMES) {
            throw new IllegalArgumentException("at most " + MAX_SHOWN_FRAMES + " frames can be shown, got " + frameIndices.size());
        }
        for (Long index : frameIndices) {
            if (index == null || index < 0) {
                throw new IllegalArgumentException("shown frame indices must be ≥ 0, got " + index);
            }
        }
        if (frameIndices.stream().distinct().count() != frameIndices.size()) {
            throw new IllegalArgumentException("a shown frame is listed twice: " + frameIndices);
        }
        return new Evaluation(methods, reference, List.copyOf(frameIndices), chunkFrames, title, settings, reused);
    }

    /** Frames read and reconstructed together (a batch of the iterative engines and the network). */
    public Evaluation withChunkFrames(int frames) {
        if (frames < 1) {
            throw new IllegalArgumentException("a chunk must hold at least one frame, got " + frames);
        }
        return new Evaluation(methods, reference, shownFrames, frames, title, settings, reused);
    }

    public Evaluation withTitle(String newTitle) {
        Objects.requireNonNull(newTitle, "title");
        if (newTitle.isBlank()) {
            throw new IllegalArgumentException("title must not be blank");
        }
        return new Evaluation(methods, reference, shownFrames, chunkFrames, newTitle, settings, reused);
    }

    /** Settings to record in the report (e.g. "--starts" → "10", "command line" → "dpr evaluate …"), in order. */
    public Evaluation withSettings(Map<String, String> newSettings) {
        return new Evaluation(methods, reference, shownFrames, chunkFrames, title,
                Collections.unmodifiableMap(new LinkedHashMap<>(newSettings)), reused);
    }

    /** The method labels, in order: those run, then those reused. */
    public List<String> labels() {
        List<String> labels = new ArrayList<>(methods.stream().map(LabelledMethod::label).toList());
        reused.forEach(r -> labels.add(r.label()));
        return List.copyOf(labels);
    }

    /** The reference label the evaluation will use: the one set, else "dpr" if listed, else the first. */
    public String reference() {
        if (reference != null) {
            return reference;
        }
        List<String> labels = labels();
        return labels.contains("dpr") ? "dpr" : labels.isEmpty() ? null : labels.get(0);
    }

    /**
     * Runs every method over every frame of {@code source}. The shown frames are looked up first,
     * so that an index outside the source fails before any work.
     *
     * @throws IllegalArgumentException if there are no methods, the reference is not among them, the
     *                                  source is empty or a shown frame is not in it
     */
    public EvaluationResult run(FrameSource source, EvaluationListener listener) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(listener, "listener");
        if (methods.isEmpty() && reused.isEmpty()) {
            throw new IllegalArgumentException("an evaluation needs at least one method");
        }
        String ref = reference();
        if (!labels().contains(ref)) {
            throw new IllegalArgumentException("reference method '" + ref + "' is not among the methods " + labels());
        }
        int count = source.frameCount();
        if (count < 1) {
            throw new IllegalArgumentException("the source has no frames: " + source.description());
        }
        Map<Long, DiffractionFrame> shown = findShownFrames(source);
        Map<Long, String> digests = frameDigests(source);
        // checked before any method runs: a mismatch should not wait for hours of reconstruction
        List<List<MetricRow>> reusedRows = reused.stream().map(r -> r.rowsFor(digests)).toList();
        Map<Long, Map<String, float[]>> objects = new LinkedHashMap<>();
        Map<Long, Map<String, MetricRow>> metrics = new LinkedHashMap<>();
        shown.keySet().forEach(k -> {
            objects.put(k, new LinkedHashMap<>());
            metrics.put(k, new LinkedHashMap<>());
        });
        List<MetricRow> rows = new ArrayList<>();
        List<MethodInfo> infos = new ArrayList<>();
        for (LabelledMethod method : methods) {
            IntConsumer progress = listener.methodStarted(method.label(), count);
            List<FrameResult> results;
            try {
                results = ReconstructionRun.of(method).withChunkFrames(chunkFrames).run(source, progress);
            } finally {
                listener.methodFinished(method.label());
            }
            for (FrameResult r : results) {
                rows.add(r.metrics());
                long index = r.estimate().frameIndex();
                if (shown.containsKey(index)) {
                    objects.get(index).put(method.label(), r.estimate().object());
                    metrics.get(index).put(method.label(), r.metrics());
                }
            }
            String recipe = results.isEmpty() ? "" : results.get(0).estimate().recipe();
            infos.add(new MethodInfo(method.label(), method.method().name(), method.parametersJson(), recipe));
        }
        for (int i = 0; i < reused.size(); i++) {
            ReusedMethod r = reused.get(i);
            rows.addAll(reusedRows.get(i));
            JsonObject parameters = new JsonObject();
            parameters.addProperty("reused from", r.origin());
            infos.add(new MethodInfo(r.label(), r.label(), parameters.toString(), "not run: metrics reused from "
                    + r.origin() + unverifiedNote(r.unverified(digests), digests.size())));
        }
        List<ShownFrame> frames = new ArrayList<>();
        shown.forEach((index, frame) -> frames.add(new ShownFrame(index, frame, objects.get(index), metrics.get(index))));
        return new EvaluationResult(title, source.description(), count, infos, ref, rows, frames, settings, digests);
    }

    /** The shown frames by index: the first few by default, else those asked for, checked against the source. */
    private Map<Long, DiffractionFrame> findShownFrames(FrameSource source) {
        Map<Long, DiffractionFrame> found = new LinkedHashMap<>();
        int count = source.frameCount();
        if (shownFrames == null) {
            for (int k = 0; k < Math.min(DEFAULT_SHOWN_FRAMES, count); k++) {
                DiffractionFrame frame = source.read(k);
                found.put(indexOf(frame, k), frame);
            }
            return found;
        }
        if (shownFrames.isEmpty()) {
            return found;
        }
        long first = indexOf(source.read(0), 0);
        long last = indexOf(source.read(count - 1), count - 1);
        for (long index : shownFrames) {
            long position = index - first;
            DiffractionFrame frame = position >= 0 && position < count ? source.read((int) position) : null;
            if (frame == null || indexOf(frame, (int) position) != index) {
                throw new IllegalArgumentException("frame " + index + " is not among the evaluated frames ("
                        + first + "…" + last + ")");
            }
            found.put(index, frame);
        }
        return found;
    }

    private static String unverifiedNote(long unverified, int frames) {
        return unverified == 0 ? "" : String.format(java.util.Locale.ROOT,
                " (%d of %d frames not verified: the report has no frame digests for them)", unverified, frames);
    }

    /** Frame index → content digest, in source order (one extra pass over the frames). */
    private static Map<Long, String> frameDigests(FrameSource source) {
        Map<Long, String> digests = new LinkedHashMap<>();
        for (int k = 0; k < source.frameCount(); k++) {
            DiffractionFrame frame = source.read(k);
            digests.put(indexOf(frame, k), Digests.frame(frame));
        }
        return digests;
    }

    private static long indexOf(DiffractionFrame frame, int position) {
        return (long) frame.metadata().number(FrameMetadata.FRAME_INDEX).orElse(position);
    }
}
