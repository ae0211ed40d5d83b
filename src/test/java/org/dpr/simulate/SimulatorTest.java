package org.dpr.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dpr.DprException;
import org.dpr.Geometry;
import org.dpr.io.DiffractionFrame;
import org.dpr.io.FrameMetadata;
import org.dpr.tensor.CentredFft;
import org.dpr.tensor.Tensors;
import org.junit.jupiter.api.Test;

class SimulatorTest {
    private static final SimulationConfig SMALL = SimulationConfig.withDefaults().withGeometry(Geometry.SMALL).withSeed(42);

    private static double sum(double[] values) {
        return Arrays.stream(values).sum();
    }

    private static double number(DiffractionFrame frame, String key) {
        return frame.metadata().number(key).orElseThrow();
    }

    @Test
    void groundTruthReproducesTheNoiseFreeCoherentIntensityAtTheFramesFlux() {
        SimulatedFrame simulated = Simulator.of(SMALL).simulate(5);
        DiffractionFrame frame = simulated.frame();
        int n = frame.groundTruthSize();
        assertThat(n).isEqualTo(16);
        try (NDManager m = NDManager.newBaseManager(); CentredFft fft = CentredFft.of(m, 128, 128)) {
            NDArray gt = m.create(frame.groundTruth(), new Shape(n, n));
            float[] fromGroundTruth = fft.forward(Tensors.padCentre(gt, 128)).abs().square().toFloatArray();
            double[] coherent = DiffractionModel.of(Geometry.SMALL).coherentIntensity(simulated.object());
            double max = Arrays.stream(coherent).max().orElseThrow() * simulated.fluxFactor();
            for (int k = 0; k < fromGroundTruth.length; k++) {
                double expected = simulated.fluxFactor() * coherent[k];
                assertThat((double) fromGroundTruth[k]).as("pixel %d", k).isCloseTo(expected, within(2e-5 * max));
                assertThat(simulated.coherentIntensity()[k]).isCloseTo(expected, within(1e-9 * max));
            }
        }
        assertThat(number(frame, FrameMetadata.FLUX_FACTOR)).isEqualTo(simulated.fluxFactor());
    }

    @Test
    void totalFluxStaysInTheScaledPaperRangeAndNoisyFramesCarryIt() {
        Simulator simulator = Simulator.of(SMALL.withMaskedPixels(MaskedPixels.KEEP));
        double scale = (128 / 512.0) * (128 / 512.0);
        double mean = 0;
        int frames = 24;
        for (int k = 0; k < frames; k++) {
            SimulatedFrame s = simulator.simulate(k);
            double flux = number(s.frame(), FrameMetadata.FLUX_PHOTONS);
            assertThat(flux).isBetween(1e6 * scale, 1e7 * scale).isEqualTo(s.fluxPhotons());
            assertThat(sum(s.expectedIntensity())).isCloseTo(flux, within(1e-9 * flux));
            // the Gaussian Schell blur conserves photons: the coherent pattern at the same factor has them too
            assertThat(sum(s.coherentIntensity())).isCloseTo(flux, within(1e-6 * flux));
            double noisy = 0;
            for (float v : s.frame().intensity()) {
                noisy += v;
            }
            double sd = Math.sqrt(flux + 128 * 128 * PhotonNoise.PAPER_SIGMA_PHOTONS * PhotonNoise.PAPER_SIGMA_PHOTONS);
            assertThat(noisy).isCloseTo(flux, within(5 * sd));
            mean += flux / frames;
        }
        // uniform in linear scale: the mean of 24 draws lies near the middle, 5.5e6 × scale
        assertThat(mean).isCloseTo(5.5e6 * scale, within(5 * 2.6e6 * scale / Math.sqrt(frames)));
    }

