package org.onedoor.core.internal.matter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.onedoor.api.matter.Material;
import org.onedoor.api.matter.MaterialKind;
import org.onedoor.api.matter.Matter;
import org.onedoor.api.matter.MatterElements;
import org.onedoor.api.matter.MatterType;
import org.onedoor.api.matter.SpecialStep;
import org.onedoor.core.internal.matter.CatalogFileCodec.InvalidCatalogException;

/**
 * Reads a unit's matter list from the spreadsheet (.xlsx) that provincial catalogs are exported
 * as (docs/catalog.md, "The catalog spreadsheet"): sheet {@value #MATTERS} with one matter a row
 * and the national basic catalog's elements as columns, sheet {@value #MATERIALS} with one
 * material a row. Columns are found by their header in row 1; other columns are ignored. A
 * workbook with any bad cell is refused whole, naming the sheet, row and column.
 */
final class XlsxCatalogReader {

    static final String MATTERS = "事项";
    static final String MATERIALS = "申请材料";

    /** The columns of sheet {@value #MATTERS}, by header. */
    enum Col {
        CODE("事项编码", true), BASIC_CODE("基本编码", false), IMPLEMENTATION_CODE("实施编码", false), NAME("事项名称", true),
        NAME_EN("英文名称", false), TYPE("事项类型", true), LEGAL_BASIS("设定依据", false), CONDITIONS("受理条件", false),
        HANDLING("办件类型", true), STATUTORY("法定办结时限", true), COMMITTED("承诺办结时限", true), FEE("收费标准", false),
        FEE_BASIS("收费依据", false), SITE_VISITS("到办事现场次数", false), ONLINE_DEPTH("网办深度", false),
        SPECIAL_STEPS("特别程序", false), ZONE("进驻区域", false);

        final String header;
        final boolean required;

        Col(String header, boolean required) {
            this.header = header;
            this.required = required;
        }
    }

    /** The columns of sheet {@value #MATERIALS}, by header. */
    enum MatCol {
        CODE("事项编码", true), NAME("材料名称", true), KIND("材料类型", true), NOTE("说明", false);

        final String header;
        final boolean required;

        MatCol(String header, boolean required) {
            this.header = header;
            this.required = required;
        }
    }

    private static final Pattern DAYS = Pattern.compile("([0-9]{1,4})\\s*(个)?\\s*(工作日)?");
    private static final Pattern DEPTH = Pattern.compile("([1-4一二三四])\\s*级?");
    private static final DataFormatter FORMAT = new DataFormatter(Locale.ROOT);

    private XlsxCatalogReader() {
    }

