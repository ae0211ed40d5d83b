package org.dpr.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.dpr.DprException;
import org.dpr.simulate.SimulationWriter;
import org.dpr.simulate.Simulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDataTest {

    @Test
    void theLastFramesOfAFileValidateAndTheOthersTrain(@TempDir Path dir) {
        Path file = dir.resolve("sim.cxi");
        Simulator simulator = Simulator.of(TinyTraining.simulation(31));
        SimulationWriter.write(simulator, file, 10, 6, 1, Map.of(), n -> { });
        try (FileData data = FileData.open(file, 2)) {
            assertThat(data.trainingFrames()).isEqualTo(4);
            assertThat(data.validationFrames()).isEqualTo(2);
            assertThat(data.geometry()).isEqualTo(simulator.geometry());
            assertThat(data.trainingFrame(3).intensity()).containsExactly(simulator.frame(13).intensity());
            assertThat(data.validationFrame(0).groundTruth()).containsExactly(simulator.frame(14).groundTruth());
            assertThat(data.description()).contains("training 0…3").contains("validation 4…5")
                    .contains(simulator.config().toString());
        }
        assertThatThrownBy(() -> FileData.open(file, 6)).isInstanceOf(DprException.class)
                .hasMessageContaining("too few");
    }
}
