import java.nio.file.Path;
import org.dpr.io.DiffractionFrame;
import org.dpr.io.FrameSource;
import org.dpr.io.FrameSources;
import org.dpr.metrics.Alignment;
import org.dpr.metrics.ImageMetrics;

/**
 * Hole contrast of images of the optical ring, judged against a reference image of it (GPS): the hole is
 * where the reference is below 0.25 of its maximum within 3 px of its centre of mass, the wall where it
 * is above 0.6; each image is aligned to the reference (translations and twin) and scored
 * 1 − mean(hole)/mean(wall), with its PCC to the reference. Usage: RingHole REFERENCE.h5 IMAGE.h5...
 */
public class RingHole {
    public static void main(String[] args) {
        DiffractionFrame referenceFrame = firstFrame(args[0]);
        float[] reference = referenceFrame.intensity();
        int h = referenceFrame.height(), w = referenceFrame.width();
        float max = 0;
        double sumY = 0, sumX = 0, sum = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float v = reference[y * w + x];
                max = Math.max(max, v);
                sumY += y * v;
                sumX += x * v;
                sum += v;
            }
        }
        double centreY = sumY / sum, centreX = sumX / sum;
        for (int i = 1; i < args.length; i++) {
            float[] image = Alignment.withDefaults().align(firstFrame(args[i]).intensity(), reference, h, w).aligned();
            double holeSum = 0, holeCount = 0, wallSum = 0, wallCount = 0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int p = y * w + x;
                    if (reference[p] < 0.25 * max && Math.hypot(y - centreY, x - centreX) < 3) {
                        holeSum += image[p];
                        holeCount++;
                    } else if (reference[p] > 0.6 * max) {
                        wallSum += image[p];
                        wallCount++;
                    }
                }
            }
            System.out.printf("%s: hole contrast %.2f, pcc %.3f (hole %d px, wall %d px)%n", args[i],
                    1 - (holeSum / holeCount) / (wallSum / wallCount), ImageMetrics.pcc(image, reference),
                    (int) holeCount, (int) wallCount);
        }
    }

    static DiffractionFrame firstFrame(String file) {
        try (FrameSource source = FrameSources.open(Path.of(file))) {
            return source.read(0);
        }
    }
}
