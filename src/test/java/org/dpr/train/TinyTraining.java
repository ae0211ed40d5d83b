package org.dpr.train;

import java.util.ArrayList;
import java.util.List;
import org.dpr.nn.DprConfig;
import org.dpr.nn.DprPreset;
import org.dpr.simulate.SimulationConfig;

/** A network and data small enough to train in a test: N 32 (n 4), ngf 16. */
final class TinyTraining {
    static final int WINDOW = 32;

    private static int savedThreads;

    private TinyTraining() {
    }

    /**
     * One libtorch intra-op thread while the training tests run (tiny networks gain nothing from more,
     * and on a shared two-core machine two spinning threads per process can slow everything tenfold);
     * {@link #restoreThreads()} puts the previous count back.
     */
    static void oneThread() {
        savedThreads = EngineThreads.setIntraOp(1);
    }

    static void restoreThreads() {
        if (savedThreads > 0) {
            EngineThreads.setIntraOp(savedThreads);
        }
    }

    static SimulationConfig simulation(long seed) {
        return SimulationConfig.withDefaults().withWindowPx(WINDOW).withSeed(seed);
    }

    static TrainingConfig config() {
        return TrainingConfig.withDefaults()
                .withNetwork(DprConfig.of(DprPreset.SMALL).withWindowPx(WINDOW).withNgf(16))
                .withCheckpointInterval(java.time.Duration.ZERO)
                .withLogEveryIterations(1)
                .withSeed(5);
    }

    /** Records what a trainer reports. */
    static class Recorder implements TrainingListener {
        final List<StepReport> steps = new ArrayList<>();
        final List<EpochReport> epochs = new ArrayList<>();
        final List<String> notices = new ArrayList<>();
        TrainingPlan plan;

        @Override
        public void started(TrainingPlan p) {
            plan = p;
        }

        @Override
        public void stepped(StepReport report) {
            steps.add(report);
        }

        @Override
        public void validated(EpochReport report) {
            epochs.add(report);
        }

        @Override
        public void notice(String text) {
            notices.add(text);
        }
    }
}
