package org.onedoor.device.printer.escpos.simulator;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Draws a receipt as a PNG image of 80 mm paper (576 dots wide): each line at its size and
 * alignment, each QR code as a framed square with its data under it (the simulator decodes the
 * QR data; it does not draw the code's modules), the cut as a dashed line. Works headless.
 */
public final class ReceiptImage {

    /** Printable width of 80 mm paper at 203 dpi, in dots. */
    public static final int WIDTH = 576;

    private static final int BASE = 24;
    private static final int MARGIN = 12;
    private static final int QR_SIDE = 200;

    private ReceiptImage() {
    }

    /** @return the receipt as PNG bytes */
    public static byte[] png(PrintedReceipt receipt) {
        int height = MARGIN;
        for (PrintedLine l : receipt.lines()) {
            height += BASE * l.height() + 6;
        }
        height += receipt.qrCodes().size() * (QR_SIDE + BASE * 2) + BASE + MARGIN;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            g.setColor(Color.BLACK);
            int y = MARGIN;
            for (PrintedLine l : receipt.lines()) {
                Font font = new Font(Font.SANS_SERIF, Font.PLAIN, BASE * l.height());
                if (l.width() != l.height()) {
                    font = font.deriveFont(java.awt.geom.AffineTransform.getScaleInstance((double) l.width() / l.height(), 1));
                }
                g.setFont(font);
                FontMetrics m = g.getFontMetrics();
                int textWidth = m.stringWidth(l.text());
                int x = l.centered() ? Math.max(MARGIN, (WIDTH - textWidth) / 2) : MARGIN;
                y += BASE * l.height();
                g.drawString(l.text(), x, y - m.getDescent());
                y += 6;
            }
            g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
            for (String qr : receipt.qrCodes()) {
                int x = (WIDTH - QR_SIDE) / 2;
                g.setStroke(new BasicStroke(4));
                g.drawRect(x, y + 4, QR_SIDE, QR_SIDE);
                g.drawString("QR", x + QR_SIDE / 2 - 8, y + QR_SIDE / 2);
                y += QR_SIDE + BASE;
                String shown = qr.length() > 80 ? qr.substring(0, 77) + "..." : qr;
                g.drawString(shown, Math.max(MARGIN, (WIDTH - g.getFontMetrics().stringWidth(shown)) / 2), y);
                y += BASE;
            }
            if (receipt.cut()) {
                g.setStroke(new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {8, 6}, 0));
                g.drawLine(0, height - MARGIN, WIDTH, height - MARGIN);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
