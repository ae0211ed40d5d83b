import java.awt.*;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/** Usage: DemoStrip OUT.png IMAGES_DIR FRAME... : pattern, truth, DPR, DPR+R, HIO, GPS per frame, 160 px tiles. */
public class DemoStrip {
    public static void main(String[] args) throws Exception {
        String[] kinds = {"pattern", "truth", "dpr", "dpr-plus-r", "hio", "gps"};
        String[] labels = {"measured pattern", "ground truth", "DPR", "DPR+R", "HIO", "GPS"};
        int tile = 160, gap = 4, head = 16, rows = args.length - 2;
        BufferedImage out = new BufferedImage(kinds.length * (tile + gap), head + rows * (tile + gap), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 11));
        for (int k = 0; k < kinds.length; k++) {
            g.drawString(labels[k], k * (tile + gap) + 2, 12);
        }
        for (int r = 0; r < rows; r++) {
            int frame = Integer.parseInt(args[r + 2]);
            for (int k = 0; k < kinds.length; k++) {
                File f = new File(args[1], String.format("frame-%05d-%s.png", frame, kinds[k]));
                g.drawImage(ImageIO.read(f), k * (tile + gap), head + r * (tile + gap), tile, tile, null);
            }
        }
        ImageIO.write(out, "png", new File(args[0]));
    }
}
