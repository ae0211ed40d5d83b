package org.dpr.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.dpr.Geometry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DprModelTest {
    @TempDir
    Path dir;

    @Test
    void saveThenLoadReproducesOutputsBitForBitIncludingRunningStatistics() {
        Path file = dir.resolve("small.json");
        try (DprModel model = DprModel.create(DprConfig.of(DprPreset.SMALL), Device.cpu());
                NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDList data = TestPatterns.patterns(m, TestPatterns.objects(m, 3, 16, 5), 128, 1e-2f);
            // one training-mode pass moves the BN running statistics away from their initial values
            model.forward(data.get(0), data.get(1), true);
            float[] before = model.newPredictor().predict(data.get(0), data.get(1)).toFloatArray();
            model.save(file, Map.of("dataset", "synthetic", "epochs", "0"));
            try (DprModel loaded = DprModel.load(file, Geometry.SMALL, Device.cpu())) {
                float[] after = loaded.newPredictor().predict(data.get(0), data.get(1)).toFloatArray();
                assertThat(after).containsExactly(before);
                assertThat(loaded.provenance()).containsEntry("dataset", "synthetic").containsEntry("epochs", "0");
                assertThat(loaded.config()).isEqualTo(model.config());
            }
            try (DprModel fresh = DprModel.create(DprConfig.of(DprPreset.SMALL), Device.cpu())) {
                float[] other = fresh.newPredictor().predict(data.get(0), data.get(1)).toFloatArray();
                assertThat(other).isNotEqualTo(before);
            }
        }
    }

    @Test
    void descriptorRecordsPresetGeometryVariantCountAndChecksumAndNoTemporaryFileIsLeft() throws Exception {
        Path file = dir.resolve("m.json");
        try (DprModel model = DprModel.create(DprConfig.of(DprPreset.SMALL).withEncoder(EncoderKind.PC), Device.cpu())) {
            model.save(file, Map.of("recipe", "AdamW"));
        }
        JsonObject json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        assertThat(json.get("format").getAsString()).isEqualTo("dpr-model");
        assertThat(json.get("preset").getAsString()).isEqualTo("small");
        assertThat(json.get("windowPx").getAsInt()).isEqualTo(128);
        assertThat(json.get("objectBoxPx").getAsInt()).isEqualTo(16);
        assertThat(json.get("encoder").getAsString()).isEqualTo("PC");
        assertThat(json.get("decoder").getAsString()).isEqualTo("TWO_STAGE");
        assertThat(json.get("parameterCount").getAsLong()).isEqualTo(3_818_786L);
        assertThat(json.get("weightsFile").getAsString()).isEqualTo("m.params");
        assertThat(json.getAsJsonObject("provenance").get("recipe").getAsString()).isEqualTo("AdamW");
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(dir.resolve("m.params"))));
        assertThat(json.get("weightsSha256").getAsString()).isEqualTo(sha);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("m.json", "m.params");
        }
    }

    @Test
    void aModelFileOfAnotherGeometryIsRefusedWithAClearMessage() {
        Path file = dir.resolve("small.json");
        try (DprModel model = DprModel.create(DprConfig.of(DprPreset.SMALL), Device.cpu())) {
            model.save(file);
        }
        assertThatThrownBy(() -> DprModel.load(file, Geometry.PAPER, Device.cpu()))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining("small.json")
                .hasMessageContaining("is for N 128, n 16 but the data are N 512, n 64");
    }

    @Test
    void corruptedWeightsAreRefusedByTheirChecksum() throws IOException {
        Path file = dir.resolve("c.json");
        try (DprModel model = DprModel.create(DprConfig.of(DprPreset.SMALL), Device.cpu())) {
            model.save(file);
        }
        Path weights = dir.resolve("c.params");
        byte[] bytes = Files.readAllBytes(weights);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(weights, bytes);
        assertThatThrownBy(() -> DprModel.load(file, null, Device.cpu())).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("c.params").hasMessageContaining("SHA-256");
    }

    @Test
    void weightsOfAnotherVariantAreRefusedEvenWithAMatchingChecksum() throws IOException {
        Path file = dir.resolve("v.json");
        try (DprModel model = DprModel.create(DprConfig.of(DprPreset.SMALL), Device.cpu())) {
            model.save(file);
        }
        String json = Files.readString(file).replace("\"TWO_STAGE\"", "\"SINGLE\"");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> DprModel.load(file, null, Device.cpu())).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("v.params").hasMessageContaining("does not fit");
    }

    @Test
    void aFileThatIsNotADescriptorIsRefused() throws IOException {
        Path file = dir.resolve("x.json");
        Files.writeString(file, "{\"hello\": 1}");
        assertThatThrownBy(() -> DprModel.load(file)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("not a DPR model descriptor");
        assertThatThrownBy(() -> DprModel.load(dir.resolve("missing.json"))).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("does not exist");
    }
}
