import java.nio.file.Path;
import org.dpr.io.DiffractionFrame;
import org.dpr.io.FrameSource;
import org.dpr.io.FrameSources;
import org.dpr.metrics.Alignment;
import org.dpr.metrics.ImageMetrics;

/**
 * Scores a DPR image of a synthetic annulus (annulus_patterns.py) against its truth: the PCC after
 * alignment (translations and twin) and the hole contrast 1 − mean(hole)/mean(wall), where the hole is
 * the truth's empty pixels within HOLE_RADIUS_PX of the box centre and the wall its pixels above 0.9
 * (1: an open hole; 0: a filled disc). Usage: AnnulusScore TRUTH.npy IMAGE.h5 HOLE_RADIUS_PX
 */
public class AnnulusScore {
    public static void main(String[] args) {
        DiffractionFrame truthFrame = firstFrame(args[0]);
        DiffractionFrame imageFrame = firstFrame(args[1]);
        double holeRadiusPx = Double.parseDouble(args[2]);
        int h = imageFrame.height(), w = imageFrame.width();
        // the truth's centre h×w box: the object box the network draws
        float[] truth = new float[h * w];
        int y0 = (truthFrame.height() - h) / 2, x0 = (truthFrame.width() - w) / 2;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                truth[y * w + x] = truthFrame.intensity()[(y + y0) * truthFrame.width() + x + x0];
            }
        }
        float[] image = Alignment.withDefaults().align(imageFrame.intensity(), truth, h, w).aligned();
        double holeSum = 0, holeCount = 0, wallSum = 0, wallCount = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                if (truth[p] < 0.01 && Math.hypot(y - (h - 1) / 2.0, x - (w - 1) / 2.0) < holeRadiusPx) {
                    holeSum += image[p];
                    holeCount++;
                } else if (truth[p] > 0.9) {
                    wallSum += image[p];
                    wallCount++;
                }
            }
        }
        System.out.printf("%s: pcc %.3f, hole contrast %.2f (hole %d px, wall %d px)%n", args[1],
                ImageMetrics.pcc(image, truth), 1 - (holeSum / holeCount) / (wallSum / wallCount),
                (int) holeCount, (int) wallCount);
    }

    static DiffractionFrame firstFrame(String file) {
        try (FrameSource source = FrameSources.open(Path.of(file))) {
            return source.read(0);
        }
    }
}
