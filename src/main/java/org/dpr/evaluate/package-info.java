/**
 * Evaluation of reconstruction methods on frames with a known ground truth, as the paper compares
 * DPR with HIO and GPS (§2.1–2.2, Figs. 1–2, metrics §4.4): {@link org.dpr.evaluate.Evaluation}
 * runs every method over the same frames and measures each image ({@link
 * org.dpr.metrics.FrameEvaluator}); {@link org.dpr.evaluate.EvaluationReport} writes the report
 * folder — per-frame and summary tables (Markdown, CSV), Mann–Whitney tests against a reference
 * method with the paper's significance marks, box plots, a processing-time plot on a log axis,
 * image grids and an {@code index.html} that ties them together.
 *
 * <p>A method list may hold several variants of one kind (e.g. DPR models trained with other
 * encoders or on other set sizes) under distinct labels: the ablation and training-size studies are
 * evaluations with such lists.
 */
package org.dpr.evaluate;
