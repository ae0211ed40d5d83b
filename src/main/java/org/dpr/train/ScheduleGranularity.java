package org.dpr.train;

/** How often a schedule's epoch counter T advances. */
public enum ScheduleGranularity {
    /** T is the whole number of epochs since the last restart: the rate changes once per epoch (the paper's wording). */
    PER_EPOCH,
    /**
     * T is fractional, {@code epochs + iteration / iterationsPerEpoch} since the last restart: the
     * rate falls smoothly inside an epoch (PyTorch's recommended use of
     * {@code CosineAnnealingWarmRestarts}). At the first batch of every epoch it equals the
     * per-epoch rate.
     */
    PER_ITERATION
}
