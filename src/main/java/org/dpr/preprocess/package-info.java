/**
 * Measured-data preprocessing (paper §2.3 and §4.6; DESIGN.md, "Measured data"): the steps that turn
 * a detector frame into a centred pattern in a model's geometry, each an immutable
 * {@link org.dpr.preprocess.PreprocessStep} that returns the new frame and a
 * {@link org.dpr.preprocess.StepRecord} of what it changed, composed into a
 * {@link org.dpr.preprocess.Preprocessor} whose {@link org.dpr.preprocess.PreprocessLog} is written
 * as provenance.
 *
 * <table>
 *   <caption>Steps, in the order {@code dpr preprocess} runs them</caption>
 *   <tr><th>step</th><th>does</th></tr>
 *   <tr><td>{@link org.dpr.preprocess.InvalidPixels}</td><td>masks NaN/∞ (and, if asked, negative) pixels</td></tr>
 *   <tr><td>{@link org.dpr.preprocess.DetectorMaskStep}, {@link org.dpr.preprocess.RectangleMask}</td>
 *       <td>masks a detector mask from any file, user rectangles</td></tr>
 *   <tr><td>{@link org.dpr.preprocess.SaturationMask}</td><td>masks pixels ≥ the saturation value</td></tr>
 *   <tr><td>{@link org.dpr.preprocess.BackgroundSubtraction}</td><td>subtracts a constant or dark frame, clips at 0</td></tr>
 *   <tr><td>{@link org.dpr.preprocess.Centring}</td><td>finds ({@link org.dpr.preprocess.CentreFinder}) or takes the
 *       centre and moves it to (H/2, W/2)</td></tr>
 *   <tr><td>{@link org.dpr.preprocess.FriedelFill}</td><td>fills missing pixels from measured centrosymmetric partners</td></tr>
 *   <tr><td>{@link org.dpr.preprocess.Binning}</td><td>sums K×K blocks about the centre</td></tr>
 *   <tr><td>{@link org.dpr.preprocess.GeometryFit}</td><td>estimates the oversampling
 *       ({@link org.dpr.preprocess.OversamplingEstimator}) and bins or interpolates to the model's, then windows</td></tr>
 *   <tr><td>{@link org.dpr.preprocess.Window}</td><td>crops or pads to N×N about the centre</td></tr>
 * </table>
 *
 * <p>Conventions: frames in memory are centred after {@link org.dpr.preprocess.Centring} (zero
 * frequency at (H/2, W/2)); masks are 1 = measured; pixels a step cannot know (outside the detector,
 * a bin with a missing pixel) are missing with value 0, never invented; masking steps leave the
 * values of the pixels they mask as they were. A step that changes the sampling drops the ground
 * truth (its real-space pixel no longer matches). {@link org.dpr.preprocess.PreprocessedSource} wraps
 * any {@link org.dpr.io.FrameSource} so that the pipeline runs lazily per frame. Bad input is a
 * one-line {@link org.dpr.preprocess.PreprocessException}. The Fourier transforms run on DJL's
 * default device.
 */
package org.dpr.preprocess;
