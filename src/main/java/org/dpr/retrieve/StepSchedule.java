package org.dpr.retrieve;

import java.util.Arrays;

/**
 * A parameter that changes in steps at fixed fractions of a run: value k applies from iteration
 * round(fraction_k · length) on (as the paper's "σ from 0.01, ×10 at 40 % and 70 %", §4.5).
 *
 * @param fractions ascending, the first 0, all in [0, 1)
 * @param values    finite, one per fraction
 */
public record StepSchedule(double[] fractions, double[] values) {

    public StepSchedule {
        if (fractions == null || values == null || fractions.length == 0 || fractions.length != values.length) {
            throw new IllegalArgumentException("a schedule needs as many fractions as values, at least one");
        }
        fractions = fractions.clone();
        values = values.clone();
        if (fractions[0] != 0) {
            throw new IllegalArgumentException("a schedule must start at fraction 0, got " + fractions[0]);
        }
        for (int i = 0; i < fractions.length; i++) {
            if (!(fractions[i] >= 0 && fractions[i] < 1) || (i > 0 && fractions[i] <= fractions[i - 1])) {
                throw new IllegalArgumentException("schedule fractions must ascend within [0, 1): "
                        + Arrays.toString(fractions));
            }
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("schedule values must be finite: " + Arrays.toString(values));
            }
        }
    }

    /** A constant value. */
    public static StepSchedule constant(double value) {
        return new StepSchedule(new double[] {0}, new double[] {value});
    }

    /** From (fraction, value) pairs, e.g. {@code of(0, 0.01, 0.4, 0.1, 0.7, 1)}. */
    public static StepSchedule of(double... fractionValuePairs) {
        if (fractionValuePairs.length == 0 || fractionValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException("give (fraction, value) pairs, got " + fractionValuePairs.length + " numbers");
        }
        int n = fractionValuePairs.length / 2;
        double[] f = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            f[i] = fractionValuePairs[2 * i];
            v[i] = fractionValuePairs[2 * i + 1];
        }
        return new StepSchedule(f, v);
    }

    @Override
    public double[] fractions() {
        return fractions.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** The value at {@code iteration} (0-based) of a run of {@code length} iterations. */
    public double valueAt(int iteration, int length) {
        double value = values[0];
        for (int i = 1; i < fractions.length; i++) {
            if (iteration >= Math.round(fractions[i] * length)) {
                value = values[i];
            }
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StepSchedule s && Arrays.equals(fractions, s.fractions) && Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(fractions) + Arrays.hashCode(values);
    }

    /** e.g. {@code 0.01→0.1@40%→1@70%}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(number(values[0]));
        for (int i = 1; i < values.length; i++) {
            b.append('→').append(number(values[i])).append('@').append(number(100 * fractions[i])).append('%');
        }
        return b.toString();
    }

    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
