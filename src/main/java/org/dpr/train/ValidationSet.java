package org.dpr.train;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.dpr.io.DiffractionFrame;

/**
 * The validation frames of a run, made or read once and held on the host as packed batches
 * (N = 128: 128 KiB per frame, so a few hundred frames take tens of MiB).
 */
final class ValidationSet {
    private final List<HostBatch> batches;
    private final int frames;

    private ValidationSet(List<HostBatch> batches, int frames) {
        this.batches = List.copyOf(batches);
        this.frames = frames;
    }

    /** All of {@code data}'s validation frames in batches of at most {@code batchSize}, made in parallel. */
    static ValidationSet load(TrainingData data, int batchSize, LossScale scale) {
        int count = data.validationFrames();
        List<DiffractionFrame> all = IntStream.range(0, count).parallel().mapToObj(data::validationFrame).toList();
        List<HostBatch> batches = new ArrayList<>();
        for (int first = 0; first < count; first += batchSize) {
            batches.add(HostBatch.pack(all.subList(first, Math.min(count, first + batchSize)), data.geometry(), scale));
        }
        return new ValidationSet(batches, count);
    }

    List<HostBatch> batches() {
        return batches;
    }

    int frames() {
        return frames;
    }
}
