package org.onedoor.documents.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Calendar;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.onedoor.documents.internal.NoticeContent.Field;

/**
 * Lays a notice out on one A4 page: the hall's name, the title, the reference number, the facts, the
 * body with its list, the QR code and the date line; long lines wrap at any character (Chinese
 * text has no spaces). Text that does not fit one page continues on the next.
 */
final class NoticeLayout {

    private static final float MARGIN = 64f;
    private static final float BODY = 12f;
    private static final float LEADING = 1.6f;
    private static final float QR_SIZE = 96f;

    private final NoticeFont font;

    NoticeLayout(NoticeFont font) {
        this.font = font;
    }

    byte[] render(NoticeContent n, String hallNameZh, Calendar created) {
        try (PDDocument doc = new PDDocument()) {
            NoticeFont.Loaded f = font.loadInto(doc);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(n.title() + (n.number().isEmpty() ? "" : " " + n.number()));
            info.setAuthor(hallNameZh);
            info.setCreator("OneDoor");
            info.setCreationDate(created);
            try (Pen pen = new Pen(doc, f)) {
                pen.centered(hallNameZh, 15f);
                pen.skip(6f);
                pen.centered(n.title(), 22f);
                if (!n.number().isEmpty()) {
                    pen.right("编号：" + n.number(), 10.5f);
                }
                pen.skip(12f);
                for (Field field : n.fields()) {
                    pen.wrapped(field.label() + "：" + field.value(), BODY, 0f);
                }
                pen.skip(10f);
                for (String p : n.paragraphs()) {
                    pen.wrapped("　　" + p, BODY, 0f);
                }
                int i = 1;
                for (String item : n.items()) {
                    pen.wrapped((i++) + ". " + item, BODY, 2 * BODY);
                }
                for (String p : n.closing()) {
                    pen.wrapped("　　" + p, BODY, 0f);
                }
                pen.skip(24f);
                pen.foot(n, hallNameZh);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot render the notice " + n.title() + " " + n.number(), e);
        }
    }

    /** The notice's page cursor: centred and right-aligned lines, wrapped paragraphs, the foot. */
    private static final class Pen extends PdfPages {

        Pen(PDDocument doc, NoticeFont.Loaded font) throws IOException {
            super(doc, font, PORTRAIT, MARGIN);
        }

        void centered(String s, float size) throws IOException {
            room(size * LEADING);
            y -= size;
            text(s, (pageWidth() - width(s, size)) / 2f, size);
            y -= size * (LEADING - 1f);
        }

        void right(String s, float size) throws IOException {
            room(size * LEADING);
            y -= size * LEADING;
            text(s, pageWidth() - MARGIN - width(s, size), size);
        }

        void wrapped(String s, float size, float indent) throws IOException {
            wrapped(s, size, indent, LEADING);
        }

        /** The QR code at the left, the hall's name and date at the right, kept together on one page. */
        void foot(NoticeContent n, String hallNameZh) throws IOException {
            room(QR_SIZE + 3 * BODY);
            float top = y;
            if (!n.qrTarget().isEmpty()) {
                QrCode.of(n.qrTarget()).draw(cs, MARGIN, top - QR_SIZE, QR_SIZE);
                y = top - QR_SIZE - BODY * LEADING;
                text(n.qrCaption(), MARGIN, 9f);
            }
            y = top - QR_SIZE / 2f;
            String seal = hallNameZh + "（印章）";
            text(seal, pageWidth() - MARGIN - width(seal, BODY), BODY);
            y -= BODY * LEADING;
            String date = n.issuedOn();
            text(date, pageWidth() - MARGIN - width(date, BODY), BODY);
        }
    }
}
