/**
 * Conventional iterative phase retrieval (paper §4.5; DESIGN.md "Iterative algorithms"): ER, HIO
 * (Fienup 1982), RAAR (Luke 2005), GPS-R and GPS-F (Pham et al. 2019), shrink-wrap (Marchesini et
 * al. 2003), random starts, selection and averaging, and the DPR+R refinement.
 *
 * <p><b>Operators.</b> An algorithm is a value: an {@link org.dpr.retrieve.Operator} maps a
 * {@link org.dpr.retrieve.PhasingState} to its successor, and operators compose left to right with
 * {@code then} and {@code times} into a recipe that prints itself in the PyNX notation (applied right
 * to left), e.g. {@code ER**100 * (ShrinkWrap * HIO**50)**18}. {@link org.dpr.retrieve.Algorithms}
 * builds the paper's recipes and {@link org.dpr.retrieve.IterativeReconstructor} runs them on
 * {@link org.dpr.io.DiffractionFrame}s.
 *
 * <p><b>Batches.</b> Every array of a state has a leading batch axis B over frames × random starts
 * (row = frame · starts + start); rows never interact, so a start that diverges (NaN/Inf) stays in its
 * own row and is dropped at selection.
 *
 * <p><b>Layout.</b> Real-space arrays are centred as dpr stores objects (the object box in the middle
 * of the N×N window); Fourier-space arrays are in FFT order (zero frequency at index (0, 0)): the
 * measured amplitudes and mask are shifted once when a {@link org.dpr.retrieve.Measurement} is made,
 * so no iteration shifts anything. Transforms are unnormalised forward, 1/(HW) inverse, so the object
 * is in amplitude units: |F(object)| ≈ √I.
 *
 * <p><b>Device.</b> Arrays are made on the manager (and so the device) of the inputs; nothing assumes
 * a CPU. Each operator consumes its input state: arrays the successor does not share are closed, and
 * temporaries are closed every iteration.
 */
package org.dpr.retrieve;
