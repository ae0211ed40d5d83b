package org.dpr.retrieve;

import java.util.Locale;

/** The conventional algorithms, with the step each uses by default and the paper's final-ER share. */
public enum Algorithm {
    /** Error reduction. */
    ER("er", 0),
    /** Hybrid input–output, β 0.9, final 10 % ER (paper §4.5). */
    HIO("hio", 0.1),
    /** RAAR, β 0.87, final 10 % ER (as HIO). */
    RAAR("raar", 0.1),
    /** GPS with the dual smoothed in real space (a Gaussian low-pass of its spectrum): the paper's GPS (§4.5). */
    GPS_R("gps-r", 0),
    /** GPS with the dual smoothed in Fourier space (a Gaussian weight in real space). */
    GPS_F("gps-f", 0);

    private final String cliName;
    private final double finalErFraction;

    Algorithm(String cliName, double finalErFraction) {
        this.cliName = cliName;
        this.finalErFraction = finalErFraction;
    }

    /** The lower-case name used on the command line: er, hio, raar, gps-r, gps-f. */
    public String cliName() {
        return cliName;
    }

    /** The share of the iterations run as ER at the end in the paper's recipe (0.1 for HIO and RAAR). */
    public double defaultFinalErFraction() {
        return finalErFraction;
    }

    /** The default single-iteration step. */
    public Operator defaultStep() {
        return switch (this) {
            case ER -> Er.withDefaults();
            case HIO -> Hio.withDefaults();
            case RAAR -> Raar.withDefaults();
            case GPS_R -> Gps.withDefaults();
            case GPS_F -> Gps.withDefaults().withSmoothing(Gps.Smoothing.FOURIER_SPACE);
        };
    }

    /**
     * Parses a name: er, hio, raar, gps (= gps-r), gps-r, gps-f, case-insensitive, '_' or '-'.
     *
     * @throws IllegalArgumentException for anything else, listing the names
     */
    public static Algorithm parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        if (n.equals("gps")) {
            return GPS_R;
        }
        for (Algorithm a : values()) {
            if (a.cliName.equals(n)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown algorithm '" + name + "'; use er, hio, raar, gps (gps-r) or gps-f");
    }
}
