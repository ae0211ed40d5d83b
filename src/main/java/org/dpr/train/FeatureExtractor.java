package org.dpr.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * The feature network Φ of the perceptual loss (paper eq. 5, §4.3: the outputs of blocks 4 and 5
 * of an ImageNet-trained VGG-19, after Johnson et al. 2016). A plug-in, because those weights
 * cannot be shipped or downloaded here: {@link TorchScriptFeatureExtractor} loads a user-supplied
 * TorchScript file; any other implementation works too.
 *
 * <p>Contract: {@link #features} maps images (B, 1, H, W) — the network's output, or the target,
 * in the loss's units — to one or more feature maps (B, …), the same shapes for every call with
 * the same input shape. It must be differentiable with respect to its input (the loss's gradient
 * flows through it into the network) and must not train its own weights. Any input scaling the
 * feature network expects (grey to RGB, ImageNet normalisation) is the implementation's business.
 */
@FunctionalInterface
public interface FeatureExtractor {
    NDList features(NDArray images);
}
