package org.dpr.train;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dpr.DprException;
import org.dpr.io.DiffractionFrame;

/**
 * Makes training batches on a background thread while the network trains: batch after batch of the
 * stream that {@link FrameOrder} defines, a few batches ahead. The order is decided on the caller's
 * thread (so it stays deterministic and checkpointable); only reading or simulating the frames and
 * packing them run on the worker. Close it to stop the worker.
 */
final class BatchPrefetcher implements AutoCloseable {
    private final TrainingData data;
    private final FrameOrder order;
    private final int batchSize;
    private final LossScale scale;
    private final int depth;
    private final ExecutorService worker;
    private final ArrayDeque<Future<HostBatch>> pending = new ArrayDeque<>();
    private long nextPosition;

    /**
     * @param firstPosition stream position of the first batch to make
     * @param depth         batches made ahead (≥ 1)
     */
    BatchPrefetcher(TrainingData data, FrameOrder order, int batchSize, LossScale scale, long firstPosition, int depth) {
        this.data = data;
        this.order = order;
        this.batchSize = batchSize;
        this.scale = scale;
        this.depth = depth;
        this.nextPosition = firstPosition;
        this.worker = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "dpr-train-data");
            t.setDaemon(true);
            return t;
        });
        fill();
    }

    /** The next batch of the stream (waits for the worker when it is behind). */
    HostBatch next() {
        Future<HostBatch> future = pending.poll();
        fill();
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DprException("interrupted while waiting for training data", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new DprException("making training data failed: " + cause, cause);
        }
    }

    private void fill() {
        while (pending.size() < depth) {
            long[] indices = new long[batchSize];
            for (int k = 0; k < batchSize; k++) {
                indices[k] = order.index(nextPosition + k);
            }
            nextPosition += batchSize;
            pending.add(worker.submit(() -> {
                List<DiffractionFrame> frames = new ArrayList<>(indices.length);
                for (long index : indices) {
                    frames.add(data.trainingFrame(index));
                }
                return HostBatch.pack(frames, data.geometry(), scale);
            }));
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
