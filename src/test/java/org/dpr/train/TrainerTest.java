package org.dpr.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dpr.DprException;
import org.dpr.nn.DprModel;
import org.dpr.nn.ModelDescriptor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void oneThread() {
        TinyTraining.oneThread();
    }

    @AfterAll
    static void restoreThreads() {
        TinyTraining.restoreThreads();
    }

    @Test
    void thirtyStepsOnFourFramesLowerTheTrainingLoss() {
        TrainingConfig config = TinyTraining.config().withEpochs(1).withBatchSize(4).withFramesPerEpoch(120);
        SimulatedData data = SimulatedData.of(TinyTraining.simulation(3), 4, 2);
        TinyTraining.Recorder recorder = new TinyTraining.Recorder();

        TrainingResult result = Trainer.of(config, data, dir, Map.of()).train(recorder);

        List<StepReport> steps = recorder.steps;
        assertThat(steps).hasSize(30);
        double first = (steps.get(0).loss() + steps.get(1).loss() + steps.get(2).loss()) / 3;
        double last = (steps.get(27).loss() + steps.get(28).loss() + steps.get(29).loss()) / 3;
        assertThat(last).isLessThan(0.5 * first);
        assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(result.framesSeen()).isEqualTo(120);
        assertThat(result.epochsCompleted()).isEqualTo(1);
    }

    @Test
    void resumingFromAMidEpochCheckpointGivesTheWeightsOfARunThatNeverStopped() throws Exception {
        TrainingConfig config = TinyTraining.config().withEpochs(2).withBatchSize(2).withFramesPerEpoch(6)
                .withOptimizer(OptimizerKind.ADAMWR).withRestartPeriodEpochs(2);
        SimulatedData data = SimulatedData.of(TinyTraining.simulation(4), 5, 2);
        Path straight = dir.resolve("straight");
        Path stopped = dir.resolve("stopped");
        TinyTraining.Recorder whole = new TinyTraining.Recorder();
        Trainer.of(config, data, straight, Map.of()).train(whole);

        Trainer first = Trainer.of(config, data, stopped, Map.of());
        TinyTraining.Recorder part = new TinyTraining.Recorder() {
            @Override
            public void stepped(StepReport report) {
                super.stepped(report);
                if (report.framesSeen() == 8) {
                    first.requestStop();
                }
            }
        };
        TrainingResult interrupted = first.train(part);
        assertThat(interrupted.stopReason()).isEqualTo(StopReason.STOP_REQUESTED);
        assertThat(Checkpoint.readProgress(stopped.resolve(Trainer.CHECKPOINT_FILE)))
                .isEqualTo(new TrainingProgress(1, 1, whole.epochs.get(0).validationLoss(), 5L));

        TinyTraining.Recorder rest = new TinyTraining.Recorder();
        TrainingResult resumed = Trainer.of(config, data, stopped, Map.of())
                .resume(stopped.resolve(Trainer.CHECKPOINT_FILE), rest);

        assertThat(rest.plan.resumed()).isTrue();
        assertThat(rest.plan.framesBefore()).isEqualTo(8);
        assertThat(resumed.framesSeen()).isEqualTo(12);
        List<Double> losses = new ArrayList<>();
        part.steps.forEach(s -> losses.add(s.loss()));
        rest.steps.forEach(s -> losses.add(s.loss()));
        assertThat(losses).containsExactlyElementsOf(whole.steps.stream().map(StepReport::loss).toList());
        assertThat(Files.readAllBytes(stopped.resolve("model.params")))
                .isEqualTo(Files.readAllBytes(straight.resolve("model.params")));
        assertThat(rest.epochs.get(0).validationLoss()).isEqualTo(whole.epochs.get(1).validationLoss());
    }

    @Test
    void aRunStartedFromATrainedModelBeginsAtItsLossAndRecordsItsWeightsDigest() throws Exception {
        TrainingConfig config = TinyTraining.config().withEpochs(1).withBatchSize(4).withFramesPerEpoch(120);
        SimulatedData data = SimulatedData.of(TinyTraining.simulation(3), 4, 2);
        TinyTraining.Recorder fresh = new TinyTraining.Recorder();
        TrainingResult trained = Trainer.of(config, data, dir.resolve("first"), Map.of()).train(fresh);

        TinyTraining.Recorder continued = new TinyTraining.Recorder();
        TrainingResult tuned = Trainer.of(config.withFramesPerEpoch(8), data, dir.resolve("tuned"), Map.of())
                .withInitialWeights(trained.model()).train(continued);

        // the first loss is measured before any update: it is the trained model's, far below a fresh start's
        double freshStart = fresh.steps.get(0).loss();
        double trainedEnd = (fresh.steps.get(28).loss() + fresh.steps.get(29).loss()) / 2;
        assertThat(continued.steps.get(0).loss()).isLessThan(0.5 * freshStart);
        assertThat(continued.steps.get(0).loss()).isLessThan(2 * trainedEnd);
        String digest = ModelDescriptor.fromJson(Files.readString(trained.model()), "test").weightsSha256();
        try (DprModel model = DprModel.load(tuned.model())) {
            assertThat(model.provenance()).containsEntry("initial_weights_sha256", digest)
                    .containsEntry("initial_weights", trained.model().toString());
        }
    }

    @Test
    void startingFromAModelOfAnotherNetworkIsRefused() {
        TrainingConfig config = TinyTraining.config().withEpochs(1).withBatchSize(2).withFramesPerEpoch(2);
        Path other = dir.resolve("other.json");
        try (DprModel wider = DprModel.create(config.network().withNgf(32))) {
            wider.save(other, Map.of());
        }
        SimulatedData data = SimulatedData.of(TinyTraining.simulation(3), 4, 2);
        Trainer trainer = Trainer.of(config, data, dir.resolve("run"), Map.of()).withInitialWeights(other);
        assertThatThrownBy(() -> trainer.train(TrainingListener.none())).isInstanceOf(DprException.class)
                .hasMessageContaining(other.toString()).hasMessageContaining("network");
        assertThat(dir.resolve("run").resolve(Trainer.CHECKPOINT_FILE)).doesNotExist();
    }

    @Test
    void theModelFileLoadsAndRecordsTheCommandSeedRecipeAndLosses() {
        TrainingConfig config = TinyTraining.config().withEpochs(2).withBatchSize(2).withFramesPerEpoch(4);
        SimulatedData data = SimulatedData.of(TinyTraining.simulation(6), 8, 2);
        TrainingResult result = Trainer.of(config, data, dir, Map.of("command_line", "dpr train --seed 5"))
                .train(TrainingListener.none());

        try (DprModel model = DprModel.load(result.model())) {
            Map<String, String> p = model.provenance();
            assertThat(p).containsEntry("command_line", "dpr train --seed 5").containsEntry("seed", "5")
                    .containsEntry("frames_seen", "8").containsEntry("epochs_completed", "2")
                    .containsEntry("validation_loss", Double.toString(result.lastValidationLoss()))
                    .containsKeys("date", "dpr_version", "training");
            assertThat(p.get("data_recipe")).contains(TinyTraining.simulation(6).toString());
            assertThat(model.config()).isEqualTo(config.network());
        }
        // the training objects' size, which --fit-geometry aims at, travels with the model
        double extentPx = data.objectExtentPx().orElseThrow();
        assertThat(extentPx).isPositive().isLessThanOrEqualTo(TinyTraining.WINDOW / 8);
        assertThat(ModelDescriptor.read(result.model()).trainedObjectExtentPx()).hasValueCloseTo(extentPx, within(0.005));
        try (DprModel best = DprModel.load(result.bestModel())) {
            assertThat(Double.parseDouble(best.provenance().get("validation_loss")))
                    .isEqualTo(result.bestValidationLoss());
        }
        assertThat(dir.resolve("loss-curve.png")).isNotEmptyFile();
    }

    @Test
    void theCsvLogHasOneRowPerLoggedStepAndOnePerEpoch() throws Exception {
        TrainingConfig config = TinyTraining.config().withEpochs(2).withBatchSize(1).withFramesPerEpoch(4)
                .withLogEveryIterations(2);
        SimulatedData data = SimulatedData.of(TinyTraining.simulation(7), 4, 1);
        TinyTraining.Recorder recorder = new TinyTraining.Recorder();
        Trainer.of(config, data, dir, Map.of()).train(recorder);

        List<String> lines = Files.readAllLines(dir.resolve("training-log.csv"));
        assertThat(lines.get(0)).isEqualTo(TrainingLog.HEADER);
        List<String> rows = lines.subList(1, lines.size());
        assertThat(rows).extracting(r -> String.join(",", List.of(r.split(",", -1)).subList(0, 4)))
                .containsExactly("train,1,2,2", "train,1,4,4", "validation,1,4,4", "train,2,2,6", "train,2,4,8",
                        "validation,2,4,8");
        String[] second = rows.get(1).split(",", -1);
        double meanOfSteps3And4 = (recorder.steps.get(2).loss() + recorder.steps.get(3).loss()) / 2;
        assertThat(Double.parseDouble(second[4])).isCloseTo(meanOfSteps3And4, org.assertj.core.data.Percentage.withPercentage(1e-3));
        assertThat(second[5]).isEmpty();
        String[] epochRow = rows.get(2).split(",", -1);
        assertThat(Double.parseDouble(epochRow[5])).isCloseTo(recorder.epochs.get(0).validationLoss(),
                org.assertj.core.data.Percentage.withPercentage(1e-3));
    }

    @Test
    void liveArraysOnTheModelManagerDoNotGrowFromBatchToBatch() {
        TrainingConfig config = TinyTraining.config().withEpochs(1).withBatchSize(2).withFramesPerEpoch(24);
        SimulatedData data = SimulatedData.of(TinyTraining.simulation(8), 24, 1);
        List<Integer> live = new ArrayList<>();
        Trainer[] trainer = new Trainer[1];
        trainer[0] = Trainer.of(config, data, dir, Map.of());
        trainer[0].train(new TrainingListener() {
            @Override
            public void stepped(StepReport report) {
                live.add(trainer[0].liveArrays());
            }
        });
        assertThat(live).hasSize(12);
        assertThat(live.get(2)).isPositive();
        assertThat(live.subList(2, live.size())).containsOnly(live.get(2));
    }

    @Test
    void aSpentTimeBudgetStopsWithAResumableCheckpointAndAModel() {
        TrainingConfig config = TinyTraining.config().withEpochs(3).withBatchSize(2).withFramesPerEpoch(4)
                .withMaxDuration(Duration.ofNanos(1));
        SimulatedData data = SimulatedData.of(TinyTraining.simulation(9), 4, 1);
        TrainingResult result = Trainer.of(config, data, dir, Map.of()).train(TrainingListener.none());
        assertThat(result.stopReason()).isEqualTo(StopReason.TIME_BUDGET);
        assertThat(result.framesSeen()).isZero();
        assertThat(Checkpoint.readProgress(result.checkpoint())).isEqualTo(new TrainingProgress(0, 0,
                Double.POSITIVE_INFINITY, 5L));
        try (DprModel model = DprModel.load(result.model())) {
            assertThat(model.provenance().get("validation_loss")).startsWith("not validated");
        }
    }

    @Test
    void aLossCurveThatCannotBeWrittenIsANoticeNotALostRun() throws Exception {
        Files.createDirectories(dir.resolve(TrainingLog.CHART_FILE));
        TrainingConfig config = TinyTraining.config().withEpochs(1).withBatchSize(2).withFramesPerEpoch(2);
        SimulatedData data = SimulatedData.of(TinyTraining.simulation(9), 2, 1);
        TinyTraining.Recorder recorder = new TinyTraining.Recorder();
        TrainingResult result = Trainer.of(config, data, dir, Map.of()).train(recorder);
        assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(result.epochsCompleted()).isEqualTo(1);
        assertThat(result.model()).isNotEmptyFile();
        assertThat(recorder.notices).filteredOn(n -> n.startsWith("loss curve not redrawn")).hasSize(1)
                .allSatisfy(n -> assertThat(n).contains("it is a folder"));
    }

    @Test
    void aFreshRunRefusesAFolderWithACheckpointAndResumeRefusesOtherSettings() {
        TrainingConfig config = TinyTraining.config().withEpochs(1).withBatchSize(2).withFramesPerEpoch(2);
        SimulatedData data = SimulatedData.of(TinyTraining.simulation(10), 2, 1);
        Trainer.of(config, data, dir, Map.of()).train(TrainingListener.none());

        assertThatThrownBy(() -> Trainer.of(config, data, dir, Map.of()).train(TrainingListener.none()))
                .isInstanceOf(DprException.class).hasMessageContaining("already holds a training run");
        Path checkpoint = dir.resolve(Trainer.CHECKPOINT_FILE);
        assertThatThrownBy(() -> Trainer.of(config.withBatchSize(1), data, dir, Map.of())
                .resume(checkpoint, TrainingListener.none()))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("batch size 2, this run has 1");
    }

    @Test
    void aCorruptCheckpointIsRefusedWithOneClearMessage() throws Exception {
        TrainingConfig config = TinyTraining.config().withEpochs(1).withBatchSize(2).withFramesPerEpoch(2);
        SimulatedData data = SimulatedData.of(TinyTraining.simulation(11), 2, 1);
        Path bad = dir.resolve("bad.dpr");
        Files.write(bad, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21});
        assertThatThrownBy(() -> Trainer.of(config, data, dir.resolve("out"), Map.of()).resume(bad,
                TrainingListener.none()))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("is not a dpr checkpoint");
    }
}
