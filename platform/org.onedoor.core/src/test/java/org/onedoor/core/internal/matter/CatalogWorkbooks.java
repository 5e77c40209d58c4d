package org.onedoor.core.internal.matter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Writes catalog workbooks (.xlsx) with POI, as a provincial catalog export would look. */
final class CatalogWorkbooks {

    static final String[] MATTER_HEADERS = {"事项编码", "基本编码", "实施编码", "事项名称", "英文名称", "事项类型", "设定依据",
        "受理条件", "办件类型", "法定办结时限（工作日）", "承诺办结时限（工作日）", "收费标准（元）", "收费依据", "到办事现场次数",
        "网办深度", "特别程序"};
    static final String[] MATERIAL_HEADERS = {"事项编码", "材料名称", "材料类型", "说明"};

    private CatalogWorkbooks() {
    }

    /** @return a workbook with sheet 事项 (headers, then the rows) and sheet 申请材料; a number-like cell is written as a number */
    static byte[] workbook(String[] matterHeaders, List<String[]> matters, List<String[]> materials) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fill(wb.createSheet(XlsxCatalogReader.MATTERS), matterHeaders, matters);
            fill(wb.createSheet(XlsxCatalogReader.MATERIALS), MATERIAL_HEADERS, materials);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] workbook(List<String[]> matters, List<String[]> materials) {
        return workbook(MATTER_HEADERS, matters, materials);
    }

    private static void fill(Sheet sheet, String[] headers, List<String[]> rows) {
        Row head = sheet.createRow(0);
        for (int c = 0; c < headers.length; c++) {
            head.createCell(c).setCellValue(headers[c]);
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r + 1);
            String[] values = rows.get(r);
            for (int c = 0; c < values.length; c++) {
                if (values[c] == null) {
                    continue;
                }
                if (values[c].matches("[0-9]{1,4}")) {
                    row.createCell(c).setCellValue(Integer.parseInt(values[c]));
                } else {
                    row.createCell(c).setCellValue(values[c]);
                }
            }
        }
    }
}
