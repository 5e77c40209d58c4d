package org.onedoor.documents.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.onedoor.api.report.EarlyWarning;
import org.onedoor.api.report.HallReport;
import org.onedoor.api.report.UnitFigures;
import org.onedoor.documents.internal.ReportTexts.Column;

/** The media report card (R19) as PDF: A4 landscape, the notices' embedded CJK font subset. */
final class ReportPdf {

    private static final float MARGIN = 36f;
    private static final float ROW = 15f;

    private final ReportHeading heading;
    private final NoticeFont font;

    ReportPdf(ReportHeading heading, NoticeFont font) {
        this.heading = heading;
        this.font = font;
    }

    byte[] pdf(HallReport r) {
        try (PDDocument doc = new PDDocument()) {
            NoticeFont.Loaded f = font.loadInto(doc);
            doc.getDocumentInformation().setTitle(heading.title(r));
            doc.getDocumentInformation().setAuthor(heading.hallNameZh());
            doc.getDocumentInformation().setCreator("OneDoor");
            GregorianCalendar created = new GregorianCalendar(TimeZone.getTimeZone(heading.zone()));
            created.setTimeInMillis(r.builtAt().toEpochMilli());
            doc.getDocumentInformation().setCreationDate((Calendar) created);
            try (Table pen = new Table(doc, f)) {
                pen.line(heading.title(r), 18f, 0f);
                pen.skip(4f);
                for (String l : heading.basisLines(r)) {
                    pen.line(l, 9f, 0f);
                }
                pen.skip(8f);
                pen.line("一、单位办件量积分排名 Units by case-volume points", 12f, 0f);
                pen.table(r.units(), r.total());
                pen.skip(8f);
                pen.line("二、窗口 Windows", 12f, 0f);
                pen.table(r.windows(), null);
                pen.skip(8f);
                pen.line("三、预警 Early warnings（R12、R5）", 12f, 0f);
                if (r.warnings().isEmpty()) {
                    pen.line("本期无预警。None.", 9.5f, 12f);
                }
                for (EarlyWarning w : r.warnings()) {
                    pen.line("【" + w.kind().chinese() + "】" + (w.departmentId().isEmpty() ? "" : w.departmentId() + " ") + w.textZh(), 9.5f, 12f);
                }
                List<String> due = r.units().stream().filter(u -> !u.conversionDue().isEmpty())
                        .map(u -> u.key() + " " + u.nameZh() + "：" + u.conversionDue()).toList();
                if (!due.isEmpty()) {
                    pen.skip(4f);
                    pen.line("应转为人员进驻的单位（R5）Units due to convert:", 10f, 0f);
                    for (String d : due) {
                        pen.line(d, 9.5f, 12f);
                    }
                }
                pen.skip(8f);
                pen.line("积分规则 Points：受理 1 分/件，按期办结加 1 分/件，超期扣 2 分/件，投诉扣 2 分/件，差评扣 1 分/次。", 9f, 0f);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot render report " + r.id() + " as PDF", e);
        }
    }

    /** Landscape A4 pages with the table's heading repeated on each new page. */
    private static final class Table extends PdfPages {

        Table(PDDocument doc, NoticeFont.Loaded font) throws IOException {
            super(doc, font, LANDSCAPE, MARGIN);
        }

        /** A line of text, cut at any character to fit the page's width. */
        void line(String s, float size, float indent) throws IOException {
            wrapped(s, size, indent, 1.5f);
        }

        void table(List<UnitFigures> rows, UnitFigures total) throws IOException {
            header();
            for (UnitFigures u : rows) {
                row(u);
            }
            if (total != null) {
                row(total);
            }
            if (rows.isEmpty() && total == null) {
                line("本期无数据。No data.", 9f, 12f);
            }
        }

        private void header() throws IOException {
            room(2 * ROW);
            y -= ROW;
            cells(c -> c.zh(), 8.5f);
            y -= ROW - 4f;
            cells(c -> c.en(), 6.5f);
            y -= 3f;
            cs.moveTo(MARGIN, y);
            cs.lineTo(pageWidth() - MARGIN, y);
            cs.stroke();
        }

        private void row(UnitFigures u) throws IOException {
            if (!room(ROW)) {
                header();
            }
            y -= ROW;
            cells(c -> c.text().apply(u), 8.5f);
        }

        private void cells(java.util.function.Function<Column, String> text, float size) throws IOException {
            float x = MARGIN;
            for (Column c : ReportTexts.COLUMNS) {
                String s = text.apply(c);
                while (s.length() > 1 && width(s, size) > c.width() - 3f) {
                    s = s.substring(0, s.length() - 1);
                }
                text(s, x, size);
                x += c.width() + 2f;
            }
        }
    }

}
