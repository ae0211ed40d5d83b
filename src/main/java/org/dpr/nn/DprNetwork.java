package org.dpr.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Objects;

/**
 * The deep phase retrieval network (Lee et al., §2.1 and Supplementary Table 1) as a DJL block.
 *
 * <p>Input (I, M): the centred pattern in photons and the mask (1 = measured), both (B, 1, N, N)
 * float32. The block normalises the input ({@link DiffractionScaling#normaliseInput}), encodes it
 * ({@link Encoder}), decodes x0 ({@link BaseDecoder}), and with the two-stage decoder refines it from
 * (x0, {@link FourierProjection}(x0)) ({@link CompensatedDecoder}). Output (x, ŝ): x (B, 1, n, n) in
 * (0, 1) before scaling and the output scale ŝ (B, 1, 1, 1) (differentiable); the object in amplitude
 * units is x·√ŝ ({@link DiffractionScaling#amplitude}), and x·ŝ is what the paper's loss compares with
 * targets scaled by their flux factor. Forward with {@code training = true} for batch statistics,
 * {@code false} for the running ones.
 *
 * <p>Build with {@link #builder()} or {@link #of(DprConfig)}; initialise with
 * {@link #initialize(NDManager, DataType, Shape...)} for input shapes (B, 1, N, N) twice, or
 * {@link #initializeFor(NDManager)}.
 */
public final class DprNetwork extends AbstractBlock {
    private static final byte VERSION = 1;

    private final DprConfig config;
    private final Encoder encoder;
    private final BaseDecoder baseDecoder;
    private final CompensatedDecoder compensatedDecoder;

    private DprNetwork(DprConfig config) {
        super(VERSION);
        this.config = config;
        encoder = addChildBlock("encoder", new Encoder(config));
        baseDecoder = addChildBlock("base_decoder", new BaseDecoder(config));
        compensatedDecoder = config.decoder() == DecoderKind.TWO_STAGE
                ? addChildBlock("compensated_decoder", new CompensatedDecoder(config))
                : null;
    }

    /** The network of {@code config} (not yet initialised). */
    public static DprNetwork of(DprConfig config) {
        return new DprNetwork(Objects.requireNonNull(config, "config"));
    }

    public static Builder builder() {
        return new Builder();
    }

    public DprConfig config() {
        return config;
    }

    public Encoder encoder() {
        return encoder;
    }

    public BaseDecoder baseDecoder() {
        return baseDecoder;
    }

    /** The +D decoder, or {@code null} for the single-decoder variant. */
    public CompensatedDecoder compensatedDecoder() {
        return compensatedDecoder;
    }

    /** Initialises the parameters on {@code manager}'s device for batch 1 (no forward pass). */
    public void initializeFor(NDManager manager) {
        Shape in = inputShape(1);
        initialize(manager, DataType.FLOAT32, in, in);
    }

    /** (B, 1, N, N) for this network's window. */
    public Shape inputShape(long batch) {
        long n = config.geometry().windowPx();
        return new Shape(batch, 1, n, n);
    }

    /** Trainable parameter count (batch-normalisation γ and β count; running statistics do not). */
    public long trainableParameterCount() {
        return countTrainable(this);
    }

