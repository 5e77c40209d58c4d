package org.onedoor.core.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.onedoor.api.report.HallReport;
import org.onedoor.api.report.ReportFile;
import org.onedoor.api.report.ReportKind;

/**
 * The kept files of the November report carry its figures: the PDF's text as PDFBox extracts it (so the
 * CJK font is embedded with a usable text mapping) and the XLSX cells as POI reads them.
 */
class ReportFilesTest {

    private final ReportFixture hall = new ReportFixture().november();
    private final HallReport report = hall.reports.build(hall.reports.period(ReportKind.MONTH, "2026-11"), ReportFixture.SUPERVISOR);

    @Test
    void thePdfReportCardShowsTheTitleTheBasisAndEveryUnitsFigures() throws IOException {
        byte[] pdf = hall.reports.file(report.id(), ReportFile.PDF).orElseThrow();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("[ \\t]+", " ");
            assertTrue(text.contains("驻马店市民之家2026年11月月度报告"), text);
            assertTrue(text.contains("2026-11（2026-11-01 至 2026-11-30，工作日 21 天）"), text);
            assertTrue(text.contains(report.basis().digest()), "the data basis' digest is printed");
            assertTrue(text.contains("报告编号 " + report.id()), "the kept report's id is printed: " + text);
            assertTrue(text.contains("办件 9 件、投诉 3 件、评价 4 件"), text);
            // rank, unit, points, accepted, decided, on-time rate, overdue, immediate, no visit, one trip, compression, ratings, avg, bad, complaints, slow
            assertTrue(text.contains("1 市公安局 1 6 3 66.7% 2 33.3% 33.3% 66.7% 85.0% 3 3.83 1 1 0"), text);
            assertTrue(text.contains("2 市自然资源局 -3 3 2 100.0% 1 0.0% 0.0% 0.0% 80.0% 1 1.00 2 2 2"), text);
            assertTrue(text.contains("— 全厅合计 -2 9 5 80.0% 3 22.2% 22.2% 44.4% 83.3% 4 3.13 3 3 2"), text);
            assertTrue(text.contains("4 43号窗口 0 0 0 — 0 — — — — 1 4.00 0 0 0"), "a share without base is a dash: " + text);
            assertTrue(text.contains("【进驻转换】A26"), text);
            assertTrue(text.contains("A26 市自然资源局：2026-11 slow complaints 2≥2"), text);
            assertTrue(text.contains("【收费异常】A17 投诉 TS-20261125-0001"), text);
            boolean embedded = false;
            for (var name : doc.getPage(0).getResources().getFontNames()) {
                PDFont f = doc.getPage(0).getResources().getFont(name);
                embedded |= f.isEmbedded() && f.getName().contains("DroidSansFallback");
            }
            assertTrue(embedded, "the CJK font is embedded");
        }
    }

    @Test
    void theWorkbookForTheInspectionOfficeHoldsTheFiguresAsNumbers() throws IOException {
        byte[] xlsx = hall.reports.file(report.id(), ReportFile.XLSX).orElseThrow();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals("单位 Units", wb.getSheetName(0));
            Sheet units = wb.getSheet("单位 Units");
            assertEquals("驻马店市民之家2026年11月月度报告", units.getRow(0).getCell(0).getStringCellValue());
            assertEquals("按期率", units.getRow(1).getCell(7).getStringCellValue());
            assertEquals("On-time rate", units.getRow(2).getCell(7).getStringCellValue());
            Row a17 = units.getRow(3);
            assertEquals("A17", a17.getCell(1).getStringCellValue());
            double[] expected = {1, 1, 6, 3, 2, 0.6667, 2, 2, 0.3333, 2, 0.3333, 4, 0.6667, 6, 0.85, 3, 6, 3.8333, 4, 1, 1, 0};
            int[] columns = {0, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23};
            for (int i = 0; i < columns.length; i++) {
                assertEquals(expected[i], a17.getCell(columns[i]).getNumericCellValue(), 1e-9, "A17 column " + columns[i]);
            }
            Row a26 = units.getRow(4);
            assertEquals("A26", a26.getCell(1).getStringCellValue());
            assertEquals(-3, a26.getCell(3).getNumericCellValue());
            assertEquals(2, a26.getCell(23).getNumericCellValue(), "slow complaints");
            assertEquals("2026-11 slow complaints 2≥2", a26.getCell(24).getStringCellValue());
            Row total = units.getRow(5);
            assertEquals("ALL", total.getCell(1).getStringCellValue());
            assertEquals(9, total.getCell(4).getNumericCellValue());
            assertEquals(0.8, total.getCell(7).getNumericCellValue(), 1e-9);

            Sheet windows = wb.getSheet("窗口 Windows");
            assertEquals("41", windows.getRow(3).getCell(1).getStringCellValue());
            assertEquals(0.8125, windows.getRow(3).getCell(16).getNumericCellValue(), 1e-9);
            Row w43 = windows.getRow(6);
            assertEquals("43", w43.getCell(1).getStringCellValue());
            assertEquals(CellType.BLANK, w43.getCell(7).getCellType(), "no decided case: no on-time rate, not 0%");

            Sheet warnings = wb.getSheet("预警 Warnings");
            assertEquals(5, warnings.getLastRowNum(), "a heading and five warnings");
            assertEquals("CONVERSION", warnings.getRow(5).getCell(1).getStringCellValue());
            Sheet basis = wb.getSheet("数据依据 Basis");
            boolean digest = false;
            for (Row r : basis) {
                digest |= r.getCell(1) != null && report.basis().digest().equals(r.getCell(1).getStringCellValue());
            }
            assertTrue(digest, "the basis sheet holds the digest");
        }
    }
}
