package org.onedoor.documents.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.onedoor.api.report.EarlyWarning;
import org.onedoor.api.report.HallReport;
import org.onedoor.api.report.ReportBasis;
import org.onedoor.api.report.UnitFigures;

/** The inspection office's workbook (R19) as XLSX (Apache POI): units, windows, warnings and the data basis, each on a sheet. */
final class ReportWorkbook {

    private final ReportHeading heading;

    ReportWorkbook(ReportHeading heading) {
        this.heading = heading;
    }

    byte[] xlsx(HallReport r) {
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
            figures(wb.createSheet("单位 Units"), heading.title(r), r.units(), r.total(), bold, pct, dec);
            figures(wb.createSheet("窗口 Windows"), heading.title(r), r.windows(), null, bold, pct, dec);
            Sheet w = wb.createSheet("预警 Warnings");
            texts(w.createRow(0), bold, "类别", "Kind", "单位 Unit", "对象 Subject", "说明 Text");
            int i = 1;
            for (EarlyWarning e : r.warnings()) {
                texts(w.createRow(i++), null, e.kind().chinese(), e.kind().name(), e.departmentId(), e.subject(), e.textZh());
            }
            Sheet s = wb.createSheet("数据依据 Basis");
            texts(s.createRow(0), bold, heading.title(r));
            int j = 1;
            for (String l : heading.basisLines(r)) {
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
