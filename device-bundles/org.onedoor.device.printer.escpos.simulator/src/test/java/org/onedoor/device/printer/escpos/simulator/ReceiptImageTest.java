package org.onedoor.device.printer.escpos.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** A receipt drawn as PNG, headless: read back and checked for ink where the lines are. */
class ReceiptImageTest {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** @return the columns with dark pixels between rows from and to: [leftmost, rightmost], or null */
    private static int[] ink(BufferedImage image, int from, int to) {
        int left = Integer.MAX_VALUE;
        int right = -1;
        for (int y = from; y < to; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFF) < 128) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
        }
        return right < 0 ? null : new int[] {left, right};
    }

    @Test
    void aTicketIsDrawnWithItsLargeCentredNumberItsQrBoxAndTheCut() throws Exception {
        PrintedReceipt receipt = new PrintedReceipt(List.of(
                new PrintedLine("A012", 4, 4, true),
                new PrintedLine("区域：税务区", 1, 1, false)),
                List.of("http://hall/ui/ticket?id=1"), true, List.of());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(ReceiptImage.png(receipt)));
        assertEquals(ReceiptImage.WIDTH, image.getWidth());
        assertTrue(image.getHeight() > 96 + 24 + 200, "room for the lines and the QR box: " + image.getHeight());
        int[] number = ink(image, 12, 12 + 96);
        assertTrue(number != null, "the number is drawn");
        int middle = (number[0] + number[1]) / 2;
        assertTrue(Math.abs(middle - ReceiptImage.WIDTH / 2) < 40, "centred: " + number[0] + "-" + number[1]);
        assertTrue(number[1] - number[0] > 150, "in large type: " + number[0] + "-" + number[1]);
        int[] zone = ink(image, 12 + 96 + 6, 12 + 96 + 6 + 24);
        assertTrue(zone != null && zone[0] < 40, "the zone line starts at the left margin");
        assertTrue(ink(image, image.getHeight() - 14, image.getHeight() - 10) != null, "the cut is drawn");
    }
}
