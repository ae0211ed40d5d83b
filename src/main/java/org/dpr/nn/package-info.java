/**
 * The DPR network (Lee et al., §2.1, §4.1 and Supplementary Table 1) as DJL blocks, its presets and
 * ablation variants, model files, inference, parameter summary and forward-time benchmark.
 *
 * <p>Blocks, bottom up: {@link org.dpr.nn.PaddedConv2d} (bias-free convolution with reflection or zero
 * padding), {@link org.dpr.nn.PartialConv2d} (weighted partial convolution with
 * {@link org.dpr.nn.MaskWeighting#GUINIER_POROD} weights, or the plain one), {@link
 * org.dpr.nn.DepthwiseSeparableConv}, {@link org.dpr.nn.FourierUnit}, {@link org.dpr.nn.SpectralTransform},
 * {@link org.dpr.nn.FastFourierConv}, {@link org.dpr.nn.FfcResidualBlock}, {@link org.dpr.nn.Encoder},
 * {@link org.dpr.nn.BaseDecoder}, {@link org.dpr.nn.FourierProjection}, {@link
 * org.dpr.nn.CompensatedDecoder} (+D) and {@link org.dpr.nn.DiffractionScaling} (input normalisation,
 * output scale), assembled by {@link org.dpr.nn.DprNetwork} from an immutable {@link org.dpr.nn.DprConfig}
 * ({@link org.dpr.nn.DprPreset#PAPER}: exactly 15,243,570 trainable parameters).
 *
 * <p>Use: {@link org.dpr.nn.DprModel} (create, save, load with geometry and checksum checks, raw forward
 * for training), {@link org.dpr.nn.DprPredictor} (batches of frames → objects in amplitude units),
 * {@link org.dpr.nn.ModelSummary} and {@link org.dpr.nn.ModelBenchmark}. Unusable model files raise
 * {@link org.dpr.nn.ModelFileException}. This package does not depend on {@code org.dpr.io}: frames come
 * in as arrays. Every block runs on the device of its input arrays; complex spectra are handled as
 * (re, im) pairs and rebuilt as re + im·i so that autograd follows them.
 */
package org.dpr.nn;
