package org.dpr.preprocess;

import java.util.Objects;
import java.util.function.BiConsumer;
import org.dpr.io.DiffractionFrame;
import org.dpr.io.FrameSource;

/**
 * A {@link FrameSource} that preprocesses each frame of another source when it is read: the
 * pipeline runs lazily, one frame at a time, so a 10^5-frame run is never held whole. Sizes are
 * known before any frame is read ({@link Preprocessor#outputSize}). A listener receives each frame's
 * log (to print it, or keep it as provenance).
 *
 * <pre>{@code
 * try (FrameSource source = PreprocessedSource.wrap(FrameSources.open(file, readOptions), preprocessor)
 *         .withListener((index, log) -> log.lines().forEach(l -> System.err.println("frame " + index + ": " + l)))) {
 *     run.run(source, progress);
 * }
 * }</pre>
 *
 * <p>Closing it closes the wrapped source.
 */
public final class PreprocessedSource implements FrameSource {

    private final FrameSource source;
    private final Preprocessor preprocessor;
    private final PreprocessStep.FrameSize size;
    private final BiConsumer<Integer, PreprocessLog> listener;

    private PreprocessedSource(FrameSource source, Preprocessor preprocessor, BiConsumer<Integer, PreprocessLog> listener) {
        this.source = source;
        this.preprocessor = preprocessor;
        this.listener = listener;
        this.size = preprocessor.outputSize(source.height(), source.width());
    }

    /**
     * {@code source} seen through {@code preprocessor}; an empty preprocessor returns the source itself.
     *
     * @throws PreprocessException if the pipeline cannot apply to the source's frame size (the source
     *                             is closed then)
     */
    public static FrameSource wrap(FrameSource source, Preprocessor preprocessor) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(preprocessor, "preprocessor");
        if (preprocessor.isEmpty()) {
            return source;
        }
        return of(source, preprocessor);
    }

    /** Like {@link #wrap} but always a {@code PreprocessedSource}, even for an empty pipeline. */
    public static PreprocessedSource of(FrameSource source, Preprocessor preprocessor) {
        try {
            return new PreprocessedSource(Objects.requireNonNull(source, "source"),
                    Objects.requireNonNull(preprocessor, "preprocessor"), (i, log) -> { });
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    /** This source, calling {@code listener} with (frame index, log) after each frame is preprocessed. */
    public PreprocessedSource withListener(BiConsumer<Integer, PreprocessLog> newListener) {
        return new PreprocessedSource(source, preprocessor, Objects.requireNonNull(newListener, "listener"));
    }

    public Preprocessor preprocessor() {
        return preprocessor;
    }

    @Override
    public int frameCount() {
        return source.frameCount();
    }

    @Override
    public int height() {
        return size.height();
    }

    @Override
    public int width() {
        return size.width();
    }

    @Override
    public DiffractionFrame read(int index) {
        return readWithLog(index).frame();
    }

    /** Frame {@code index} with its log (the listener is called too). */
    public PreprocessResult readWithLog(int index) {
        PreprocessResult r = preprocessor.apply(source.read(index));
        listener.accept(index, r.log());
        return r;
    }

    @Override
    public String description() {
        return source.description() + ", preprocessed: " + preprocessor;
    }

    @Override
    public void close() {
        source.close();
    }
}
