package org.dpr.nn;

/** How a convolution extends its input beyond the border. */
public enum PaddingMode {
    /**
     * Mirror without repeating the edge (PyTorch's {@code reflect}): row −1 is row 1. The DPR
     * network's partial and Fourier convolutions pad this way (Supplementary Table 1).
     */
    REFLECT,
    /** Zeros, as the depthwise-separable convolutions of the authors' code (PyTorch's default). */
    ZERO
}
