package org.dpr.nn;

import org.dpr.Geometry;

/** Named sizes of the DPR network. */
public enum DprPreset {
    /**
     * The paper's network (Supplementary Table 1): N 512, n 64, ngf 64, at most 1024 channels;
     * 15,243,570 trainable parameters with the WPC encoder and +D.
     */
    PAPER(Geometry.PAPER, 64, 1024),
    /**
     * A CPU-sized network with the paper's oversampling: N 128, n 16, ngf 32. The channel cap keeps
     * the paper's ratio of 16·ngf (512); like the paper's, it never binds, since the widest layer
     * has 8·ngf channels.
     */
    SMALL(Geometry.SMALL, 32, 512);

    private final Geometry geometry;
    private final int ngf;
    private final int maxChannels;

    DprPreset(Geometry geometry, int ngf, int maxChannels) {
        this.geometry = geometry;
        this.ngf = ngf;
        this.maxChannels = maxChannels;
    }

    public Geometry geometry() {
        return geometry;
    }

    /** Channels of the first encoder layer. */
    public int ngf() {
        return ngf;
    }

    public int maxChannels() {
        return maxChannels;
    }

    /** The lower-case name used on the command line and in model files ("paper", "small"). */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The preset called {@code id} (case-insensitive). */
    public static DprPreset fromId(String id) {
        for (DprPreset p : values()) {
            if (p.id().equalsIgnoreCase(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown preset '" + id + "'; known: paper, small");
    }
}
