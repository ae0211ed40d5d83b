package org.dpr.train;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The loss of one batch and its parts (paper eq. 5), each a scalar NDArray on the output's
 * manager: the batch means (weighted by the per-sample weights when given) of each term before its
 * coefficient, and {@code total} = Σ coefficient · term, which carries the gradient.
 *
 * @param total      L1·c₁ + L_grad·c₂ + L_perc·c₃ + R_F^GT·c₄
 * @param l1         mean absolute error of the aligned output
 * @param gradient   L1 of finite-difference gradients on pixels where the target &gt; 0
 * @param perceptual L1 of feature maps (zero when no feature network is given)
 * @param fourier    R_F^GT, the ground-truth Fourier-amplitude R factor
 * @param alignments the alignment chosen for each sample
 */
public record LossTerms(NDArray total, NDArray l1, NDArray gradient, NDArray perceptual, NDArray fourier,
        List<Alignment> alignments) {

    public LossTerms {
        alignments = List.copyOf(alignments);
    }

    /** The five values on the host, for logs: total, l1, gradient, perceptual, fourier. */
    public Map<String, Double> values() {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("total", value(total));
        out.put("l1", value(l1));
        out.put("gradient", value(gradient));
        out.put("perceptual", value(perceptual));
        out.put("fourier", value(fourier));
        return out;
    }

    private static double value(NDArray scalar) {
        return scalar.toFloatArray()[0];
    }
}
