package org.dpr.cli;

import java.util.Locale;
import org.dpr.nn.DprModel;
import org.dpr.pipeline.DprMethod;
import org.dpr.pipeline.IterativeMethod;
import org.dpr.pipeline.ReconstructionMethod;
import org.dpr.retrieve.Algorithm;
import org.dpr.retrieve.Hio;
import org.dpr.retrieve.InitialSupport;
import org.dpr.retrieve.IterativeReconstructor;
import org.dpr.retrieve.Raar;
import org.dpr.retrieve.Selection;
import picocli.CommandLine.Option;

/** Options that choose and configure a reconstruction method; {@link #create()} builds it. */
public final class MethodOptions {

    @Option(names = {"-a", "--algorithm"}, defaultValue = "hio", paramLabel = "NAME",
            description = "dpr, dpr+r (DPR then 50 GPS-R iterations), er, hio, raar, gps (= gps-r, the paper's GPS), gps-f "
                    + "(default: ${DEFAULT-VALUE}).")
    String algorithm;

    @Option(names = "--model", paramLabel = "MODEL.json",
            description = "DPR model descriptor (default: the shipped model, models/dpr-small).")
    java.nio.file.Path model;

    @Option(names = "--starts", defaultValue = "100", description = "Random starting phases, run as one batch (default: ${DEFAULT-VALUE}).")
    int starts;

    @Option(names = "--iterations", defaultValue = "1000", description = "Iterations per start (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--beta", description = "Feedback β of HIO (default 0.9) or RAAR (default 0.87).")
    Double beta;

    @Option(names = "--support-size", paramLabel = "PX",
            description = "Side of the centred square initial support in pixels (default: 60/64 of the object box n, the paper's 60×60 at N 512).")
    Integer supportSizePx;

    @Option(names = "--support", defaultValue = "square", paramLabel = "KIND",
            description = "Initial support: square (simulations, 60/64 of n), experiment (30/64 of n) or autocorrelation (default: ${DEFAULT-VALUE}).")
    String support;

    @Option(names = "--no-shrinkwrap", description = "Keep the initial support fixed (no shrink-wrap).")
    boolean noShrinkWrap;

    @Option(names = "--average-best", paramLabel = "K", defaultValue = "1",
            description = "Return the aligned average of the K lowest-R_F starts (paper: 5 for experiments; default: ${DEFAULT-VALUE} = best only).")
    int averageBest;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the random starts (default: ${DEFAULT-VALUE}).")
    long seed;

    /**
     * DPR and DPR+R with the chosen (or shipped) model when its window is {@code windowPx}; none, with a
     * one-line notice on {@code err}, when there is no model or it is for another window.
     */
    public java.util.List<ReconstructionMethod> dprMethodsFor(int windowPx, java.io.PrintWriter err) {
        java.nio.file.Path descriptor;
        try {
            descriptor = model != null ? model : Models.defaultModel();
        } catch (org.dpr.DprException e) {
            err.println("dpr: " + e.getMessage() + " — DPR left out");
            return java.util.List.of();
        }
        DprModel loaded = DprModel.load(descriptor);
        if (loaded.config().geometry().windowPx() != windowPx) {
            err.println("dpr: the model " + descriptor.getFileName() + " is for N " + loaded.config().geometry().windowPx()
                    + " but the frames are " + windowPx + " wide (use --window/--fit-geometry) — DPR left out");
            loaded.close();
            return java.util.List.of();
        }
        String name = descriptor.getFileName().toString();
        return java.util.List.of(DprMethod.of(loaded, name, DprMethod.Mode.DPR), DprMethod.of(loaded, name, DprMethod.Mode.DPR_REFINED));
    }

    /** The method these options describe. */
    public ReconstructionMethod create() {
        String name = algorithm.strip().toLowerCase(Locale.ROOT);
        if ("dpr".equals(name) || "dpr+r".equals(name)) {
            java.nio.file.Path descriptor = model != null ? model : Models.defaultModel();
            DprModel loaded = DprModel.load(descriptor);
            DprMethod.Mode mode = "dpr".equals(name) ? DprMethod.Mode.DPR : DprMethod.Mode.DPR_REFINED;
            return DprMethod.of(loaded, descriptor.getFileName().toString(), mode);
        }
        if (model != null) {
            throw new IllegalArgumentException("--model applies to dpr and dpr+r only, not " + name);
        }
        Algorithm chosen = Algorithm.parse("gps".equals(name) ? "gps-r" : name);
        IterativeReconstructor r = IterativeReconstructor.withDefaults()
                .withAlgorithm(chosen)
                .withStarts(starts)
                .withIterations(iterations)
                .withSeed(seed)
                .withSelection(averageBest > 1 ? Selection.averageOfBest(averageBest) : Selection.lowestRf());
        if (beta != null) {
            r = switch (chosen) {
                case HIO -> r.withStep(Hio.withDefaults().withBeta(beta));
                case RAAR -> r.withStep(Raar.withDefaults().withBeta(beta));
                default -> throw new IllegalArgumentException("--beta applies to hio and raar only, not " + name);
            };
        }
        InitialSupport initial = switch (support.strip().toLowerCase(Locale.ROOT)) {
            case "square" -> InitialSupport.simulation();
            case "experiment" -> InitialSupport.experiment();
            case "autocorrelation" -> InitialSupport.autocorrelation(0.04);
            default -> throw new IllegalArgumentException("unknown --support '" + support + "': use square, experiment or autocorrelation");
        };
        if (supportSizePx != null) {
            initial = InitialSupport.centredSquarePx(supportSizePx);
        }
        r = r.withInitialSupport(initial);
        if (noShrinkWrap) {
            r = r.withoutShrinkWrap();
        }
        return new IterativeMethod("gps-r".equals(chosen.cliName()) ? "gps" : chosen.cliName(), r);
    }
}
