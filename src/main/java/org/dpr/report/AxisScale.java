package org.dpr.report;

/** How a chart's numeric axis is scaled. */
public enum AxisScale {
    /** Linear. */
    LINEAR,
    /** Logarithmic (base 10); values ≤ 0 cannot be shown and are left out. */
    LOG
}
