package org.dpr.simulate;

import java.util.SplittableRandom;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The detector noise of eq. 4: I_i = Pois(λ_i) + N(0, σ) with λ_i the expected photons of pixel i.
 * Every pixel has its own mean, so samplers that need a set-up per mean (Commons RNG's
 * {@code PoissonSampler}) cost more than the draw: means below 10 use inversion
 * ({@link #smallMean}), larger ones Hörmann's PTRS ({@link #transformedRejection}), as numpy does —
 * twice as fast as the library here. Gaussians come from Commons RNG's ziggurat sampler; all draws
 * come from the frame's own {@link SplittableRandom}.
 */
final class PhotonNoise {
    /** The paper's σ: a Gaussian whose FWHM is one photon, 1/(2·√(2 ln 2)) = 1/2.35482. */
    static final double PAPER_SIGMA_PHOTONS = 1 / 2.35482;

    /** Means below this are drawn by inversion, the others by transformed rejection. */
    static final double SMALL_MEAN = 10;

    private PhotonNoise() {
    }

    /**
     * Poisson sampling by inversion with a sequential search, one uniform per draw: most pixels of a
     * pattern expect far less than one photon, and for them u &lt; 1 − λ ≤ e^(−λ) = P(0) settles the
     * draw without computing the exponential.
     */
    static int smallMean(double mean, SplittableRandom random) {
        double u = random.nextDouble();
        if (u < 1 - mean) {
            return 0;
        }
        double p = Math.exp(-mean);
        double cdf = p;
        int k = 0;
        while (u > cdf) {
            k++;
            p *= mean / k;
            if (p < 1e-18) {
                break; // the rest of the tail is below double resolution of u
            }
            cdf += p;
        }
        return k;
    }

    /**
     * Poisson sampling by Hörmann's transformed rejection with squeeze (PTRS; W. Hörmann, "The
     * transformed rejection method for generating Poisson random variables", Insurance: Mathematics
     * and Economics 12, 39–45, 1993), as numpy uses it for means ≥ 10: about 1.2 pairs of uniforms
     * per draw and no per-mean set-up, which matters when every pixel has its own mean.
     */
    static double transformedRejection(double mean, SplittableRandom random) {
        double sqrtMean = Math.sqrt(mean);
        double logMean = Math.log(mean);
        double b = 0.931 + 2.53 * sqrtMean;
        double a = -0.059 + 0.02483 * b;
        double inverseAlpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = random.nextDouble() - 0.5;
            double v = random.nextDouble();
            double us = 0.5 - Math.abs(u);
            double k = Math.floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            if (Math.log(v) + Math.log(inverseAlpha) - Math.log(a / (us * us) + b)
                    <= -mean + k * logMean - LogGamma.value(k + 1)) {
                return k;
            }
        }
    }

    /**
     * The noisy counts of the expected photons {@code lambda} (values ≤ 0 are treated as 0, as the
     * authors' code clamps them).
     *
     * @param sigmaPhotons σ of the additive Gaussian (used by {@link Noise#POISSON_GAUSSIAN} only)
     */
    static float[] apply(double[] lambda, Noise noise, double sigmaPhotons, SplittableRandom random) {
        float[] out = new float[lambda.length];
        if (noise == Noise.NONE) {
            for (int i = 0; i < lambda.length; i++) {
                out[i] = (float) lambda[i];
            }
            return out;
        }
        for (int i = 0; i < lambda.length; i++) {
            double mean = lambda[i];
            if (mean <= 0) {
                out[i] = 0f;
            } else if (mean < SMALL_MEAN) {
                out[i] = smallMean(mean, random);
            } else {
                out[i] = (float) transformedRejection(mean, random);
            }
        }
        if (noise == Noise.POISSON_GAUSSIAN) {
            UniformRandomProvider rng = random::nextLong;
            NormalizedGaussianSampler gauss = ZigguratSampler.NormalizedGaussian.of(rng);
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) (out[i] + sigmaPhotons * gauss.sample());
            }
        }
        return out;
    }
}
