package org.dpr.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelDescriptorTest {

    @TempDir
    Path dir;

    /** A descriptor of a small (N 128, n 16) network with the given provenance entries (JSON members). */
    private static ModelDescriptor small(String provenance) {
        return ModelDescriptor.fromJson("{\"format\": \"dpr-model\", \"formatVersion\": 1, \"preset\": \"small\","
                + " \"windowPx\": 128, \"objectBoxPx\": 16, \"ngf\": 32, \"maxChannels\": 512, \"encoder\": \"WPC\","
                + " \"decoder\": \"TWO_STAGE\", \"parameterCount\": 1, \"weightsFile\": \"m.params\","
                + " \"weightsFormat\": \"djl-block-parameters\", \"weightsSha256\": \"00\", \"provenance\": {"
                + provenance + "}}", "test");
    }

    @Test
    void theTrainedObjectExtentIsReadFromTheProvenanceWhenItIsASizeInsideTheBox() {
        assertThat(small("\"object_extent_px\": \"13.25\"").trainedObjectExtentPx()).hasValue(13.25);
        assertThat(small("\"object_extent_px\": \"16\"").trainedObjectExtentPx()).hasValue(16);
        // older files, and values that are no size of an object in the 16-px box
        assertThat(small("\"seed\": \"1\"").trainedObjectExtentPx()).isEmpty();
        assertThat(small("\"object_extent_px\": \"large\"").trainedObjectExtentPx()).isEmpty();
        assertThat(small("\"object_extent_px\": \"17\"").trainedObjectExtentPx()).isEmpty();
        assertThat(small("\"object_extent_px\": \"0\"").trainedObjectExtentPx()).isEmpty();
    }

    @Test
    void readingAMissingDescriptorIsAModelFileErrorNamingIt() {
        Path missing = dir.resolve("none.json");
        assertThatThrownBy(() -> ModelDescriptor.read(missing)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
    }
}
