package nl.amsterdameconomicboard.roadmaps.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.HdrHistogram.Histogram;

/**
 * Latency by percentile, one curve per variant, one panel per plot: the x axis is log-scaled in the "nines"
 * (0, 90 %, 99 %, 99.9 %, 99.99 %), as HdrHistogram's own plots, so that the tail is as wide as the middle.
 * Drawn with java.awt, headless.
 */
final class PercentileChart {

    private static final double[] TICKS = {0, 90, 99, 99.9, 99.99};
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd),
            new Color(0xff7f0e), new Color(0x8c564b)};
    private static final int PANEL_WIDTH = 820;
    private static final int PANEL_HEIGHT = 380;

    private PercentileChart() {
    }

    static void draw(List<Results.Plot> plots, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        int height = Math.max(1, plots.size()) * PANEL_HEIGHT;
        BufferedImage image = new BufferedImage(PANEL_WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, PANEL_WIDTH, height);
        for (int i = 0; i < plots.size(); i++) {
            panel(g, plots.get(i), i * PANEL_HEIGHT);
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    /** x position of a percentile: log10 of 1 / (1 - p), so 90 % is 1, 99 % is 2, 99.9 % is 3. */
    static double nines(double percentile) {
        return Math.log10(100.0 / (100.0 - Math.min(percentile, 99.999)));
    }

    private static void panel(Graphics2D g, Results.Plot plot, int top) {
        int left = 70;
        int right = PANEL_WIDTH - 230;
        int plotTop = top + 40;
        int bottom = top + PANEL_HEIGHT - 45;
        double maxX = nines(TICKS[TICKS.length - 1]);
        double maxY = 0;
        for (Histogram h : plot.curves().values()) {
            if (h.getTotalCount() > 0) {
                maxY = Math.max(maxY, h.getValueAtPercentile(99.99) / 1000.0);
            }
        }
        maxY = niceCeiling(maxY <= 0 ? 1 : maxY);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(plot.title(), left, top + 22);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.setColor(new Color(0xdddddd));
        for (int i = 0; i <= 5; i++) {
            int y = bottom - (int) ((bottom - plotTop) * i / 5.0);
            g.drawLine(left, y, right, y);
        }
        g.setColor(Color.BLACK);
        g.drawRect(left, plotTop, right - left, bottom - plotTop);
        for (int i = 0; i <= 5; i++) {
            int y = bottom - (int) ((bottom - plotTop) * i / 5.0);
            String label = format(maxY * i / 5);
            g.drawString(label, left - 8 - g.getFontMetrics().stringWidth(label), y + 4);
        }
        for (double tick : TICKS) {
            int x = left + (int) ((right - left) * nines(tick) / maxX);
            g.drawLine(x, bottom, x, bottom + 4);
            String label = (tick == Math.rint(tick) ? Integer.toString((int) tick) : Double.toString(tick)) + " %";
            g.drawString(label, x - g.getFontMetrics().stringWidth(label) / 2, bottom + 17);
        }
        g.drawString("percentile", (left + right) / 2 - 25, bottom + 34);
        java.awt.geom.AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString("latency (ms)", -(plotTop + bottom) / 2 - 30, left - 48);
        g.setTransform(saved);
        int colour = 0;
        int legendY = plotTop + 10;
        for (Map.Entry<String, Histogram> curve : plot.curves().entrySet()) {
            Color c = COLOURS[colour++ % COLOURS.length];
            g.setColor(c);
            g.setStroke(new BasicStroke(2f));
            Histogram h = curve.getValue();
            if (h.getTotalCount() > 0) {
                int lastX = -1;
                int lastY = -1;
                for (double step = 0; step <= maxX + 1e-9; step += maxX / 200) {
                    double percentile = 100 - 100 / Math.pow(10, step);
                    double ms = h.getValueAtPercentile(percentile) / 1000.0;
                    int x = left + (int) ((right - left) * step / maxX);
                    int y = bottom - (int) ((bottom - plotTop) * Math.min(1, ms / maxY));
                    if (lastX >= 0) {
                        g.drawLine(lastX, lastY, x, y);
                    }
                    lastX = x;
                    lastY = y;
                }
            }
            g.fillRect(right + 12, legendY - 8, 14, 4);
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(1f));
            g.drawString(curve.getKey() + " (" + h.getTotalCount() + ")", right + 32, legendY - 3);
            legendY += 18;
        }
    }

    private static double niceCeiling(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String format(double value) {
        return value >= 10 ? String.format(java.util.Locale.ROOT, "%.0f", value) : String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}
