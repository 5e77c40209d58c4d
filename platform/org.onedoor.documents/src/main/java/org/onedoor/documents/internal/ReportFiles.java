package org.onedoor.documents.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.onedoor.api.hall.HallClock;
import org.onedoor.api.report.EarlyWarning;
import org.onedoor.api.report.HallReport;
import org.onedoor.api.report.ReportBasis;
import org.onedoor.api.report.ReportRenderer;
import org.onedoor.api.report.UnitFigures;
import org.onedoor.documents.internal.ReportTexts.Column;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/**
 * The hall's reports as files (R19): the media report card as PDF (A4 landscape, the notices' embedded
 * CJK font subset) and the inspection office's workbook as XLSX (Apache POI): units, windows, warnings and
 * the data basis, each on a sheet. The hall's name comes from the documents' configuration (pid
 * {@code org.onedoor.documents}).
 */
@Component(service = ReportRenderer.class, configurationPid = PdfCaseNotices.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class ReportFiles implements ReportRenderer {

    private static final float MARGIN = 36f;
    private static final float ROW = 15f;
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final String hallNameZh;
    private final ZoneId zone;
    private final NoticeFont font;

    @Activate
    public ReportFiles(@Reference HallClock clock, PdfCaseNotices.Config config) {
        this(config.hallNameZh(), clock.zone());
    }

    /** For tests and tools: the fonts shipped in this bundle. */
    public ReportFiles(String hallNameZh, ZoneId zone) {
        this.hallNameZh = hallNameZh == null || hallNameZh.isBlank() ? "政务服务中心" : hallNameZh.strip();
        this.zone = zone;
        this.font = NoticeFont.shipped();
    }

    private String title(HallReport r) {
        return hallNameZh + r.period().titleZh();
    }

    private List<String> basisLines(HallReport r) {
        ReportBasis b = r.basis();
        List<String> out = new ArrayList<>();
        out.add("统计期间 Period：" + r.period().key() + "（" + r.period().start() + " 至 " + r.period().end() + "，工作日 "
                + r.period().workingDays() + " 天）");
        out.add("数据截至 As of：" + AT.format(b.asOf().atZone(zone)) + "；生成 Built：" + AT.format(r.builtAt().atZone(zone)) + "（"
                + r.builtBy() + "），报告编号 " + r.id());
        out.add("数据依据 Basis：办件 " + b.cases() + " 件、投诉 " + b.complaints() + " 件、评价 " + b.ratings() + " 件、事项目录 "
                + b.catalogMatters() + " 项；R5 阈值 " + b.conversionThreshold() + " 件/月、拖延投诉 " + b.slowComplaintThreshold() + " 件/月");
        out.add("数据摘要 SHA-256：" + b.digest());
        return out;
    }

    @Override
    public byte[] pdf(HallReport r) {
        try (PDDocument doc = new PDDocument()) {
            NoticeFont.Loaded f = font.loadInto(doc);
            doc.getDocumentInformation().setTitle(title(r));
            doc.getDocumentInformation().setAuthor(hallNameZh);
            doc.getDocumentInformation().setCreator("OneDoor");
            GregorianCalendar created = new GregorianCalendar(TimeZone.getTimeZone(zone));
            created.setTimeInMillis(r.builtAt().toEpochMilli());
            doc.getDocumentInformation().setCreationDate((Calendar) created);
            try (Sheet0 pen = new Sheet0(doc, f)) {
                pen.line(title(r), 18f, 0f);
                pen.skip(4f);
                for (String l : basisLines(r)) {
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
                    pen.line("【" + w.kind().labelZh() + "】" + (w.departmentId().isEmpty() ? "" : w.departmentId() + " ") + w.textZh(), 9.5f, 12f);
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

    /** A cursor down landscape A4 pages, with the table's heading repeated on each new page. */
    private static final class Sheet0 implements AutoCloseable {

        private final PDDocument doc;
        private final NoticeFont.Loaded font;
        private final PDRectangle box = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
        private PDPageContentStream cs;
        private float y;

        Sheet0(PDDocument doc, NoticeFont.Loaded font) throws IOException {
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

        void skip(float points) {
            y -= points;
        }

        private boolean room(float height) throws IOException {
            if (y - height < MARGIN) {
                newPage();
                return false;
            }
            return true;
        }

        private void text(String s, float x, float size) throws IOException {
            cs.beginText();
            cs.newLineAtOffset(x, y);
            for (NoticeFont.Run run : font.runs(s)) {
                cs.setFont(run.font(), size);
                cs.showText(run.text());
            }
            cs.endText();
        }

        /** A line of text, cut at any character to fit the page's width. */
        void line(String s, float size, float indent) throws IOException {
            float usable = box.getWidth() - 2 * MARGIN - indent;
            StringBuilder piece = new StringBuilder();
            for (int cp : s.codePoints().toArray()) {
                if (piece.length() > 0 && font.width(piece + Character.toString(cp), size) > usable) {
                    put(piece.toString(), size, indent);
                    piece.setLength(0);
                }
                piece.appendCodePoint(cp);
            }
            put(piece.toString(), size, indent);
        }

        private void put(String s, float size, float indent) throws IOException {
            room(size * 1.5f);
            y -= size * 1.5f;
            text(s, MARGIN + indent, size);
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
                put("本期无数据。No data.", 9f, 12f);
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
            cs.lineTo(box.getWidth() - MARGIN, y);
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
                while (s.length() > 1 && font.width(s, size) > c.width() - 3f) {
                    s = s.substring(0, s.length() - 1);
                }
                text(s, x, size);
                x += c.width() + 2f;
            }
        }

        @Override
        public void close() throws IOException {
            cs.close();
        }
    }

    @Override
    public byte[] xlsx(HallReport r) {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(XSSFWorkbook.class.getClassLoader());
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle bold = wb.createCellStyle();
            Font b = wb.createFont();
            b.setBold(true);
            bold.setFont(b);
            CellStyle pct = wb.createCellStyle();
            pct.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
            CellStyle dec = wb.createCellStyle();
            dec.setDataFormat(wb.createDataFormat().getFormat("0.00"));
            figures(wb.createSheet("单位 Units"), title(r), r.units(), r.total(), bold, pct, dec);
            figures(wb.createSheet("窗口 Windows"), title(r), r.windows(), null, bold, pct, dec);
            Sheet w = wb.createSheet("预警 Warnings");
            texts(w.createRow(0), bold, "类别", "Kind", "单位 Unit", "对象 Subject", "说明 Text");
            int i = 1;
            for (EarlyWarning e : r.warnings()) {
                texts(w.createRow(i++), null, e.kind().labelZh(), e.kind().name(), e.departmentId(), e.subject(), e.textZh());
            }
            Sheet s = wb.createSheet("数据依据 Basis");
            texts(s.createRow(0), bold, title(r));
            int j = 1;
            for (String l : basisLines(r)) {
                texts(s.createRow(j++), null, l);
            }
            ReportBasis basis = r.basis();
            String[][] facts = {{"报告编号 Report id", String.valueOf(r.id())}, {"报告类别 Kind", r.period().kind().name()},
                {"期间 Period", r.period().key()}, {"起 Start", r.period().start().toString()}, {"止 End", r.period().end().toString()},
                {"工作日 Working days", String.valueOf(r.period().workingDays())}, {"数据截至 As of", basis.asOf().toString()},
                {"办件 Cases", String.valueOf(basis.cases())}, {"最后受理 Last accepted", basis.lastCaseAcceptedAt()},
                {"投诉 Complaints", String.valueOf(basis.complaints())}, {"最后投诉号 Last complaint", basis.lastComplaintNumber()},
                {"评价 Ratings", String.valueOf(basis.ratings())}, {"事项目录 Catalogue matters", String.valueOf(basis.catalogMatters())},
                {"摘要 Digest", basis.digest()}};
            j++;
            for (String[] f : facts) {
                texts(s.createRow(j++), null, f);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot render report " + r.id() + " as XLSX", e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static void figures(Sheet sheet, String title, List<UnitFigures> rows, UnitFigures total, CellStyle bold, CellStyle pct,
            CellStyle dec) {
        texts(sheet.createRow(0), bold, title);
        Row zh = sheet.createRow(1);
        Row en = sheet.createRow(2);
        String[] zhHeads = {"名次", "代码", "名称", "积分", "受理", "办结", "按期办结", "按期率", "超期", "即办件", "即办率", "不见面", "不见面率",
            "最多跑一次", "跑一次率", "压缩基数", "平均压缩率", "评价件数", "计分次数", "平均分", "好评", "差评", "投诉", "拖延投诉", "R5 转换"};
        String[] enHeads = {"Rank", "Key", "Name", "Points", "Accepted", "Decided", "On time", "On-time rate", "Overdue", "Immediate",
            "Immediate share", "No visit", "No-visit share", "One trip", "One-trip share", "Compression base", "Average compression",
            "Ratings", "Scores", "Average score", "Good", "Bad", "Complaints", "Slow complaints", "R5 conversion due"};
        texts(zh, bold, zhHeads);
        texts(en, bold, enHeads);
        int i = 3;
        for (UnitFigures u : rows) {
            figuresRow(sheet.createRow(i++), u, pct, dec);
        }
        if (total != null) {
            figuresRow(sheet.createRow(i), total, pct, dec);
        }
    }

    private static void figuresRow(Row row, UnitFigures u, CellStyle pct, CellStyle dec) {
        int c = 0;
        number(row, c++, u.rank(), null);
        row.createCell(c++).setCellValue(u.key());
        row.createCell(c++).setCellValue(u.nameZh());
        number(row, c++, u.points(), null);
        number(row, c++, u.accepted(), null);
        number(row, c++, u.decided(), null);
        number(row, c++, u.onTime(), null);
        share(row, c++, u.onTimeRate(), pct);
        number(row, c++, u.overdue(), null);
        number(row, c++, u.immediate(), null);
        share(row, c++, u.immediateShare(), pct);
        number(row, c++, u.noVisit(), null);
        share(row, c++, u.noVisitShare(), pct);
        number(row, c++, u.oneTrip(), null);
        share(row, c++, u.oneTripShare(), pct);
        number(row, c++, u.compressionCases(), null);
        share(row, c++, u.compressionCases() == 0 ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(u.averageCompression()), pct);
        number(row, c++, u.ratings(), null);
        number(row, c++, u.scores(), null);
        share(row, c++, u.scores() == 0 ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(u.averageScore()), dec);
        number(row, c++, u.goodScores(), null);
        number(row, c++, u.badScores(), null);
        number(row, c++, u.complaints(), null);
        number(row, c++, u.slowComplaints(), null);
        row.createCell(c).setCellValue(u.conversionDue());
    }

    private static void number(Row row, int col, double value, CellStyle style) {
        Cell cell = row.createCell(col);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    /** A share with no base stays an empty cell, not a zero. */
    private static void share(Row row, int col, java.util.OptionalDouble value, CellStyle style) {
        if (value.isPresent()) {
            number(row, col, Math.round(value.getAsDouble() * 10000.0) / 10000.0, style);
        } else {
            row.createCell(col).setBlank();
        }
    }

    private static void texts(Row row, CellStyle style, String... values) {
        for (int i = 0; i < values.length; i++) {
            Cell c = row.createCell(i);
            c.setCellValue(values[i]);
            if (style != null) {
                c.setCellStyle(style);
            }
        }
    }
}
