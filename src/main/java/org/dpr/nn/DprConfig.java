package org.dpr.nn;

import java.util.Objects;
import java.util.Optional;
import org.dpr.Geometry;

/**
 * The size and variant of a DPR network: an immutable value; {@code with…} methods validate and return
 * new instances.
 *
 * <p>The network maps the N×N pattern to the n×n object with three stride-2 layers, so n = N/8; the
 * local Fourier unit cuts n×n maps into 2×2 quadrants, so n must be even (N a multiple of 16). The
 * channel widths are min(maxChannels, ngf·2^k) for k = 0 … 3, every Fourier branch splits its channels
 * in half and the spectral transform halves them again and takes a quarter for the local Fourier unit,
 * so ngf and maxChannels must be multiples of 16.
 *
 * @param geometry    N and n = N/8
 * @param ngf         channels of the first encoder layer (64 in the paper)
 * @param maxChannels cap on any layer's channels (1024 in the paper)
 * @param encoder     the encoder variant (WPC in the paper)
 * @param decoder     the decoder variant (two-stage with +D in the paper)
 */
public record DprConfig(Geometry geometry, int ngf, int maxChannels, EncoderKind encoder, DecoderKind decoder) {

    /** Stride-2 layers of the encoder (and halving layers of the base decoder). */
    public static final int DOWNSAMPLING_LAYERS = 3;

    private static final DprConfig DEFAULT = of(DprPreset.PAPER);

    public DprConfig {
        Objects.requireNonNull(geometry, "geometry");
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(decoder, "decoder");
        int n = geometry.windowPx() >> DOWNSAMPLING_LAYERS;
        if (geometry.objectBoxPx() != n) {
            throw new IllegalArgumentException("the network maps N to N/8: N " + geometry.windowPx()
                    + " needs an object box of " + n + ", got " + geometry.objectBoxPx());
        }
        if (n % 2 != 0) {
            throw new IllegalArgumentException("the local Fourier unit needs an even object box n = N/8, so N must be a"
                    + " multiple of 16; got N " + geometry.windowPx());
        }
        if (ngf <= 0 || ngf % 16 != 0) {
            throw new IllegalArgumentException("ngf must be a positive multiple of 16, got " + ngf);
        }
        if (maxChannels < ngf || maxChannels % 16 != 0) {
            throw new IllegalArgumentException(
                    "the channel cap must be a multiple of 16 and at least ngf (" + ngf + "), got " + maxChannels);
        }
    }

    /** The paper's network: preset {@code paper}, WPC encoder, two-stage decoder. */
    public static DprConfig withDefaults() {
        return DEFAULT;
    }

    /** A preset's sizes with the paper's variant (WPC encoder, two-stage decoder). */
    public static DprConfig of(DprPreset preset) {
        return new DprConfig(preset.geometry(), preset.ngf(), preset.maxChannels(), EncoderKind.WPC,
                DecoderKind.TWO_STAGE);
    }

    /** The same variant at a preset's sizes. */
    public DprConfig withPreset(DprPreset preset) {
        return new DprConfig(preset.geometry(), preset.ngf(), preset.maxChannels(), encoder, decoder);
    }

    /** Window N (a multiple of 16) with n = N/8. */
    public DprConfig withWindowPx(int windowPx) {
        return new DprConfig(Geometry.ofWindow(windowPx), ngf, maxChannels, encoder, decoder);
    }

    public DprConfig withNgf(int newNgf) {
        return new DprConfig(geometry, newNgf, maxChannels, encoder, decoder);
    }

    public DprConfig withMaxChannels(int newMaxChannels) {
        return new DprConfig(geometry, ngf, newMaxChannels, encoder, decoder);
    }

    public DprConfig withEncoder(EncoderKind newEncoder) {
        return new DprConfig(geometry, ngf, maxChannels, newEncoder, decoder);
    }

    public DprConfig withDecoder(DecoderKind newDecoder) {
        return new DprConfig(geometry, ngf, maxChannels, encoder, newDecoder);
    }

    /** Channels after encoder layer k (0 … 3): min(maxChannels, ngf·2^k). */
    public int channels(int layer) {
        if (layer < 0 || layer > DOWNSAMPLING_LAYERS) {
            throw new IllegalArgumentException("layer must be 0…" + DOWNSAMPLING_LAYERS + ", got " + layer);
        }
        return (int) Math.min(maxChannels, (long) ngf << layer);
    }

    /** Channels of the bottleneck (the base decoder's residual blocks): channels(3). */
    public int bottleneckChannels() {
        return channels(DOWNSAMPLING_LAYERS);
    }

    /** The preset whose sizes these are, if any. */
    public Optional<DprPreset> preset() {
        for (DprPreset p : DprPreset.values()) {
            if (p.geometry().equals(geometry) && p.ngf() == ngf && p.maxChannels() == maxChannels) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** "paper", "small" or "custom". */
    public String presetName() {
        return preset().map(DprPreset::id).orElse("custom");
    }

    /** E.g. "paper (N 512, n 64, ngf 64, max 1024 channels), encoder WPC, decoder TWO_STAGE". */
    public String describe() {
        return presetName() + " (N " + geometry.windowPx() + ", n " + geometry.objectBoxPx() + ", ngf " + ngf
                + ", max " + maxChannels + " channels), encoder " + encoder + ", decoder " + decoder;
    }
}
