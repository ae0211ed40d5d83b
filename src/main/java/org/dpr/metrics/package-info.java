/**
 * Figures of merit of phase retrieval (paper §4.4, eq. 6) on plain row-major {@code float[]}
 * images: the Fourier R-factor ({@link org.dpr.metrics.RFactor}) and its per-pixel radial profile
 * ({@link org.dpr.metrics.LocalRFactor}), PSNR and PCC ({@link org.dpr.metrics.ImageMetrics}),
 * SSIM in the paper's global and the standard windowed form ({@link org.dpr.metrics.Ssim}),
 * alignment over translations and the twin ({@link org.dpr.metrics.Alignment}), and the statistics
 * reports need: Mann–Whitney U tests with significance marks, summaries, Fisher-z intervals.
 *
 * <p>Pure Java (a small double-precision FFT is built in); no tensor engine and no dependency on
 * {@code nn}. Images of a comparison must be aligned before PSNR, SSIM or PCC;
 * {@link org.dpr.metrics.FrameEvaluator} does the whole per-frame evaluation.
 */
package org.dpr.metrics;
