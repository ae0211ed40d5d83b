package org.dpr.preprocess;

/**
 * Where a pattern's zero frequency lies, as {@link CentreFinder} found it.
 *
 * @param rowPx             centre row, sub-pixel (a parabola through the correlation peak)
 * @param colPx             centre column, sub-pixel
 * @param peakCorrelation   masked normalised correlation of the pattern with its 180° rotation about
 *                          that centre, in [−1, 1] (1 = perfectly centrosymmetric on the overlap)
 * @param secondCorrelation the highest correlation of a centre away from the peak (beyond the
 *                          exclusion radius): close to the peak means an ambiguous centre
 * @param overlapPx         measured pixels whose partner about the centre is measured too
 */
public record CentreEstimate(double rowPx, double colPx, double peakCorrelation, double secondCorrelation,
                             long overlapPx) {

    /** The nearest pixel row: the row the pattern is moved to H/2 from. */
    public int row() {
        return (int) Math.round(rowPx);
    }

    /** The nearest pixel column. */
    public int col() {
        return (int) Math.round(colPx);
    }

    /** peak / second correlation (∞ when the second is ≤ 0): how clearly the centre stands out. */
    public double peakRatio() {
        return secondCorrelation > 0 ? peakCorrelation / secondCorrelation : Double.POSITIVE_INFINITY;
    }
}
