package org.onedoor.core.internal.matter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.onedoor.api.matter.MaterialKind;
import org.onedoor.api.matter.Matter;
import org.onedoor.api.matter.MatterType;
import org.onedoor.api.matter.SpecialStep;
import org.onedoor.core.internal.matter.CatalogFileCodec.InvalidCatalogException;

class XlsxCatalogReaderTest {

    static final Function<String, String> ZONES = unit -> "A01".equals(unit) ? "enterprise" : null;

    static String[] licence() {
        return new String[] {"A01-901", "11410000MB1234567X", "1141170000012345678", "食品经营许可", "Food business licence", "行政许可",
            "《中华人民共和国食品安全法》第三十五条", "符合食品安全法第三十三条第一款第一项至第四项的要求", "承诺件", "10", "5", "0",
            "《中华人民共和国行政许可法》第五十八条", "1", "四级", "现场勘验"};
    }

    static String[] onTheSpot() {
        return new String[] {"A01-902", "", "", "营业执照遗失补领", "", "其他行政权力", "", "", "即办件", "1", "0", "免费", "", "0", "", ""};
    }

    static List<String[]> materials() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"A01-901", "食品经营许可申请书", "主件", "原件"});
        rows.add(new String[] {"A01-901", "营业执照", "主件", "复印件"});
        rows.add(new String[] {"A01-901", "食品安全管理制度", "容缺", "可在决定前补交"});
        rows.add(new String[] {"A01-902", "遗失声明", "MAIN", null});
        return rows;
    }

    static List<String[]> rows(String[]... rows) {
        return Arrays.asList(rows);
    }

    static List<Matter> read(List<String[]> matters, List<String[]> materials) {
        return XlsxCatalogReader.read(CatalogWorkbooks.workbook(matters, materials), "a01.xlsx", ZONES);
    }

    static String refusal(List<String[]> matters, List<String[]> materials) {
        return assertThrows(InvalidCatalogException.class, () -> read(matters, materials)).getMessage();
    }

    @Test
    void readsTheNationalCatalogElementsAndTheMaterials() {
        List<Matter> matters = read(rows(licence(), onTheSpot()), materials());
        assertEquals(2, matters.size());
        Matter m = matters.get(0);
        assertEquals("A01-901", m.code());
        assertEquals("A01", m.departmentId());
        assertEquals("enterprise", m.zoneId());
        assertEquals(MatterType.ADMINISTRATIVE_LICENSE, m.type());
        assertEquals(List.of(10, 5), List.of(m.statutoryDays(), m.committedDays()));
        assertEquals("11410000MB1234567X", m.elements().basicCode());
        assertEquals("1141170000012345678", m.elements().implementationCode());
        assertEquals("《中华人民共和国食品安全法》第三十五条", m.elements().legalBasis());
        assertTrue(m.elements().conditions().startsWith("符合食品安全法"));
        assertEquals("《中华人民共和国行政许可法》第五十八条", m.elements().feeBasis());
        assertEquals(List.of(1, 4), List.of(m.elements().siteVisits(), m.elements().onlineDepth()));
        assertEquals(Set.of(SpecialStep.SITE_SURVEY), m.specialSteps());
        assertEquals(List.of(false, false, true), List.of(m.immediate(), m.online(), m.atMostOneTrip()), "one visit: one trip, not online");
        assertEquals(3, m.materials().size());
        assertEquals(MaterialKind.TOLERABLE, m.materials().get(2).kind());
        assertEquals("可在决定前补交", m.materials().get(2).noteZh());
        assertFalse(m.slot());

        Matter spot = matters.get(1);
        assertEquals(List.of(true, true, true), List.of(spot.immediate(), spot.online(), spot.atMostOneTrip()), "0 visits: online");
        assertEquals(BigDecimal.ZERO, spot.fee());
        assertEquals(-1, spot.elements().onlineDepth());
        assertEquals("", spot.elements().basicCode());
    }

    @Test
    void whatIsReadSurvivesTheJsonFormTheStoreKeeps() {
        List<Matter> matters = read(rows(licence(), onTheSpot()), materials());
        List<Matter> back = CatalogFileCodec.read(new ByteArrayInputStream(CatalogFileCodec.write(matters).getBytes(StandardCharsets.UTF_8)),
                "kept", ZONES);
        assertEquals(matters, back);
    }

    @Test
    void aBadCellIsNamedBySheetRowAndColumn() {
        String[] bad = licence();
        bad[9] = "十天";
        assertEquals("a01.xlsx: sheet 事项, row 3, column J (法定办结时限): must be a whole number of working days, was '十天'",
                refusal(rows(onTheSpot(), bad), materials()));

        String[] type = licence();
        type[5] = "行政审批";
        assertTrue(refusal(rows(type), materials()).startsWith("a01.xlsx: sheet 事项, row 2, column F (事项类型): '行政审批' is not a matter type"));

        String[] unit = licence();
        unit[0] = "Z77-001";
        assertTrue(refusal(rows(unit), List.<String[]>of()).contains("row 2, column A (事项编码): unknown unit 'Z77'"));

        String[] slower = licence();
        slower[10] = "12";
        assertTrue(refusal(rows(slower), materials()).contains("sheet 事项, row 2: matter A01-901: committed days (12)"));

        String[] name = licence();
        name[3] = "";
        assertEquals("a01.xlsx: sheet 事项, row 2, column D (事项名称): is empty", refusal(rows(name), materials()));

        String[] depth = licence();
        depth[14] = "五级";
        assertTrue(refusal(rows(depth), materials()).contains("column O (网办深度)"));

        String[] handling = licence();
        handling[8] = "特办件";
        assertTrue(refusal(rows(handling), materials()).contains("column I (办件类型): must be 即办件 or 承诺件"));
    }

    @Test
    void duplicateCodesBadMaterialsAndMissingSheetsOrColumnsAreRefused() {
        assertTrue(refusal(rows(licence(), licence()), materials()).contains("row 3, column A (事项编码): code A01-901 is listed twice (also row 2)"));

        List<String[]> kinds = new ArrayList<>(materials());
        kinds.set(1, new String[] {"A01-901", "营业执照", "可选", ""});
        assertEquals("a01.xlsx: sheet 申请材料, row 3, column C (材料类型): must be 主件 (MAIN) or 容缺 (TOLERABLE), was '可选'",
                refusal(rows(licence(), onTheSpot()), kinds));

        assertTrue(refusal(rows(licence()), materials()).contains("sheet 申请材料: materials of A01-902, which sheet 事项 does not list"));

        String[] headers = Arrays.stream(CatalogWorkbooks.MATTER_HEADERS).filter(h -> !h.startsWith("承诺")).toArray(String[]::new);
        InvalidCatalogException noColumn = assertThrows(InvalidCatalogException.class,
                () -> XlsxCatalogReader.read(CatalogWorkbooks.workbook(headers, List.<String[]>of(), List.<String[]>of()), "a01.xlsx", ZONES));
        assertEquals("a01.xlsx: sheet 事项, row 1: no column headed '承诺办结时限'", noColumn.getMessage());

        assertTrue(refusal(rows(), List.<String[]>of()).contains("sheet 事项 lists no matter"));

        byte[] notXlsx = {'P', 'K', 3, 4, 0, 0, 0};
        assertTrue(XlsxCatalogReader.looksLikeXlsx(notXlsx));
        assertFalse(XlsxCatalogReader.looksLikeXlsx("{\"format\": 1}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(assertThrows(InvalidCatalogException.class, () -> XlsxCatalogReader.read(notXlsx, "x.xlsx", ZONES))
                .getMessage().startsWith("x.xlsx: not a readable .xlsx workbook"));
    }
}
