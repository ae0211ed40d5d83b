package org.dpr.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.dpr.tensor.Tensors;

/**
 * Aligns network outputs to their targets before a loss compares them (DESIGN.md "Conventions":
 * every comparison with a ground truth first aligns by the cross-correlation maximum over
 * translation and twin).
 *
 * <p>The choice is made without gradients: on detached copies, the circular cross-correlation
 * C(s) = Σ_r t(r) o(r − s mod (H, W)) of target t with output o (and with the rotated output) is
 * computed by FFT, and the largest value over shifts |s_y| ≤ H/2, |s_x| ≤ W/2 wins; ties keep the
 * identity. The chosen move is then applied to the output with a differentiable gather, so the
 * gradient flows back through the aligned image.
 *
 * <p>Shifts are circular: an output pixel pushed past one edge of the box comes back at the other,
 * where the target is zero (the simulator's objects sit inside the box with a margin), so every output
 * pixel is charged by the loss whatever the alignment. With a zero-filled shift the pixels pushed out
 * dropped out of the loss, the box edges went untrained, and the models showed bright pixels in the
 * corners of the box. Arrays are (B, H, W); all work happens on the arrays' device.
 */
public final class Aligner {
    private static final long[] LAST_TWO = {-2, -1};

    private Aligner() {
    }

    /**
     * The best alignment of each output (B, H, W) to its target, per {@code mode}. Reads detached
     * copies only; the result does not depend on gradients.
     */
    public static List<Alignment> choose(NDArray output, NDArray target, AlignmentMode mode) {
        return choose(output, target, mode, Integer.MAX_VALUE);
    }

    /**
     * As {@link #choose(NDArray, NDArray, AlignmentMode)} with translations limited to
     * |s_y|, |s_x| ≤ min(H/2, maxShiftPx) (W/2 for columns): a small limit leaves the network no
     * freedom to place its object anywhere but where the target is.
     */
    public static List<Alignment> choose(NDArray output, NDArray target, AlignmentMode mode, int maxShiftPx) {
        if (maxShiftPx < 0) {
            throw new IllegalArgumentException("the largest shift must be ≥ 0 px, got " + maxShiftPx);
        }
        Shape shape = output.getShape();
        if (shape.dimension() != 3 || !shape.equals(target.getShape())) {
            throw new IllegalArgumentException("need output and target of the same shape (B, H, W), got "
                    + shape + " and " + target.getShape());
        }
        int batch = (int) shape.get(0);
        int h = (int) shape.get(1);
        int w = (int) shape.get(2);
        List<Alignment> out = new ArrayList<>(batch);
        if (mode == AlignmentMode.NONE) {
            for (int b = 0; b < batch; b++) {
                out.add(Alignment.IDENTITY);
            }
            return out;
        }
        boolean twins = mode == AlignmentMode.TRANSLATION_AND_TWIN;
        int maxDy = Math.min(h / 2, maxShiftPx);
        int maxDx = Math.min(w / 2, maxShiftPx);
        try (NDManager scope = output.getManager().newSubManager()) {
            NDArray o = output.stopGradient();
            o.attach(scope);
            NDArray t = target.stopGradient();
            t.attach(scope);
            long[] size = {h, w};
            NDArray spectrumT = t.fft2(size, LAST_TWO).real();
            float[] direct = correlation(spectrumT, o, size).toFloatArray();
            float[] rotated = twins ? correlation(spectrumT, o.flip(1, 2), size).toFloatArray() : null;
            float[] normO = o.square().sum(new int[] {1, 2}).sqrt().toFloatArray();
            float[] normT = t.square().sum(new int[] {1, 2}).sqrt().toFloatArray();
            int plane = h * w;
            for (int b = 0; b < batch; b++) {
                // correlations are bounded by ‖o‖‖t‖; a rival must beat the identity by more than rounding
                double tolerance = 1e-5 * normO[b] * normT[b];
                Alignment best = Alignment.IDENTITY;
                double bestValue = direct[b * plane];
                for (int twin = 0; twin < (twins ? 2 : 1); twin++) {
                    float[] c = twin == 0 ? direct : rotated;
                    for (int dy = -maxDy; dy <= maxDy; dy++) {
                        int row = Math.floorMod(dy, h);
                        for (int dx = -maxDx; dx <= maxDx; dx++) {
                            double v = c[b * plane + row * w + Math.floorMod(dx, w)];
                            if (v > bestValue + tolerance) {
                                bestValue = v;
                                best = new Alignment(twin == 1, dy, dx);
                            }
                        }
                    }
                }
                out.add(best);
            }
        }
        return out;
    }

    /**
     * {@code output} (B, H, W) with each sample rotated and shifted circularly as {@code alignments}
     * says. Differentiable: one linear-index gather ({@code take}) of the output, whatever the batch
     * size, on the output's manager. A permutation of each sample's pixels: none is dropped.
     */
    public static NDArray apply(NDArray output, List<Alignment> alignments) {
        Shape shape = output.getShape();
        if (shape.dimension() != 3 || shape.get(0) != alignments.size()) {
            throw new IllegalArgumentException("need (B, H, W) with B = " + alignments.size() + ", got " + shape);
        }
        if (alignments.stream().allMatch(Alignment.IDENTITY::equals)) {
            return output;
        }
        int batch = alignments.size();
        int h = (int) shape.get(1);
        int w = (int) shape.get(2);
        long[] index = new long[batch * h * w];
        for (int b = 0; b < batch; b++) {
            Alignment a = alignments.get(b);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int sy = Math.floorMod(y - a.dy(), h);
                    int sx = Math.floorMod(x - a.dx(), w);
                    if (a.twin()) {
                        sy = h - 1 - sy;
                        sx = w - 1 - sx;
                    }
                    int i = (b * h + y) * w + x;
                    index[i] = ((long) b * h + sy) * w + sx;
                }
            }
        }
        // owned by libtorch: the gather keeps its indices for the backward pass
        NDArray indices = Tensors.owned(output.getManager(), index, shape);
        return output.take(indices);
    }

    /** Real part of IFFT(T · conj(O)): C(s) = Σ_r t(r) o(r − s), indices modulo the box. */
    private static NDArray correlation(NDArray spectrumT, NDArray o, long[] size) {
        NDArray spectrumO = o.fft2(size, LAST_TWO).real();
        NDArray a = spectrumT.get(new NDIndex("..., 0"));
        NDArray bb = spectrumT.get(new NDIndex("..., 1"));
        NDArray c = spectrumO.get(new NDIndex("..., 0"));
        NDArray d = spectrumO.get(new NDIndex("..., 1"));
        NDArray re = a.mul(c).add(bb.mul(d));
        NDArray im = bb.mul(c).sub(a.mul(d));
        return Tensors.re(Tensors.complex(re, im).ifft2(size, LAST_TWO));
    }
}