    @Test
    void coherenceLengthIsTwoHundredPixelsPlusMinusTenPercentScaledToTheWindow() {
        Simulator simulator = Simulator.of(SMALL.withMasks(MaskRecipe.none()));
        double min = Double.MAX_VALUE;
        double max = 0;
        for (int k = 0; k < 40; k++) {
            double sigma = number(simulator.frame(k), FrameMetadata.COHERENCE_LENGTH_PX);
            assertThat(sigma).isBetween(45.0, 55.0);
            min = Math.min(min, sigma);
            max = Math.max(max, sigma);
        }
        assertThat(max - min).isGreaterThan(5.0);
        SimulationConfig absolute = SMALL.withScaling(WindowScaling.ABSOLUTE).withCoherenceDeviation(0)
                .withFluxPhotons(1e4, 1e4).withMasks(MaskRecipe.none());
        DiffractionFrame frame = Simulator.of(absolute).frame(0);
        assertThat(number(frame, FrameMetadata.COHERENCE_LENGTH_PX)).isEqualTo(200.0);
        assertThat(number(frame, FrameMetadata.FLUX_PHOTONS)).isEqualTo(1e4);
    }

    @Test
    void framesAreDeterminedBySeedAndIndexWhateverTheRunOrOrder() {
        Simulator simulator = Simulator.of(SMALL);
        DiffractionFrame fromTen = simulator.frames(0, 10).get(7);
        List<DiffractionFrame> twenty = new ArrayList<>();
        Simulator.of(SMALL).forEachFrame(0, 20, 2, twenty::add);
        List<DiffractionFrame> reversed = new ArrayList<>();
        for (int k = 19; k >= 0; k--) {
            reversed.add(Simulator.of(SMALL).frame(k));
        }
        for (DiffractionFrame other : List.of(twenty.get(7), reversed.get(12), Simulator.of(SMALL).frames(5, 4).get(2))) {
            assertThat(other.intensity()).containsExactly(fromTen.intensity());
            assertThat(other.mask()).containsExactly(fromTen.mask());
            assertThat(other.groundTruth()).containsExactly(fromTen.groundTruth());
            assertThat(other.metadata()).isEqualTo(fromTen.metadata());
        }
        for (int k = 0; k < 20; k++) {
            assertThat(number(twenty.get(k), FrameMetadata.FRAME_INDEX)).isEqualTo(k);
        }
        DiffractionFrame otherSeed = Simulator.of(SMALL.withSeed(43)).frame(7);
        assertThat(otherSeed.intensity()).isNotEqualTo(fromTen.intensity());
        assertThat(twenty.get(8).intensity()).isNotEqualTo(fromTen.intensity());
    }

    @Test
    void changingTheMasksLeavesObjectsIntensitiesAndNoiseUnchanged() {
        DiffractionFrame masked = Simulator.of(SMALL.withMaskedPixels(MaskedPixels.KEEP)).frame(3);
        DiffractionFrame open = Simulator.of(SMALL.withMasks(MaskRecipe.none())).frame(3);
        assertThat(masked.intensity()).containsExactly(open.intensity());
        assertThat(masked.groundTruth()).containsExactly(open.groundTruth());
        assertThat(masked.measuredPixels()).isLessThan(open.measuredPixels());
        assertThat(open.measuredPixels()).isEqualTo(128 * 128);
    }

    @Test
    void maskedPixelsHoldZeroPhotonsByDefault() {
        DiffractionFrame frame = Simulator.of(SMALL).frame(4);
        int masked = 0;
        for (int k = 0; k < frame.mask().length; k++) {
            if (frame.mask()[k] == 0) {
                assertThat(frame.intensity()[k]).isZero();
                masked++;
            }
        }
        // the paper's recipe always has a beamstop of at least 4 × 4 px at N = 128
        assertThat(masked).isGreaterThanOrEqualTo(16);
    }

