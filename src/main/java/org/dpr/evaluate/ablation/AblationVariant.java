package org.dpr.evaluate.ablation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.dpr.nn.DecoderKind;
import org.dpr.nn.EncoderKind;

/**
 * One network variant of the ablation (paper Fig. 1c–d): an encoder (WPC, PC or FFC) with the
 * two-stage decoder ("+D", {@link DecoderKind#TWO_STAGE}) or the single one.
 *
 * @param encoder the encoder
 * @param decoder the decoder
 */
public record AblationVariant(EncoderKind encoder, DecoderKind decoder) {
    /** The paper's network, WPC+D: the reference of the ablation's tests. */
    public static final AblationVariant REFERENCE = new AblationVariant(EncoderKind.WPC, DecoderKind.TWO_STAGE);

    public AblationVariant {
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(decoder, "decoder");
    }

    /** All six variants: WPC+D, PC+D, FFC+D, WPC, PC, FFC. */
    public static List<AblationVariant> all() {
        List<AblationVariant> all = new ArrayList<>();
        for (DecoderKind d : List.of(DecoderKind.TWO_STAGE, DecoderKind.SINGLE)) {
            for (EncoderKind e : List.of(EncoderKind.WPC, EncoderKind.PC, EncoderKind.FFC)) {
                all.add(new AblationVariant(e, d));
            }
        }
        return List.copyOf(all);
    }

    /** The label in tables and charts, e.g. "WPC+D" or "PC". */
    public String label() {
        return encoder.name() + (decoder == DecoderKind.TWO_STAGE ? "+D" : "");
    }

    /** The folder name of the variant's run, e.g. "wpc+d". */
    public String folderName() {
        return label().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses "wpc+d", "pc", "FFC+D", …: the encoder, with "+d" for the two-stage decoder.
     *
     * @throws IllegalArgumentException for an unknown encoder
     */
    public static AblationVariant parse(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        boolean twoStage = t.endsWith("+D");
        String encoderName = twoStage ? t.substring(0, t.length() - 2) : t;
        for (EncoderKind e : EncoderKind.values()) {
            if (e.name().equals(encoderName)) {
                return new AblationVariant(e, twoStage ? DecoderKind.TWO_STAGE : DecoderKind.SINGLE);
            }
        }
        throw new IllegalArgumentException("unknown variant '" + text + "': use wpc+d, pc+d, ffc+d, wpc, pc or ffc");
    }

    /** Parses a comma-separated list, refusing duplicates. */
    public static List<AblationVariant> parseList(String text) {
        List<AblationVariant> variants = new ArrayList<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            AblationVariant v = parse(part);
            if (variants.contains(v)) {
                throw new IllegalArgumentException("variant '" + part.strip() + "' is listed twice");
            }
            variants.add(v);
        }
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("no variants given");
        }
        return List.copyOf(variants);
    }
}
