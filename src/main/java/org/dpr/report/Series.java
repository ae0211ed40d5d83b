package org.dpr.report;

import java.util.Objects;
import org.dpr.metrics.RadialProfile;

/**
 * One named line of a {@link LineChart}: points (x[i], y[i]) with an optional symmetric error
 * (e.g. the standard errors of a radial local-R_F profile), or {@code null} for none. Points with
 * a NaN coordinate are skipped when drawn. The arrays are not copied.
 *
 * @param name   legend entry
 * @param x      abscissae
 * @param y      ordinates
 * @param yError half-length of the error bar per point, or {@code null}
 */
public record Series(String name, double[] x, double[] y, double[] yError) {

    public Series {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (x.length != y.length || (yError != null && yError.length != y.length)) {
            throw new IllegalArgumentException("series '" + name + "' has " + x.length + " x, " + y.length + " y"
                    + (yError == null ? "" : " and " + yError.length + " error") + " values");
        }
    }

    /**
     * A radial profile (e.g. of the local R_F, paper Supplementary Fig. 2) as a line over |q| in
     * pixels with its standard errors; empty rings are left out.
     */
    public static Series ofProfile(String name, RadialProfile profile) {
        RadialProfile kept = profile.nonEmpty();
        double[] error = kept.standardError().clone();
        for (int i = 0; i < error.length; i++) {
            error[i] = Double.isNaN(error[i]) ? 0 : error[i];
        }
        return new Series(name, kept.binCentresPx(), kept.mean(), error);
    }

    /** A series without error bars. */
    public static Series of(String name, double[] x, double[] y) {
        return new Series(name, x, y, null);
    }

    /** A series with x = 0, 1, 2, … (e.g. a loss per epoch). */
    public static Series indexed(String name, double[] y) {
        double[] x = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        return new Series(name, x, y, null);
    }
}