    @Test
    void metadataRecordsTheFramesParametersAndSeeds() {
        DiffractionFrame frame = Simulator.of(SMALL).frame(9);
        FrameMetadata md = frame.metadata();
        assertThat(md.numbers()).containsKeys(FrameMetadata.FLUX_FACTOR, FrameMetadata.FLUX_PHOTONS,
                FrameMetadata.COHERENCE_LENGTH_PX, FrameMetadata.SEED, FrameMetadata.FRAME_INDEX);
        assertThat(md.number(FrameMetadata.SEED).orElseThrow()).isEqualTo((double) Seeds.frameSeed(42, 9));
        assertThat((long) md.number(FrameMetadata.SEED).orElseThrow()).isEqualTo(Seeds.frameSeed(42, 9));
        assertThat(md.text(Simulator.RUN_SEED)).contains("42");
        assertThat(frame.height()).isEqualTo(128);
        assertThat(frame.width()).isEqualTo(128);
    }

    @Test
    void anEmptyObjectGetsDensityOne() {
        DensitySource black = (box, random) -> new float[box * box];
        SimulatedFrame s = Simulator.of(SMALL.withDensities(black)).simulate(0);
        float[] shape = StrokeShapes.withDefaults().shape(16, Seeds.stream(Seeds.frameSeed(42, 0), Seeds.Stream.SHAPE));
        assertThat(s.object()).containsExactly(shape);
        float amplitude = (float) Math.sqrt(s.fluxFactor());
        for (int k = 0; k < shape.length; k++) {
            assertThat(s.frame().groundTruth()[k]).isEqualTo(shape[k] * amplitude);
        }
    }

    @Test
    void aShapeSourceThatOnlyGivesEmptyShapesIsReported() {
        ShapeSource blank = (box, random) -> new float[box * box];
        assertThatThrownBy(() -> Simulator.of(SMALL.withShapes(blank)).frame(0))
                .isInstanceOf(DprException.class).hasMessageContaining("empty shapes");
    }

    @Test
    void errorsInWorkerThreadsReachTheCaller() {
        ShapeSource broken = (box, random) -> new float[3];
        List<DiffractionFrame> got = new ArrayList<>();
        assertThatThrownBy(() -> Simulator.of(SMALL.withShapes(broken)).forEachFrame(0, 5, 2, got::add))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("16×16");
        assertThat(got).isEmpty();
    }

    @Test
    void noNoiseGivesTheExpectedPhotonsAndNonPowerOfTwoWindowsWork() {
        Geometry odd = Geometry.ofWindow(72);
        SimulationConfig config = SMALL.withGeometry(odd).withNoise(Noise.NONE).withMaskedPixels(MaskedPixels.KEEP);
        SimulatedFrame s = Simulator.of(config).simulate(1);
        for (int k = 0; k < s.expectedIntensity().length; k++) {
            assertThat(s.frame().intensity()[k]).isEqualTo((float) s.expectedIntensity()[k]);
        }
        assertThat(s.frame().groundTruthSize()).isEqualTo(9);
    }

    @Test
    void configurationRejectsImpossibleValues() {
        SimulationConfig c = SimulationConfig.withDefaults();
        assertThatThrownBy(() -> c.withFluxPhotons(1e7, 1e6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.withFluxPhotons(0, 1e6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.withCoherenceLengthPx(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.withCoherenceLengthPx(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.withCoherenceDeviation(1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.withGaussianSigmaPhotons(-0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(c.withCoherenceLengthPx(Double.POSITIVE_INFINITY).coherenceLengthPx()).isInfinite();
        assertThat(c.toString()).contains("N=512").contains("flux=1000000.0–1.0E7").contains("irregular");
    }

    @Test
    void benchmarkCountsTheFramesItTimes() {
        SimulationBenchmark.Result r = SimulationBenchmark.measure(SMALL.withGeometry(Geometry.ofWindow(64)), 4, 2);
        assertThat(r.windowPx()).isEqualTo(64);
        assertThat(r.frames()).isEqualTo(4);
        assertThat(r.framesPerSecond()).isCloseTo(4 / r.seconds(), within(1e-9));
    }
}