    /** @return true when the bytes are a zip archive (an .xlsx workbook), not JSON */
    static boolean looksLikeXlsx(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    /**
     * @param bytes      the workbook
     * @param source     where it comes from, for messages
     * @param zoneOfUnit the receiving zone of a unit, null for an unknown unit
     * @throws InvalidCatalogException naming the sheet, row and column of the first problem
     */
    static List<Matter> read(byte[] bytes, String source, Function<String, String> zoneOfUnit) {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        // XMLBeans looks some schema types up through the context class loader: let it see POI's bundle
        Thread.currentThread().setContextClassLoader(XSSFWorkbook.class.getClassLoader());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet matterSheet = sheet(workbook, MATTERS, source);
            Sheet materialSheet = sheet(workbook, MATERIALS, source);
            Map<String, List<Material>> materials = materials(materialSheet, source);
            List<Matter> matters = matters(matterSheet, source, zoneOfUnit, materials);
            for (String code : materials.keySet()) {
                if (matters.stream().noneMatch(m -> m.code().equals(code))) {
                    throw new InvalidCatalogException(source + ": sheet " + MATERIALS + ": materials of " + code
                            + ", which sheet " + MATTERS + " does not list");
                }
            }
            return matters;
        } catch (InvalidCatalogException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new InvalidCatalogException(source + ": not a readable .xlsx workbook: " + e.getMessage());
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static Sheet sheet(XSSFWorkbook workbook, String name, String source) {
        Sheet sheet = workbook.getSheet(name);
        if (sheet == null) {
            throw new InvalidCatalogException(source + ": the workbook has no sheet named '" + name + "' (sheets "
                    + MATTERS + " and " + MATERIALS + " are needed)");
        }
        return sheet;
    }

    private static List<Matter> matters(Sheet sheet, String source, Function<String, String> zoneOfUnit,
            Map<String, List<Material>> materials) {
        Map<Col, Integer> at = headers(sheet, source, Col.class, c -> c.header, c -> c.required);
        List<Matter> out = new ArrayList<>();
        Map<String, Integer> rowOfCode = new LinkedHashMap<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (blank(row)) {
                continue;
            }
            Cells<Col> cells = new Cells<>(source, sheet, row, at, c -> c.header);
            String code = cells.text(Col.CODE, true);
            String unit = code.contains("-") ? code.substring(0, code.indexOf('-')) : "";
            String zone = cells.text(Col.ZONE, false);
            if (zone.isEmpty()) {
                zone = zoneOfUnit.apply(unit);
                if (zone == null) {
                    throw cells.bad(Col.CODE, "unknown unit '" + unit + "' (the code starts with the unit id, e.g. A01-001)");
                }
            }
            Integer earlier = rowOfCode.putIfAbsent(code, r + 1);
            if (earlier != null) {
                throw cells.bad(Col.CODE, "code " + code + " is listed twice (also row " + earlier + ")");
            }
            int visits = cells.number(Col.SITE_VISITS, Pattern.compile("([0-9])\\s*次?"), "0-9 (次)");
            MatterElements elements;
            try {
                elements = new MatterElements(cells.text(Col.BASIC_CODE, false), cells.text(Col.IMPLEMENTATION_CODE, false),
                        cells.text(Col.LEGAL_BASIS, false), cells.text(Col.CONDITIONS, false), cells.text(Col.FEE_BASIS, false),
                        visits, depth(cells));
            } catch (IllegalArgumentException e) {
                throw cells.bad(null, e.getMessage());
            }
            try {
                out.add(new Matter(code, cells.text(Col.NAME, true), cells.text(Col.NAME_EN, false), unit, zone, type(cells),
                        materials.getOrDefault(code, List.of()), days(cells, Col.STATUTORY), days(cells, Col.COMMITTED),
                        immediate(cells), visits == 0, visits != MatterElements.NOT_STATED && visits <= 1, fee(cells),
                        steps(cells), "", elements, false));
            } catch (InvalidCatalogException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw cells.bad(null, e.getMessage());
            }
        }
        if (out.isEmpty()) {
            throw new InvalidCatalogException(source + ": sheet " + MATTERS + " lists no matter below its header row");
        }
        return out;
    }

    private static Map<String, List<Material>> materials(Sheet sheet, String source) {
        Map<MatCol, Integer> at = headers(sheet, source, MatCol.class, c -> c.header, c -> c.required);
        Map<String, List<Material>> out = new LinkedHashMap<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (blank(row)) {
                continue;
            }
            Cells<MatCol> cells = new Cells<>(source, sheet, row, at, c -> c.header);
            String code = cells.text(MatCol.CODE, true);
            String kindText = cells.text(MatCol.KIND, true);
            MaterialKind kind = switch (kindText.toUpperCase(Locale.ROOT)) {
                case "主件", "MAIN" -> MaterialKind.MAIN;
                case "容缺", "容缺件", "TOLERABLE" -> MaterialKind.TOLERABLE;
                default -> throw cells.bad(MatCol.KIND, "must be 主件 (MAIN) or 容缺 (TOLERABLE), was '" + kindText + "'");
            };
            out.computeIfAbsent(code, c -> new ArrayList<>())
                    .add(new Material(cells.text(MatCol.NAME, true), kind, cells.text(MatCol.NOTE, false)));
        }
        return out;
    }

    private static MatterType type(Cells<Col> cells) {
        String text = cells.text(Col.TYPE, true);
        for (MatterType t : MatterType.values()) {
            if (t.chinese().equals(text) || t.name().equalsIgnoreCase(text)) {
                return t;
            }
        }
        StringBuilder known = new StringBuilder();
        for (MatterType t : MatterType.values()) {
            known.append(known.length() == 0 ? "" : "、").append(t.chinese());
        }
        throw cells.bad(Col.TYPE, "'" + text + "' is not a matter type; expected one of " + known);
    }

    private static boolean immediate(Cells<Col> cells) {
        String text = cells.text(Col.HANDLING, true);
        return switch (text) {
            case "即办件", "即办" -> true;
            case "承诺件", "承诺" -> false;
            default -> throw cells.bad(Col.HANDLING, "must be 即办件 or 承诺件, was '" + text + "'");
        };
    }

    private static int days(Cells<Col> cells, Col col) {
        cells.text(col, true);
        return cells.number(col, DAYS, "a whole number of working days");
    }

    private static int depth(Cells<Col> cells) {
        String text = cells.text(Col.ONLINE_DEPTH, false);
        if (text.isEmpty()) {
            return MatterElements.NOT_STATED;
        }
        Matcher m = DEPTH.matcher(text);
        if (!m.matches()) {
            throw cells.bad(Col.ONLINE_DEPTH, "must be 一级, 二级, 三级 or 四级 (1-4), was '" + text + "'");
        }
        return "1一2二3三4四".indexOf(m.group(1)) / 2 + 1;
    }

