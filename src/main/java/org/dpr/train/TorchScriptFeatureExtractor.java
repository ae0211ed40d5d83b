package org.dpr.train;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dpr.DprException;

/**
 * A {@link FeatureExtractor} read from a TorchScript file through DJL's PyTorch engine — for
 * the paper's perceptual loss, a VGG-19 cut after blocks 4 and 5 and saved with
 * {@code torch.jit.script(...).save(...)} or {@code torch.jit.trace}.
 *
 * <p>The file's {@code forward} receives one tensor (B, 3, H, W): the grey image repeated on three
 * channels, in the loss's units; it returns one tensor or a tuple of tensors (the feature maps).
 * ImageNet normalisation, if wanted, belongs inside the script. The module runs in evaluation mode
 * ({@code module.eval()}) and its weights are frozen; the gradient reaches the input through it.
 *
 * <p>Not thread-safe. Close it to release the model.
 */
public final class TorchScriptFeatureExtractor implements FeatureExtractor, AutoCloseable {
    private final ZooModel<NDList, NDList> model;
    private final ParameterStore store;
    private boolean evaluationMode;

    private TorchScriptFeatureExtractor(ZooModel<NDList, NDList> model) {
        this.model = model;
        this.store = new ParameterStore(model.getNDManager(), false);
    }

    /**
     * Loads the TorchScript module in {@code file} onto {@code device}.
     *
     * @throws DprException when the file is missing or is not a TorchScript module
     */
    public static TorchScriptFeatureExtractor load(Path file, Device device) {
        if (!Files.isRegularFile(file)) {
            throw new DprException("perceptual feature network " + file + " not found");
        }
        Criteria<NDList, NDList> criteria = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(file.toAbsolutePath())
                .optEngine("PyTorch")
                .optDevice(device)
                .build();
        ZooModel<NDList, NDList> model;
        try {
            model = criteria.loadModel();
        } catch (IOException | ModelNotFoundException | MalformedModelException | RuntimeException e) {
            throw new DprException("cannot load perceptual feature network " + file + " as TorchScript: "
                    + firstLine(e.getMessage()), e);
        }
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            p.getValue().freeze(true);
        }
        return new TorchScriptFeatureExtractor(model);
    }

    @Override
    public NDList features(NDArray images) {
        if (images.getShape().dimension() != 4 || images.getShape().get(1) != 1) {
            throw new IllegalArgumentException("expected images (B, 1, H, W), got " + images.getShape());
        }
        NDArray rgb = images.repeat(1, 3);
        Block block = model.getBlock();
        // DJL runs a TorchScript module without autograd when training = false, so the loss could not
        // reach the network through it: run with training = true, after switching the module itself to
        // evaluation mode (DJL switches it to training mode on the first such call, hence the first
        // call runs twice).
        NDList out = block.forward(store, new NDList(rgb), true);
        if (!evaluationMode && block instanceof PtSymbolBlock symbol) {
            JniUtils.enableInferenceMode(symbol);
            evaluationMode = true;
            out = block.forward(store, new NDList(rgb), true);
        }
        if (out.isEmpty()) {
            throw new DprException("perceptual feature network returned no tensors");
        }
        return out;
    }

    /** The manager of the loaded module (its device). */
    public NDManager manager() {
        return model.getNDManager();
    }

    @Override
    public void close() {
        model.close();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
