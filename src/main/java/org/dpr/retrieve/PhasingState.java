package org.dpr.retrieve;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The batched state of an iterative phase retrieval: B rows (frames × random starts), each an
 * independent reconstruction.
 *
 * @param object            the iterate, (B, H, W): in {@link Domain#REAL} a float32 real-space object u
 *                          (centred, as dpr stores objects; ER, HIO and RAAR keep it real), in
 *                          {@link Domain#FOURIER} the complex64 spectrum z = F u in FFT order (GPS's
 *                          primal variable)
 * @param domain            which of the two {@code object} holds
 * @param dual              GPS's dual variable as its spectrum ŷ = F y, complex64 (B, H, W), FFT order;
 *                          {@code null} outside GPS (GPS then starts from y = 0)
 * @param support           the real-space support, float32 0/1 (B, H, W), centred
 * @param measurement       the measured amplitudes and mask of each row
 * @param iteration         iterations done so far (schedules such as GPS's σ and α read it)
 * @param shrinkWrapUpdates shrink-wrap updates done so far (the blur σ schedule reads it)
 * @param listener          called after every iteration
 */
public record PhasingState(NDArray object, Domain domain, NDArray dual, NDArray support, Measurement measurement,
                           int iteration, int shrinkWrapUpdates, PhasingListener listener) implements AutoCloseable {

    /** Where {@link #object()} lives. */
    public enum Domain {
        /** Real space, centred window. */
        REAL,
        /** Fourier space, FFT order. */
        FOURIER
    }

    public PhasingState {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(support, "support");
        Objects.requireNonNull(measurement, "measurement");
        listener = listener == null ? PhasingListener.NONE : listener;
        Shape rows = new Shape(measurement.batch(), measurement.height(), measurement.width());
        if (!object.getShape().equals(rows)) {
            throw new IllegalArgumentException("object must be " + rows + ", got " + object.getShape());
        }
        DataType expected = domain == Domain.REAL ? DataType.FLOAT32 : DataType.COMPLEX64;
        if (object.getDataType() != expected) {
            throw new IllegalArgumentException(domain + " object must be " + expected + ", got " + object.getDataType());
        }
        if (dual != null && (!dual.getShape().equals(rows) || dual.getDataType() != DataType.COMPLEX64)) {
            throw new IllegalArgumentException("dual must be complex64 " + rows + ", got " + dual.getDataType() + " "
                    + dual.getShape());
        }
        if (!support.getShape().equals(rows) || support.getDataType() != DataType.FLOAT32) {
            throw new IllegalArgumentException("support must be float32 " + rows + ", got " + support.getDataType()
                    + " " + support.getShape());
        }
        if (iteration < 0 || shrinkWrapUpdates < 0) {
            throw new IllegalArgumentException("iteration and shrink-wrap updates must be ≥ 0");
        }
    }

    /**
     * {@code starts} random starts per frame: intensities (F, H, W) or (H, W) in photons and masks of
     * the same shape (1 = measured), both centred; support (F, H, W) or (H, W), 0/1, centred. Row
     * f·starts + s starts from the measured amplitudes with uniformly random phases (paper §4.5) drawn
     * from {@code seed}, f and s. Arrays live on the intensities' device; the inputs are not consumed.
     */
    public static PhasingState randomStarts(NDArray intensity, NDArray mask, NDArray support, int starts, long seed) {
        Measurement data = Measurement.fromArrays(intensity, mask, starts);
        long[] frameIndices = new long[data.frames()];
        for (int f = 0; f < frameIndices.length; f++) {
            frameIndices[f] = f;
        }
        try {
            return randomStarts(data, support, seed, frameIndices);
        } catch (RuntimeException e) {
            data.close();
            throw e;
        }
    }

    /**
     * Random starts for the rows of {@code data} (which this state then owns): z₀ = a·e^{iφ} with a the
     * measured amplitudes (0 where missing) and φ uniform in [0, 2π), drawn for row (f, s) from a
     * generator seeded by ({@code seed}, {@code frameIndices[f]}, s) — so a frame's starts do not
     * depend on which frames share its batch.
     *
     * @param support (H, W), (F, H, W) or (B, H, W), 0/1, centred
     */
    public static PhasingState randomStarts(Measurement data, NDArray support, long seed, long[] frameIndices) {
        return randomStarts(data, support, seed, frameIndices, 0);
    }

    /**
     * As {@link #randomStarts(Measurement, NDArray, long, long[])} for starts {@code firstStart},
     * {@code firstStart + 1}, … of each frame: a frame's starts may be run in several batches and come
     * out the same as in one.
     */
    public static PhasingState randomStarts(Measurement data, NDArray support, long seed, long[] frameIndices,
                                            int firstStart) {
        if (firstStart < 0) {
            throw new IllegalArgumentException("first start must be ≥ 0, got " + firstStart);
        }
        if (frameIndices.length != data.frames()) {
            throw new IllegalArgumentException("need one frame index per frame (" + data.frames() + "), got "
                    + frameIndices.length);
        }
        int h = data.height();
        int w = data.width();
        int starts = data.rowsPerFrame();
        NDManager manager = data.amplitudes().getManager();
        NDArray supportRows = supportRows(support, data);
        NDList perFrame = new NDList();
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            for (int f = 0; f < data.frames(); f++) {
                float[] phases = new float[starts * h * w];
                for (int s = 0; s < starts; s++) {
                    SplittableRandom random = new SplittableRandom(rowSeed(seed, frameIndices[f], firstStart + s));
                    int offset = s * h * w;
                    for (int i = 0; i < h * w; i++) {
                        phases[offset + i] = (float) (2 * Math.PI * random.nextDouble());
                    }
                }
                NDArray phi = manager.create(phases, new Shape(starts, h, w));
                perFrame.add(NDArrays.stack(new NDList(phi.cos(), phi.sin()), -1).complex());
            }
            NDArray unitPhases = perFrame.size() == 1 ? perFrame.get(0) : NDArrays.concat(perFrame, 0);
            NDArray z = unitPhases.mul(data.amplitudes());
            NDScope.unregister(z);
            return new PhasingState(z, Domain.FOURIER, null, supportRows, data, 0, 0, PhasingListener.NONE);
        } catch (RuntimeException e) {
            supportRows.close();
            throw e;
        }
    }

    /**
     * Starts from given real-space objects (F, H, W) or (H, W), centred, e.g. a network's output padded
     * to the window (DPR+R): z₀ = P_M F(object) — the objects' phases with the measured amplitudes on
     * measured pixels and the objects' own values on missing ones. {@code data} becomes this state's.
     */
    public static PhasingState fromObjects(Measurement data, NDArray support, NDArray objects) {
        NDArray supportRows = supportRows(support, data);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray rows = expandRows(objects.toType(DataType.FLOAT32, false), data);
            NDArray z = Projections.fourierProjectComplex(Spectra.forward(rows), data);
            NDScope.unregister(z);
            return new PhasingState(z, Domain.FOURIER, null, supportRows, data, 0, 0, PhasingListener.NONE);
        } catch (RuntimeException e) {
            supportRows.close();
            throw e;
        }
    }

    private static NDArray supportRows(NDArray support, Measurement data) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray s = support.toType(DataType.FLOAT32, false).gt(0f).toType(DataType.FLOAT32, false);
            NDArray rows = expandRows(s, data);
            float[] sums = rows.sum(new int[] {1, 2}).toFloatArray();
            for (int r = 0; r < sums.length; r++) {
                if (!(sums[r] > 0)) {
                    throw new IllegalArgumentException("the support of frame " + r / data.rowsPerFrame() + " is empty");
                }
            }
            NDScope.unregister(rows);
            return rows;
        }
    }

    /** (H, W), (F, H, W) or (B, H, W) → a new (B, H, W) array. */
    private static NDArray expandRows(NDArray a, Measurement data) {
        Shape s = a.getShape();
        int h = data.height();
        int w = data.width();
        if (s.dimension() < 2 || s.get(s.dimension() - 2) != h || s.get(s.dimension() - 1) != w) {
            throw new IllegalArgumentException("expected (…, " + h + ", " + w + ") to match the measurement, got " + s);
        }
        if (s.dimension() == 2) {
            try (NDArray one = a.expandDims(0)) {
                return one.repeat(0, data.batch());
            }
        }
        if (s.dimension() == 3 && s.get(0) == data.batch()) {
            return a.duplicate();
        }
        if (s.dimension() == 3 && s.get(0) == data.frames()) {
            return a.repeat(0, data.rowsPerFrame());
        }
        throw new IllegalArgumentException("expected (H, W), (" + data.frames() + ", H, W) or (" + data.batch()
                + ", H, W), got " + s);
    }

    /** The seed of row (frame, start): murmur3 finalisers over the three numbers. */
    static long rowSeed(long seed, long frameIndex, int start) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        h = mix(h + frameIndex * 0xBF58476D1CE4E5B9L + 1);
        return mix(h + start * 0x94D049BB133111EBL + 2);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }

    public int batch() {
        return measurement.batch();
    }

    public int height() {
        return measurement.height();
    }

    public int width() {
        return measurement.width();
    }

    /** This state with its iterate in real space: u = Re F⁻¹ z (the dual is dropped). Consumes this state. */
    public PhasingState inRealSpace() {
        if (domain == Domain.REAL) {
            return this;
        }
        NDArray u;
        try (NDArray full = Spectra.inverse(object)) {
            u = Spectra.realPart(full);
        }
        PhasingState next = new PhasingState(u, Domain.REAL, null, support, measurement, iteration,
                shrinkWrapUpdates, listener);
        releaseReplacedBy(next);
        return next;
    }

    /** This state with its iterate in Fourier space: z = F u (no dual yet). Consumes this state. */
    public PhasingState inFourierSpace() {
        if (domain == Domain.FOURIER) {
            return this;
        }
        NDArray z = Spectra.forward(object);
        PhasingState next = new PhasingState(z, Domain.FOURIER, null, support, measurement, iteration,
                shrinkWrapUpdates, listener);
        releaseReplacedBy(next);
        return next;
    }

    /**
     * The current object estimate of every row, P_S u = max(Re u, 0) inside the support (the output of
     * every algorithm; for GPS u = F⁻¹ z), as a new float32 (B, H, W) array the caller closes. Does not
     * consume this state.
     */
    public NDArray estimate() {
        if (domain == Domain.REAL) {
            return Projections.supportProject(object, support);
        }
        try (NDArray full = Spectra.inverse(object); NDArray re = Spectra.realPart(full)) {
            return Projections.supportProject(re, support);
        }
    }

    /** R_F (eq. 6, measured pixels) of {@link #estimate()} per row, (B) on the device; the caller closes it. */
    public NDArray rFactors() {
        try (NDArray estimate = estimate()) {
            return Projections.rFactors(estimate, measurement);
        }
    }

    /** This state observed by {@code newListener} instead; shares (does not copy) the arrays. */
    public PhasingState withListener(PhasingListener newListener) {
        return new PhasingState(object, domain, dual, support, measurement, iteration, shrinkWrapUpdates, newListener);
    }

    /** The successor after a support update (e.g. shrink-wrap); consumes this state. */
    PhasingState withSupport(NDArray newSupport, int updates) {
        PhasingState next = new PhasingState(object, domain, dual, newSupport, measurement, iteration, updates, listener);
        releaseReplacedBy(next);
        return next;
    }

    /** The successor after one iteration; closes what it replaces and notifies the listener. */
    PhasingState advance(NDArray nextObject, Domain nextDomain, NDArray nextDual) {
        PhasingState next = new PhasingState(nextObject, nextDomain, nextDual, support, measurement, iteration + 1,
                shrinkWrapUpdates, listener);
        releaseReplacedBy(next);
        listener.iterationDone(next);
        return next;
    }

    private void releaseReplacedBy(PhasingState next) {
        if (object != next.object && object != next.dual) {
            object.close();
        }
        if (dual != null && dual != next.dual && dual != next.object) {
            dual.close();
        }
        if (support != next.support) {
            support.close();
        }
    }

    /** Closes the iterate, dual, support and measurement. */
    @Override
    public void close() {
        object.close();
        if (dual != null) {
            dual.close();
        }
        support.close();
        measurement.close();
    }

    @Override
    public String toString() {
        return "PhasingState[B=" + batch() + ", " + height() + "×" + width() + ", " + domain + ", iteration="
                + iteration + ", shrinkWrapUpdates=" + shrinkWrapUpdates + (dual == null ? "" : ", with dual") + "]";
    }
}
