import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.dpr.io.DiffractionFrame;
import org.dpr.io.FrameSource;
import org.dpr.io.FrameSources;
import org.dpr.metrics.Alignment;

/**
 * A labelled grid of ring images for the docs. Usage: RingMontage OUT.png LABEL=FILE ... [/ LABEL=FILE ...]
 * Each FILE's first frame (any format dpr reads) is cut to its central 16×16 px, aligned (translations and
 * twin) to the first image of its row, scaled to its own maximum and magnified 10×; "/" starts a new row.
 */
public class RingMontage {
    static final int SIDE = 16;
    static final int SCALE = 10;
    static final int LABEL_PX = 18;

    public static void main(String[] args) throws Exception {
        List<List<String[]>> rows = new ArrayList<>(List.of(new ArrayList<>()));
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("/")) {
                rows.add(new ArrayList<>());
            } else {
                rows.get(rows.size() - 1).add(args[i].split("=", 2));
            }
        }
        int columns = rows.stream().mapToInt(List::size).max().orElse(1);
        int cell = SIDE * SCALE + 8;
        BufferedImage out = new BufferedImage(columns * cell, rows.size() * (cell + LABEL_PX), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int r = 0; r < rows.size(); r++) {
            float[] reference = null;
            for (int c = 0; c < rows.get(r).size(); c++) {
                String[] panel = rows.get(r).get(c);
                float[] image = centre(firstFrame(panel[1]));
                if (reference == null) {
                    reference = image;
                } else {
                    image = Alignment.withDefaults().align(image, reference, SIDE, SIDE).aligned();
                }
                float max = 1e-12f;
                for (float v : image) {
                    max = Math.max(max, v);
                }
                int x0 = c * cell + 4, y0 = r * (cell + LABEL_PX) + LABEL_PX;
                for (int y = 0; y < SIDE; y++) {
                    for (int x = 0; x < SIDE; x++) {
                        int level = Math.round(255 * Math.max(0, Math.min(1, image[y * SIDE + x] / max)));
                        g.setColor(new Color(level, level, level));
                        g.fillRect(x0 + x * SCALE, y0 + y * SCALE, SCALE, SCALE);
                    }
                }
                g.setColor(Color.BLACK);
                g.drawString(panel[0], x0, y0 - 5);
            }
        }
        g.dispose();
        ImageIO.write(out, "png", Path.of(args[0]).toFile());
    }

    static float[] centre(DiffractionFrame frame) {
        float[] cut = new float[SIDE * SIDE];
        int y0 = (frame.height() - SIDE) / 2, x0 = (frame.width() - SIDE) / 2;
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                cut[y * SIDE + x] = frame.intensity()[(y + y0) * frame.width() + x + x0];
            }
        }
        return cut;
    }

    static DiffractionFrame firstFrame(String file) {
        try (FrameSource source = FrameSources.open(Path.of(file))) {
            return source.read(0);
        }
    }
}