    private static BigDecimal fee(Cells<Col> cells) {
        String text = cells.text(Col.FEE, false);
        if (text.isEmpty() || text.equals("免费") || text.equals("不收费")) {
            return BigDecimal.ZERO;
        }
        try {
            BigDecimal fee = new BigDecimal(text.replaceFirst("\\s*元$", ""));
            if (fee.signum() < 0) {
                throw new NumberFormatException();
            }
            return fee;
        } catch (NumberFormatException e) {
            throw cells.bad(Col.FEE, "must be an amount in yuan (or 免费), was '" + text + "'");
        }
    }

    private static Set<SpecialStep> steps(Cells<Col> cells) {
        Set<SpecialStep> steps = EnumSet.noneOf(SpecialStep.class);
        String text = cells.text(Col.SPECIAL_STEPS, false);
        if (text.isEmpty() || text.equals("无")) {
            return steps;
        }
        outer:
        for (String part : text.split("[、,，;；\\s]+")) {
            for (SpecialStep s : SpecialStep.values()) {
                if (s.chinese().equals(part) || s.name().equalsIgnoreCase(part)) {
                    steps.add(s);
                    continue outer;
                }
            }
            throw cells.bad(Col.SPECIAL_STEPS, "'" + part + "' is not a special step; expected 现场勘验、听证、专家评审、技术审查 or 测绘");
        }
        return steps;
    }

    private static <C extends Enum<C>> Map<C, Integer> headers(Sheet sheet, String source, Class<C> type,
            Function<C, String> header, Function<C, Boolean> required) {
        Row row = sheet.getRow(0);
        Map<C, Integer> at = new EnumMap<>(type);
        if (row != null) {
            for (Cell cell : row) {
                String text = text(cell);
                for (C c : type.getEnumConstants()) {
                    String h = header.apply(c);
                    if (text.equals(h) || text.startsWith(h + "（") || text.startsWith(h + "(")) {
                        if (at.putIfAbsent(c, cell.getColumnIndex()) != null) {
                            throw new InvalidCatalogException(source + ": sheet " + sheet.getSheetName() + ", row 1, column "
                                    + CellReference.convertNumToColString(cell.getColumnIndex()) + ": header '" + h + "' appears twice");
                        }
                    }
                }
            }
        }
        for (C c : type.getEnumConstants()) {
            if (required.apply(c) && !at.containsKey(c)) {
                throw new InvalidCatalogException(source + ": sheet " + sheet.getSheetName() + ", row 1: no column headed '"
                        + header.apply(c) + "'");
            }
        }
        return at;
    }

    private static boolean blank(Row row) {
        if (row == null) {
            return true;
        }
        for (Cell cell : row) {
            if (!text(cell).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** A cell's text as shown in the spreadsheet; a formula gives its cached result. */
    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        String text = switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> cell.getCellType() == CellType.FORMULA
                    ? FORMAT.formatRawCellContents(cell.getNumericCellValue(), cell.getCellStyle().getDataFormat(),
                            cell.getCellStyle().getDataFormatString())
                    : FORMAT.formatCellValue(cell);
            case BOOLEAN -> cell.getBooleanCellValue() ? "是" : "否";
            default -> "";
        };
        return text.strip();
    }

    /** The cells of one row, with messages that name the sheet, row and column. */
    private record Cells<C extends Enum<C>>(String source, Sheet sheet, Row row, Map<C, Integer> at, Function<C, String> header) {

        String text(C col, boolean required) {
            Integer index = at.get(col);
            String text = index == null ? "" : XlsxCatalogReader.text(row.getCell(index));
            if (required && text.isEmpty()) {
                throw bad(col, "is empty");
            }
            return text;
        }

        int number(C col, Pattern pattern, String expected) {
            String text = text(col, false);
            if (text.isEmpty()) {
                return MatterElements.NOT_STATED;
            }
            Matcher m = pattern.matcher(text);
            if (!m.matches()) {
                throw bad(col, "must be " + expected + ", was '" + text + "'");
            }
            return Integer.parseInt(m.group(1));
        }

        InvalidCatalogException bad(C col, String problem) {
            String where = source + ": sheet " + sheet.getSheetName() + ", row " + (row.getRowNum() + 1);
            if (col != null) {
                Integer index = at.get(col);
                where += ", column " + (index == null ? "" : CellReference.convertNumToColString(index) + " ")
                        + "(" + header.apply(col) + ")";
            }
            return new InvalidCatalogException(where + ": " + problem);
        }
    }
}
