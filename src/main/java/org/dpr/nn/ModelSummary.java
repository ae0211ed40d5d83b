package org.dpr.nn;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.List;
import java.util.Locale;

/**
 * Trainable parameter counts of a DPR network per part, with its geometry, for {@code dpr model info}.
 * Batch-normalisation γ and β count as trainable; running means and variances do not and are reported
 * apart.
 *
 * @param config                       the network
 * @param encoderParameters            encoder (layers 1–5 of Supplementary Table 1)
 * @param baseDecoderParameters        base decoder, including the bridge DSC (layers 6–13)
 * @param compensatedDecoderParameters +D (layers 17–31), 0 for the single-decoder variant
 * @param runningStatistics            BN running means and variances (not trained by gradients)
 */
public record ModelSummary(DprConfig config, long encoderParameters, long baseDecoderParameters,
        long compensatedDecoderParameters, long runningStatistics) {

    /** The summary of an untrained network of {@code config} (built and sized on the CPU, no forward pass). */
    public static ModelSummary of(DprConfig config) {
        try (NDManager manager = NDManager.newBaseManager(ai.djl.Device.cpu())) {
            DprNetwork network = DprNetwork.of(config);
            network.initializeFor(manager);
            return of(network);
        }
    }

    /** The summary of an initialised network. */
    public static ModelSummary of(DprNetwork network) {
        long running = 0;
        for (Parameter p : network.getParameters().values()) {
            if (!p.requiresGradient()) {
                running += p.getShape().size();
            }
        }
        Block plusD = network.compensatedDecoder();
        return new ModelSummary(network.config(), DprNetwork.countTrainable(network.encoder()),
                DprNetwork.countTrainable(network.baseDecoder()), plusD == null ? 0 : DprNetwork.countTrainable(plusD),
                running);
    }

    /** All trainable parameters. */
    public long totalParameters() {
        return encoderParameters + baseDecoderParameters + compensatedDecoderParameters;
    }

    /** Human-readable lines: variant, geometry and the count per part with its share. */
    public List<String> lines() {
        long total = totalParameters();
        return List.of(
                "network      " + config.presetName() + ", encoder " + config.encoder() + ", decoder " + config.decoder(),
                "geometry     N " + config.geometry().windowPx() + ", n " + config.geometry().objectBoxPx()
                        + " (oversampling " + config.geometry().oversampling() + ")",
                "channels     ngf " + config.ngf() + ", max " + config.maxChannels() + ", bottleneck "
                        + config.bottleneckChannels(),
                part("encoder", encoderParameters, total),
                part("base decoder", baseDecoderParameters, total),
                part("+D", compensatedDecoderParameters, total),
                String.format(Locale.ROOT, "%-12s %,12d trainable (+ %,d BN running statistics)", "total", total,
                        runningStatistics));
    }

    private static String part(String name, long count, long total) {
        return String.format(Locale.ROOT, "%-12s %,12d  %5.1f %%", name, count, total == 0 ? 0 : 100.0 * count / total);
    }
}
