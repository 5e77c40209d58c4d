package org.onedoor.documents.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
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

    /** A cursor down the page that starts a new page when the text reaches the bottom margin. */
    private static final class Pen implements AutoCloseable {

        private final PDDocument doc;
        private final NoticeFont.Loaded font;
        private final PDRectangle box = PDRectangle.A4;
        private PDPageContentStream cs;
        private float y;

        Pen(PDDocument doc, NoticeFont.Loaded font) throws IOException {
            this.doc = doc;
            this.font = font;
            newPage();
        }

        private void newPage() throws IOException {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(box);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            y = box.getHeight() - MARGIN;
        }

        private float width(String s, float size) throws IOException {
            return font.width(s, size);
        }

        private void room(float height) throws IOException {
            if (y - height < MARGIN) {
                newPage();
            }
        }

        private void text(String s, float x, float size) throws IOException {
            cs.beginText();
            cs.newLineAtOffset(x, y);
            for (NoticeFont.Run r : font.runs(s)) {
                cs.setFont(r.font(), size);
                cs.showText(r.text());
            }
            cs.endText();
        }

        void skip(float points) {
            y -= points;
        }

        void centered(String s, float size) throws IOException {
            String p = s;
            room(size * LEADING);
            y -= size;
            text(p, (box.getWidth() - width(p, size)) / 2f, size);
            y -= size * (LEADING - 1f);
        }

        void right(String s, float size) throws IOException {
            String p = s;
            room(size * LEADING);
            y -= size * LEADING;
            text(p, box.getWidth() - MARGIN - width(p, size), size);
        }

        void wrapped(String s, float size, float indent) throws IOException {
            float usable = box.getWidth() - 2 * MARGIN - indent;
            for (String line : lines(s, size, usable)) {
                room(size * LEADING);
                y -= size * LEADING;
                text(line, MARGIN + indent, size);
            }
        }

        private List<String> lines(String s, float size, float usable) throws IOException {
            List<String> out = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            int[] cps = s.codePoints().toArray();
            for (int cp : cps) {
                String next = line + Character.toString(cp);
                if (line.length() > 0 && width(next, size) > usable) {
                    out.add(line.toString());
                    line.setLength(0);
                }
                line.appendCodePoint(cp);
            }
            if (line.length() > 0) {
                out.add(line.toString());
            }
            return out;
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
            text(seal, box.getWidth() - MARGIN - width(seal, BODY), BODY);
            y -= BODY * LEADING;
            String date = n.issuedOn();
            text(date, box.getWidth() - MARGIN - width(date, BODY), BODY);
        }

        @Override
        public void close() throws IOException {
            cs.close();
        }
    }
}
