package org.onedoor.documents.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.onedoor.api.report.HallReport;
import org.onedoor.api.report.ReportBasis;
import org.onedoor.api.report.ReportKind;
import org.onedoor.api.report.ReportPeriod;
import org.onedoor.api.report.UnitFigures;

/**
 * A report of the whole hall's size (49 units, 192 windows) runs over several PDF pages with the table's
 * heading repeated, and every row reaches both files. (The figures of a built report are checked against
 * its files in the core's ReportFilesTest.)
 */
class ReportFilesTest {

    private static UnitFigures row(String key, String name, int rank) {
        return new UnitFigures(key, name, rank, 100 - rank, rank, 0, 0, 0, 0, 0, 0, 0, 0.0, 0, 0, 0.0, 0, 0, 0, 0, "");
    }

    @Test
    void aHallSizedReportRunsOverPagesAndKeepsEveryRow() throws Exception {
        List<UnitFigures> units = new ArrayList<>();
        for (int i = 1; i <= 49; i++) {
            units.add(row(String.format("U%02d", i), "单位" + i, i));
        }
        List<UnitFigures> windows = new ArrayList<>();
        for (int i = 1; i <= 192; i++) {
            windows.add(row(String.valueOf(i), i + "号窗口", i));
        }
        ReportPeriod q = new ReportPeriod(ReportKind.QUARTER, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31),
                Optional.of(LocalDate.of(2026, 10, 9)), Optional.of(LocalDate.of(2026, 12, 31)), 58);
        HallReport r = new HallReport(5, q, Instant.parse("2027-01-04T01:00:00Z"), "schedule",
                new ReportBasis(Instant.parse("2026-12-31T16:00:00Z"), 0, "", 0, "", 0, 0, 10, 2, "0".repeat(64)), units, windows,
                row("ALL", "全厅合计", 0), List.of());
        ReportFiles files = ReportFiles.of("驻马店市民之家", ZoneId.of("Asia/Shanghai"));
        try (PDDocument doc = Loader.loadPDF(files.pdf(r))) {
            assertTrue(doc.getNumberOfPages() >= 5, "pages: " + doc.getNumberOfPages());
            PDFTextStripper last = new PDFTextStripper();
            last.setStartPage(doc.getNumberOfPages() - 1);
            String tail = last.getText(doc);
            assertTrue(tail.contains("名次"), "the heading repeats on a later page");
            String all = new PDFTextStripper().getText(doc);
            assertTrue(all.contains("192号窗口") && all.contains("单位49") && all.contains("2026年第4季度考核"), all);
            assertTrue(all.contains("本期无预警"), all);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(files.xlsx(r)))) {
            assertEquals(3 + 49 + 1 - 1, wb.getSheet("单位 Units").getLastRowNum(), "three heading rows, 49 units, the total");
            assertEquals("192", wb.getSheet("窗口 Windows").getRow(3 + 191).getCell(1).getStringCellValue());
        }
    }
}
