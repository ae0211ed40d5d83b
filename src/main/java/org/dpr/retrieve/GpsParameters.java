package org.dpr.retrieve;

import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of GPS (Pham et al. 2019) shared by both variants of {@link Gps}.
 *
 * @param primalStep       t, the step of the Fourier-space (primal) update
 * @param dualStep         s, the step of the real-space (dual) update
 * @param sigma            σ of the Moreau–Yosida relaxation of the amplitude constraint, over the run
 * @param alphaStartFactor α₀ / min(H, W): the smoothing width starts at α₀ (2 → 1024 at N = 512)
 * @param alphaStages      α decreases linearly in this many equal stages: α_j = α₀(1 − j/stages)
 * @param scheduleLength   the run length the σ and α schedules are laid over (iterations)
 */
record GpsParameters(double primalStep, double dualStep, StepSchedule sigma, double alphaStartFactor, int alphaStages,
                     int scheduleLength) {

    /** Paper §4.5, 1000 iterations: t 1, s 0.9, σ 0.01 ×10 at 40 % and 70 %, α from 2N down 10 % every 100. */
    static final GpsParameters PAPER = new GpsParameters(1, 0.9, StepSchedule.of(0, 0.01, 0.4, 0.1, 0.7, 1), 2, 10,
            1000);
    /** Paper §4.5, DPR+R: 50 iterations, t 1, s 0.9, σ 0.1 → 1 at 40 %, α from 2N down 20 % every 10. */
    static final GpsParameters REFINEMENT = new GpsParameters(1, 0.9, StepSchedule.of(0, 0.1, 0.4, 1), 2, 5, 50);

    GpsParameters {
        if (!(primalStep > 0) || !Double.isFinite(primalStep)) {
            throw new IllegalArgumentException("GPS primal step t must be positive, got " + primalStep);
        }
        if (!(dualStep > 0) || !Double.isFinite(dualStep)) {
            throw new IllegalArgumentException("GPS dual step s must be positive, got " + dualStep);
        }
        for (double v : sigma.values()) {
            if (!(v >= 0)) {
                throw new IllegalArgumentException("GPS σ must be ≥ 0, got " + sigma);
            }
        }
        if (!(alphaStartFactor > 0) || !Double.isFinite(alphaStartFactor)) {
            throw new IllegalArgumentException("GPS α start factor must be positive, got " + alphaStartFactor);
        }
        if (alphaStages < 1) {
            throw new IllegalArgumentException("GPS α stages must be at least 1, got " + alphaStages);
        }
        if (scheduleLength < 1) {
            throw new IllegalArgumentException("GPS schedule length must be at least 1, got " + scheduleLength);
        }
    }

    double sigmaAt(int iteration) {
        return sigma.valueAt(iteration, scheduleLength);
    }

    /** α at {@code iteration} for a window whose shorter side is {@code windowPx}. */
    double alphaAt(int iteration, int windowPx) {
        int stage = 0;
        for (int j = 1; j < alphaStages; j++) {
            if (iteration >= Math.round((double) j * scheduleLength / alphaStages)) {
                stage = j;
            }
        }
        return alphaStartFactor * windowPx * (1 - (double) stage / alphaStages);
    }

    GpsParameters withPrimalStep(double t) {
        return new GpsParameters(t, dualStep, sigma, alphaStartFactor, alphaStages, scheduleLength);
    }

    GpsParameters withDualStep(double s) {
        return new GpsParameters(primalStep, s, sigma, alphaStartFactor, alphaStages, scheduleLength);
    }

    GpsParameters withSigma(StepSchedule schedule) {
        return new GpsParameters(primalStep, dualStep, schedule, alphaStartFactor, alphaStages, scheduleLength);
    }

    GpsParameters withAlphaStartFactor(double factor) {
        return new GpsParameters(primalStep, dualStep, sigma, factor, alphaStages, scheduleLength);
    }

    GpsParameters withAlphaStages(int stages) {
        return new GpsParameters(primalStep, dualStep, sigma, alphaStartFactor, stages, scheduleLength);
    }

    GpsParameters withScheduleLength(int length) {
        return new GpsParameters(primalStep, dualStep, sigma, alphaStartFactor, alphaStages, length);
    }

    /** "GPS-R" for the paper's values, else the name with the parameters that differ. */
    String describe(String name) {
        List<String> parts = new ArrayList<>();
        if (primalStep != PAPER.primalStep) {
            parts.add("t=" + StepSchedule.number(primalStep));
        }
        if (dualStep != PAPER.dualStep) {
            parts.add("s=" + StepSchedule.number(dualStep));
        }
        if (!sigma.equals(PAPER.sigma)) {
            parts.add("sigma=" + sigma);
        }
        if (alphaStartFactor != PAPER.alphaStartFactor) {
            parts.add("alpha0=" + StepSchedule.number(alphaStartFactor) + "N");
        }
        if (alphaStages != PAPER.alphaStages) {
            parts.add("alphaStages=" + alphaStages);
        }
        if (scheduleLength != PAPER.scheduleLength) {
            parts.add("length=" + scheduleLength);
        }
        return parts.isEmpty() ? name : name + "(" + String.join(", ", parts) + ")";
    }
}
