/**
 * Diffraction data in and out: the frame record, lazy frame sources for every supported format,
 * and the CXI/HDF5 and {@code .npy} writers. Pictures live in {@link org.dpr.io.image}.
 *
 * <h2>Reading</h2>
 * {@link org.dpr.io.FrameSources#open(java.nio.file.Path, org.dpr.io.ReadOptions)} is the one way
 * in. It recognises the format by content and returns a {@link org.dpr.io.FrameSource} that reads
 * frames one at a time (a [1, H, W] hyperslab per frame for HDF5, one page for TIFF, one slab of
 * bytes for {@code .npy}): a 10^5-frame file is never loaded whole.
 * <table>
 *   <caption>Formats</caption>
 *   <tr><th>format</th><th>frames</th><th>mask (stored convention)</th></tr>
 *   <tr><td>CXI (HDF5 with {@code /entry_1} or {@code /cxi_version})</td>
 *       <td>{@code /entry_1/data_1/data}, {@code /entry_1/instrument_1/detector_1/data},
 *       {@code /entry_1/image_1/data} (soft links followed) or {@code --data}; 2-D or [frames, H, W]</td>
 *       <td>{@code mask} beside the data or {@code --mask}; 2-D shared or 3-D per frame; CXI
 *       (non-zero = bad)</td></tr>
 *   <tr><td>libspimage / Hawk HDF5</td><td>{@code intensities}, or {@code real} amplitudes squared;
 *       {@code shifted} undone by fftshift</td><td>{@code mask}; VALID (1 = good)</td></tr>
 *   <tr><td>other HDF5</td><td>{@code --data} or the only 2-D/3-D dataset</td><td>VALID</td></tr>
 *   <tr><td>TIFF, PNG</td><td>8/16/32-bit grey, one frame per TIFF page</td><td>none</td></tr>
 *   <tr><td>{@code .npy}</td><td>2-D or 3-D C order, bool/int/uint/float</td><td>none</td></tr>
 * </table>
 * A detector mask from any of these files ({@link org.dpr.io.ReadOptions#withMaskFile}) is combined
 * with every frame's mask. In memory a mask is always 1 = measured, 0 = missing; the conversion
 * happens at the boundary ({@link org.dpr.io.MaskConvention}). Any numeric HDF5 type (float, signed
 * or unsigned integer, h5py's boolean enum) becomes float32 photons. Errors are one-line
 * {@link org.dpr.io.DataFormatException}s; NaN values are refused unless
 * {@link org.dpr.io.NanPolicy#MASK} is chosen.
 *
 * <h2>Writing</h2>
 * {@link org.dpr.io.CxiWriter} (diffraction frames, masks, ground truth, per-frame parameters) and
 * the general {@link org.dpr.io.HdfStackWriter} (named frame stacks, per-frame series, scalars and
 * attributes, e.g. result files under {@code /entry_1/image_1}) write through jhdf 0.13: datasets
 * chunked one frame per chunk, byte-shuffled and deflated. jhdf 0.13 writes each dataset from one
 * Java array when the file is closed, so the frames of a file are held in memory until then
 * (≈ 5·N² bytes per frame with its mask); split long runs into several files. Every writer writes a
 * temporary file in the target folder and moves it into place: no half-written file is ever left.
 * {@link org.dpr.io.Npy} writes {@code .npy} files byte-for-byte as numpy does.
 *
 * <h2>Notes on the team's test files</h2>
 * <ul>
 *   <li>{@code lcls-amo-pnccd-front-mask.h5} stores {@code /data/data} as a boolean in which
 *       <b>TRUE marks a good pixel</b>: 997 168 pixels are TRUE and the 51 408 FALSE ones form the
 *       outer frame, the central gap and the central hole of the detector. Read with the default
 *       (VALID) convention it flags exactly those 51 408 pixels.</li>
 *   <li>{@code optical-ring-processed.h5}: stored rows 42–48 of {@code real} are zero but marked
 *       valid; they are read as stored (rows 91–97 after the fftshift) and left to the measured-data
 *       preprocessing. Its {@code image_center} is (0, 0, 0): after the shift the centre is (49, 49).</li>
 *   <li>{@code optical-ring-raw.h5}: {@code image_center} = (690, 608) is reported as stored in
 *       {@link org.dpr.io.MetadataKeys#CENTRE_ROW_PX}/{@code CENTRE_COL_PX}; the visible centre of the
 *       rings is near row 880, column 607 (first stored axis = rows), so do not trust the row.</li>
 * </ul>
 */
package org.dpr.io;
