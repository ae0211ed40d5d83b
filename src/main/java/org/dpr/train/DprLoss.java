package org.dpr.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dpr.tensor.Tensors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DPR training loss (paper §4.3, eq. 5; DESIGN.md "Loss"):
 *
 * <pre>L_total = L1 + 10·L_grad + 0.1·L_perc + 0.01·R_F^GT</pre>
 *
 * computed after aligning each output to its target ({@link Aligner}: integer translation within
 * ±n/2 and the twin, chosen by the cross-correlation maximum without gradients). For one sample
 * with aligned output X and target Y (n×n):
 * <ul>
 *   <li>L1 = mean |X − Y|;</li>
 *   <li>L_grad = Σ_{Y_i &gt; 0} (|∂_y X_i − ∂_y Y_i| + |∂_x X_i − ∂_x Y_i|) / #{Y_i &gt; 0}, forward
 *       differences with zeros beyond the box (the object box sits in a zero-padded window);
 *       0 for an empty target;</li>
 *   <li>L_perc = mean over all feature elements of |Φ(X) − Φ(Y)| with a {@link FeatureExtractor}
 *       Φ; off (0, with a one-line notice) when none is given;</li>
 *   <li>R_F^GT = Σ | |F X| − |F Y| | / Σ |F Y|, F the 2-D FFT of the box zero-padded to
 *       (oversampling·n)² (8, the network's N/n); |F| = √(re² + im² + 10⁻¹²) from the real view
 *       of the spectrum, so that the term stays differentiable (DJL's complex arrays drop
 *       gradients).</li>
 * </ul>
 * The batch value of each term is the mean over samples of w_b · term_b, with per-sample weights
 * w_b = 1 unless given. A term whose coefficient is 0 is still reported in {@link LossTerms} but
 * computed off the autograd graph. R_F^GT is evaluated on the half plane of a real FFT with the
 * mirrored columns counted twice, which equals the full-plane sums for real images at half the cost.
 *
 * <p><b>Scale.</b> The paper weighs each pattern by its photons. dpr does it through the inputs
 * (DESIGN.md "Output scale"): the caller passes the output multiplied by its Fourier scale ŝ and
 * the target multiplied by the flux factor s of its pattern, so that bright patterns count more;
 * {@code sampleWeights} can add any other weighting (e.g. √ΣI, the paper's wording).
 *
 * <p>Immutable; the paper's coefficients are the defaults. Arrays may be (B, 1, n, n) or (B, n, n).
 */
public final class DprLoss {
    private static final Logger LOG = LoggerFactory.getLogger(DprLoss.class);
    private static final AtomicBoolean NOTICE_LOGGED = new AtomicBoolean();
    private static final long[] LAST_TWO = {-2, -1};
    private static final float AMPLITUDE_EPSILON = 1e-12f;
    private static final DprLoss DEFAULTS =
            new DprLoss(1, 10, 0.1, 0.01, AlignmentMode.TRANSLATION_AND_TWIN, Integer.MAX_VALUE, 8, null);

    private final double l1Weight;
    private final double gradientWeight;
    private final double perceptualWeight;
    private final double fourierWeight;
    private final AlignmentMode alignment;
    private final int maxShiftPx;
    private final int fourierOversampling;
    private final FeatureExtractor features;

    private DprLoss(double l1Weight, double gradientWeight, double perceptualWeight, double fourierWeight,
            AlignmentMode alignment, int maxShiftPx, int fourierOversampling, FeatureExtractor features) {
        this.l1Weight = l1Weight;
        this.gradientWeight = gradientWeight;
        this.perceptualWeight = perceptualWeight;
        this.fourierWeight = fourierWeight;
        this.alignment = alignment;
        this.maxShiftPx = maxShiftPx;
        this.fourierOversampling = fourierOversampling;
        this.features = features;
    }

    /** Coefficients 1, 10, 0.1, 0.01; translation + twin alignment; R_F on an 8× padded box; no feature network. */
    public static DprLoss withDefaults() {
        return DEFAULTS;
    }

    public DprLoss withL1Weight(double value) {
        return new DprLoss(check(value, "L1"), gradientWeight, perceptualWeight, fourierWeight, alignment, maxShiftPx,
                fourierOversampling, features);
    }

    public DprLoss withGradientWeight(double value) {
        return new DprLoss(l1Weight, check(value, "gradient"), perceptualWeight, fourierWeight, alignment, maxShiftPx,
                fourierOversampling, features);
    }

    public DprLoss withPerceptualWeight(double value) {
        return new DprLoss(l1Weight, gradientWeight, check(value, "perceptual"), fourierWeight, alignment, maxShiftPx,
                fourierOversampling, features);
    }

    public DprLoss withFourierWeight(double value) {
        return new DprLoss(l1Weight, gradientWeight, perceptualWeight, check(value, "Fourier R"), alignment, maxShiftPx,
                fourierOversampling, features);
    }

    public DprLoss withAlignment(AlignmentMode value) {
        if (value == null) {
            throw new IllegalArgumentException("alignment must not be null");
        }
        return new DprLoss(l1Weight, gradientWeight, perceptualWeight, fourierWeight, value, maxShiftPx, fourierOversampling,
                features);
    }

    /**
     * The largest translation, in pixels per axis, the alignment forgives (default: unlimited, i.e.
     * n/2, the paper's). The position of an object is not in its diffraction intensity, so with n/2
     * a network is free to place its objects anywhere in the box, and one may drift them towards a
     * corner where the larger ones are clipped; a small limit (1 px) asks for the target's place —
     * centred in the box, as the simulator puts it.
     */
    public DprLoss withMaxShiftPx(int px) {
        if (px < 0) {
            throw new IllegalArgumentException("the largest alignment shift must be ≥ 0 px, got " + px);
        }
        return new DprLoss(l1Weight, gradientWeight, perceptualWeight, fourierWeight, alignment, px, fourierOversampling,
                features);
    }

    public int maxShiftPx() {
        return maxShiftPx;
    }

    /** The zero padding of R_F^GT's transform: the box is padded to (factor·n)², factor ≥ 1 (default 8 = N/n). */
    public DprLoss withFourierOversampling(int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("Fourier oversampling must be ≥ 1, got " + factor);
        }
        return new DprLoss(l1Weight, gradientWeight, perceptualWeight, fourierWeight, alignment, maxShiftPx, factor, features);
    }

    /** Turns the perceptual term on with {@code extractor} (not owned: the caller closes it). */
    public DprLoss withFeatureExtractor(FeatureExtractor extractor) {
        if (extractor == null) {
            throw new IllegalArgumentException("feature extractor must not be null (use withoutFeatureExtractor())");
        }
        return new DprLoss(l1Weight, gradientWeight, perceptualWeight, fourierWeight, alignment, maxShiftPx,
                fourierOversampling, extractor);
    }

    public DprLoss withoutFeatureExtractor() {
        return new DprLoss(l1Weight, gradientWeight, perceptualWeight, fourierWeight, alignment, maxShiftPx,
                fourierOversampling, null);
    }

    public double l1Weight() {
        return l1Weight;
    }

    public double gradientWeight() {
        return gradientWeight;
    }

    public double perceptualWeight() {
        return perceptualWeight;
    }

    public double fourierWeight() {
        return fourierWeight;
    }

    public AlignmentMode alignment() {
        return alignment;
    }

    public int fourierOversampling() {
        return fourierOversampling;
    }

    /** Whether the perceptual term is computed: a feature network is given and its weight is &gt; 0. */
    public boolean perceptualActive() {
        return features != null && perceptualWeight > 0;
    }

    /** The one-line notice to show when the perceptual term is off for want of a feature network; empty otherwise. */
    public Optional<String> notice() {
        if (features == null && perceptualWeight > 0) {
            return Optional.of("perceptual loss off: no feature network given (its weight " + perceptualWeight
                    + " is ignored; pass a TorchScript VGG-19 file to turn it on)");
        }
        return Optional.empty();
    }

    /** {@link #compute(NDArray, NDArray, NDArray)} with every sample weighted 1. */
    public LossTerms compute(NDArray output, NDArray target) {
        return compute(output, target, null);
    }

    /**
     * The loss of a batch.
     *
     * @param output        network output (B, 1, n, n) or (B, n, n), carrying gradients
     * @param target        ground truth of the same shape (no gradient needed)
     * @param sampleWeights (B) non-negative weights, or null for all 1
     */
    public LossTerms compute(NDArray output, NDArray target, NDArray sampleWeights) {
        Shape shape = output.getShape();
        if (!shape.equals(target.getShape())) {
            throw new IllegalArgumentException("output " + shape + " and target " + target.getShape() + " differ");
        }
        boolean channel = shape.dimension() == 4 && shape.get(1) == 1;
        if (!channel && shape.dimension() != 3) {
            throw new IllegalArgumentException("expected (B, 1, n, n) or (B, n, n), got " + shape);
        }
        long batch = shape.get(0);
        long h = shape.get(shape.dimension() - 2);
        long w = shape.get(shape.dimension() - 1);
        if (sampleWeights != null && !sampleWeights.getShape().equals(new Shape(batch))) {
            throw new IllegalArgumentException("sample weights must be (" + batch + "), got " + sampleWeights.getShape());
        }
        notice().ifPresent(text -> {
            if (NOTICE_LOGGED.compareAndSet(false, true)) {
                LOG.info(text);
            }
        });
        NDArray x = channel ? output.reshape(batch, h, w) : output;
        NDArray y = channel ? target.reshape(batch, h, w) : target;
        List<Alignment> chosen = Aligner.choose(x, y, alignment, maxShiftPx);
        NDArray aligned = Aligner.apply(x, chosen);

        // a term with coefficient 0 is still reported, but computed off the graph: it costs no backward pass
        NDArray detached = aligned.stopGradient();
        NDArray l1 = batchMean(l1(l1Weight > 0 ? aligned : detached, y, h, w), sampleWeights);
        NDArray gradient = batchMean(gradientL1(gradientWeight > 0 ? aligned : detached, y, h, w), sampleWeights);
        NDArray fourier = batchMean(fourierR(fourierWeight > 0 ? aligned : detached, y, h, w), sampleWeights);
        NDArray perceptual = perceptualActive()
                ? batchMean(perceptualL1(aligned.reshape(batch, 1, h, w), y.reshape(batch, 1, h, w)), sampleWeights)
                : output.getManager().zeros(new Shape(), DataType.FLOAT32);

        NDArray total = null;
        total = l1Weight > 0 ? plus(total, Tensors.times(l1, (float) l1Weight)) : total;
        total = gradientWeight > 0 ? plus(total, Tensors.times(gradient, (float) gradientWeight)) : total;
        total = fourierWeight > 0 ? plus(total, Tensors.times(fourier, (float) fourierWeight)) : total;
        total = perceptualActive() ? plus(total, Tensors.times(perceptual, (float) perceptualWeight)) : total;
        if (total == null) {
            total = Tensors.times(aligned.sum(), 0f); // every coefficient 0: a zero that still has a graph
        }
        return new LossTerms(total, l1, gradient, perceptual, fourier, chosen);
    }

    /** Per-sample L1 (B). */
    private static NDArray l1(NDArray x, NDArray y, long h, long w) {
        return Tensors.dividedBy(x.sub(y).abs().sum(new int[] {1, 2}), (float) (h * w));
    }

    /** Per-sample L_grad (B). */
    private static NDArray gradientL1(NDArray x, NDArray y, long h, long w) {
        NDArray[] dx = differences(x, h, w);
        NDArray[] dy = differences(y, h, w);
        NDArray diff = dx[0].sub(dy[0]).abs().add(dx[1].sub(dy[1]).abs());
        NDArray support = y.gt(0).toType(DataType.FLOAT32, false);
        NDArray count = support.sum(new int[] {1, 2}).maximum(1f);
        return diff.mul(support).sum(new int[] {1, 2}).div(count);
    }

    /** Forward differences along y and x with zeros beyond the box: {∂_y, ∂_x}, each (B, H, W). */
    private static NDArray[] differences(NDArray a, long h, long w) {
        NDArray padded = a.pad(new Shape(0, 1, 0, 1), 0);
        NDArray down = padded.get(new NDIndex(":, 1:{}, 0:{}", h + 1, w));
        NDArray right = padded.get(new NDIndex(":, 0:{}, 1:{}", h, w + 1));
        return new NDArray[] {down.sub(a), right.sub(a)};
    }

    /**
     * Per-sample R_F^GT (B). For a real image |F(k)| = |F(−k)|, so the sums over the full padded
     * plane equal weighted sums over the half plane of a real FFT along x (weight 1 on the columns
     * that are their own mirror, k_x = 0 and the Nyquist column, 2 elsewhere): half the work.
     */
    private NDArray fourierR(NDArray x, NDArray y, long h, long w) {
        long rows = fourierOversampling * h;
        long columns = fourierOversampling * w;
        NDArray ax = halfAmplitude(x, rows, columns);
        NDArray ay = halfAmplitude(y, rows, columns);
        NDArray weights = mirrorWeights(x.getManager(), columns);
        NDArray difference = ax.sub(ay).abs().mul(weights).sum(new int[] {1, 2});
        return difference.div(ay.mul(weights).sum(new int[] {1, 2}).maximum(1e-12f));
    }

    /** |FFT| of a (B, H, W) zero-padded to rows × columns, on the half plane k_x ∈ [0, columns/2]. */
    private static NDArray halfAmplitude(NDArray a, long rows, long columns) {
        NDArray pair = a.rfft(columns, -1).fft(rows, -2).real();
        return pair.square().sum(new int[] {-1}).add(AMPLITUDE_EPSILON).sqrt();
    }

    /** Multiplicity of each half-plane column in the full plane: 1 for k_x = 0 and the Nyquist column (even size), else 2. */
    private static NDArray mirrorWeights(ai.djl.ndarray.NDManager manager, long columns) {
        int half = (int) (columns / 2 + 1);
        float[] weights = new float[half];
        java.util.Arrays.fill(weights, 2f);
        weights[0] = 1f;
        if (columns % 2 == 0) {
            weights[half - 1] = 1f;
        }
        return Tensors.owned(manager, weights, new Shape(half));
    }

    /** Per-sample perceptual L1 (B): Σ_l Σ|Φ_l(X) − Φ_l(Y)| / Σ_l (elements of Φ_l per sample). */
    private NDArray perceptualL1(NDArray x, NDArray y) {
        NDList fx = features.features(x);
        NDList fy = features.features(y);
        if (fx.size() != fy.size() || fx.isEmpty()) {
            throw new IllegalStateException("feature extractor returned " + fx.size() + " and " + fy.size() + " maps");
        }
        NDArray sum = null;
        long elements = 0;
        for (int l = 0; l < fx.size(); l++) {
            NDArray a = fx.get(l);
            long b = a.getShape().get(0);
            NDArray perSample = a.sub(fy.get(l)).abs().reshape(b, -1).sum(new int[] {1});
            elements += a.size() / b;
            sum = sum == null ? perSample : sum.add(perSample);
        }
        return Tensors.dividedBy(sum, (float) elements);
    }

    private static NDArray plus(NDArray sum, NDArray term) {
        return sum == null ? term : sum.add(term);
    }

    private static NDArray batchMean(NDArray perSample, NDArray weights) {
        return weights == null ? perSample.mean() : perSample.mul(weights).mean();
    }

    private static double check(double value, String term) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(term + " coefficient must be finite and ≥ 0, got " + value);
        }
        return value;
    }

    @Override
    public String toString() {
        return "DPR loss(" + l1Weight + "·L1 + " + gradientWeight + "·L_grad + " + perceptualWeight + "·L_perc"
                + (perceptualActive() ? "" : " (off)") + " + " + fourierWeight + "·R_F^GT, alignment " + alignment
                + (maxShiftPx == Integer.MAX_VALUE ? "" : " within ±" + maxShiftPx + " px") + ")";
    }
}
