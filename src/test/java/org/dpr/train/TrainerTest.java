package org.dpr.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dpr.DprException;
import org.dpr.nn.DprModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {

    @TempDir
    Path dir;

    @Test
    void thirtyStepsOnFourFramesLowerTheTrainingLoss() {
        TrainingConfig config = TinyTraining.config().withEpochs(1).withBatchSize(4).withFramesPerEpoch(120)
                .withLearningRate(1e-3);
        SimulatedData data = SimulatedData.of(TinyTraining.simulation(3), 4, 2);
        TinyTraining.Recorder recorder = new TinyTraining.Recorder();
        long t0 = System.nanoTime();
        TrainingResult result = Trainer.of(config, data, dir, Map.of()).train(recorder);
        System.out.println("overfit: " + (System.nanoTime() - t0) / 1e9 + " s");
        List<StepReport> steps = recorder.steps;
        assertThat(steps).hasSize(30);
        for (StepReport s : steps) {
            System.out.println(s.loss() + " " + s.outcome() + " " + s.learningRate());
        }
        double first = (steps.get(0).loss() + steps.get(1).loss() + steps.get(2).loss()) / 3;
        double last = (steps.get(27).loss() + steps.get(28).loss() + steps.get(29).loss()) / 3;
        assertThat(last).isLessThan(0.5 * first);
        assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(result.framesSeen()).isEqualTo(120);
    }
}
