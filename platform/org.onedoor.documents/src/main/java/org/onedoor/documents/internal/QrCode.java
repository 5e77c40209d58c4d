package org.onedoor.documents.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/** A QR code drawn as vector squares on a PDF page (ZXing encodes, PDFBox draws; no image). */
final class QrCode {

    private final BitMatrix modules;

    private QrCode(BitMatrix modules) {
        this.modules = modules;
    }

    static QrCode of(String text) {
        try {
            return new QrCode(new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                            EncodeHintType.CHARACTER_SET, "UTF-8")));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode a QR code for " + text, e);
        }
    }

    /** Draws the code with its lower left corner at (x, y), {@code size} points wide, in black. */
    void draw(PDPageContentStream cs, float x, float y, float size) throws IOException {
        int n = modules.getWidth();
        float m = size / n;
        cs.setNonStrokingColor(0f, 0f, 0f);
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                if (modules.get(col, row)) {
                    cs.addRect(x + col * m, y + size - (row + 1) * m, m, m);
                }
            }
        }
        cs.fill();
    }
}