    static long countTrainable(ai.djl.nn.Block block) {
        long total = 0;
        for (Parameter p : block.getParameters().values()) {
            if (p.requiresGradient()) {
                if (p.getShape() == null) {
                    throw new IllegalStateException("parameter " + p.getName() + " has no shape: initialise first");
                }
                total += p.getShape().size();
            }
        }
        return total;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        checkInputs(inputShapes);
        encoder.initialize(manager, dataType, inputShapes);
        Shape[] features = encoder.getOutputShapes(inputShapes);
        baseDecoder.initialize(manager, dataType, features);
        Shape x0 = baseDecoder.getOutputShapes(features)[0];
        if (compensatedDecoder != null) {
            compensatedDecoder.initialize(manager, dataType, x0, x0);
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray intensity = inputs.get(0);
        NDArray mask = inputs.get(1);
        checkInputs(new Shape[] {intensity.getShape(), mask.getShape()});
        try (NDList normalised = DiffractionScaling.normaliseInput(intensity, mask)) {
            NDArray measured = normalised.get(0);
            NDArray x;
            try (NDList features = encoder.forward(parameterStore, new NDList(normalised.get(1), mask), training)) {
                x = baseDecoder.forward(parameterStore, features, training).singletonOrThrow();
            }
            if (compensatedDecoder != null) {
                try (NDArray x0 = x; NDArray x1 = FourierProjection.apply(x0, measured, mask)) {
                    x = compensatedDecoder.forward(parameterStore, new NDList(x0, x1), training).singletonOrThrow();
                }
            }
            return new NDList(x, DiffractionScaling.outputScale(x, measured, mask));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        checkInputs(inputShapes);
        long batch = inputShapes[0].get(0);
        long n = config.geometry().objectBoxPx();
        return new Shape[] {new Shape(batch, 1, n, n), new Shape(batch, 1, 1, 1)};
    }

    private void checkInputs(Shape[] inputShapes) {
        long n = config.geometry().windowPx();
        if (inputShapes.length != 2 || inputShapes[0].dimension() != 4 || inputShapes[0].get(1) != 1
                || inputShapes[0].get(2) != n || inputShapes[0].get(3) != n || !inputShapes[0].equals(inputShapes[1])) {
            throw new IllegalArgumentException("this network takes patterns and masks of (B, 1, " + n + ", " + n
                    + "), got " + java.util.Arrays.toString(inputShapes));
        }
    }

    @Override
    public String toString() {
        return "DprNetwork[" + config.describe() + "]";
    }

    /**
     * Builds a {@link DprNetwork} DJL-style: {@code set…} for the required preset, {@code opt…} for
     * overrides; {@link #build()} validates the combination.
     */
    public static final class Builder {
        private DprPreset preset;
        private Integer windowPx;
        private Integer ngf;
        private Integer maxChannels;
        private EncoderKind encoder = EncoderKind.WPC;
        private DecoderKind decoder = DecoderKind.TWO_STAGE;

        private Builder() {
        }

        /** Required: the preset whose sizes to start from. */
        public Builder setPreset(DprPreset preset) {
            this.preset = preset;
            return this;
        }

        /** Window N (a multiple of 16), n = N/8. Defaults to the preset's. */
        public Builder optWindowPx(int windowPx) {
            this.windowPx = windowPx;
            return this;
        }

        /** Channels of the first layer. Defaults to the preset's. */
        public Builder optNgf(int ngf) {
            this.ngf = ngf;
            return this;
        }

        /** Channel cap. Defaults to the preset's. */
        public Builder optMaxChannels(int maxChannels) {
            this.maxChannels = maxChannels;
            return this;
        }

        /** Encoder variant; defaults to {@link EncoderKind#WPC}. */
        public Builder optEncoder(EncoderKind encoder) {
            this.encoder = encoder;
            return this;
        }

        /** Decoder variant; defaults to {@link DecoderKind#TWO_STAGE}. */
        public Builder optDecoder(DecoderKind decoder) {
            this.decoder = decoder;
            return this;
        }

        /** The configuration these settings describe. */
        public DprConfig config() {
            if (preset == null) {
                throw new IllegalArgumentException("a preset must be set (paper or small)");
            }
            return new DprConfig(windowPx == null ? preset.geometry() : org.dpr.Geometry.ofWindow(windowPx),
                    ngf == null ? preset.ngf() : ngf, maxChannels == null ? preset.maxChannels() : maxChannels,
                    Objects.requireNonNull(encoder, "encoder"), Objects.requireNonNull(decoder, "decoder"));
        }

        /** @throws IllegalArgumentException if the settings do not make a valid network */
        public DprNetwork build() {
            return of(config());
        }
    }
}
