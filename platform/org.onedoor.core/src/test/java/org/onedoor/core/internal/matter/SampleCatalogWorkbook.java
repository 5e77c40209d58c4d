package org.onedoor.core.internal.matter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The sample catalog spreadsheet the distribution ships for one unit (A01, 市场监督管理局):
 * {@value #FILE}. Rewrite it with {@code mvn -pl platform/org.onedoor.core test -Dtest=SampleCatalogTest -Dsample.write=true}.
 *
 * <p>What is real and from where is written in each row (columns 来源 and 占位字段), and in
 * docs/catalog.md: names, types, legal bases, conditions, materials and statutory days are taken
 * from the cited laws and regulations; committed days are placeholders (the unit has not
 * published them here); the province's basic and implementation codes, site visits and online
 * depth are not given (empty), rather than invented.
 */
final class SampleCatalogWorkbook {

    static final String FILE = "docs/samples/A01-catalog-sample.xlsx";

    static final String[] HEADERS = Stream.concat(Stream.of(CatalogWorkbooks.MATTER_HEADERS), Stream.of("来源", "占位字段"))
            .toArray(String[]::new);

    private static final String REGISTRATION = "《中华人民共和国市场主体登记管理条例》（国务院令第746号）第三条、第十六条、第十九条";
    private static final String REGISTRATION_SOURCE = "名称、设定依据、申请材料（第十六条）、受理条件与法定时限（第十九条：当场登记，"
            + "不能当场登记的3个工作日内登记）取自该条例；事项类型按行政许可归类";
    private static final String NO_FEE = "《中华人民共和国行政许可法》第五十八条（实施行政许可不得收取任何费用，法律、行政法规另有规定的除外）";

    static final List<String[]> MATTERS = List.of(
        new String[] {"A01-001", "", "", "有限责任公司设立登记", "Registration of a limited liability company", "行政许可", REGISTRATION,
            "申请材料齐全、符合法定形式", "承诺件", "3", "1", "0", NO_FEE, "", "", "", REGISTRATION_SOURCE, "承诺办结时限"},
        new String[] {"A01-002", "", "", "个体工商户设立登记", "Registration of an individual business", "行政许可", REGISTRATION,
            "申请材料齐全、符合法定形式", "承诺件", "3", "1", "0", NO_FEE, "", "", "", REGISTRATION_SOURCE, "承诺办结时限"},
        new String[] {"A01-003", "", "", "食品经营许可", "Food business licence", "行政许可",
            "《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》（国家市场监督管理总局令第78号）",
            "符合《中华人民共和国食品安全法》第三十三条第一款第一项至第四项规定的要求", "承诺件", "10", "5", "0", NO_FEE, "", "", "",
            "名称、类型、设定依据与受理条件取自食品安全法第三十五条；法定时限（10个工作日）取自《食品经营许可和备案管理办法》（2023），"
                + "以省级目录为准；申请材料为常见要求，以单位公布为准", "承诺办结时限；申请材料"});

    static final List<String[]> MATERIALS = List.of(
        new String[] {"A01-001", "申请书", "主件", "《市场主体登记管理条例》第十六条第（一）项"},
        new String[] {"A01-001", "申请人资格文件、自然人身份证明", "主件", "第十六条第（二）项"},
        new String[] {"A01-001", "住所或者主要经营场所相关文件", "主件", "第十六条第（三）项"},
        new String[] {"A01-001", "公司章程", "主件", "第十六条第（四）项"},
        new String[] {"A01-002", "申请书", "主件", "第十六条第（一）项"},
        new String[] {"A01-002", "经营者身份证明", "主件", "第十六条第（二）项"},
        new String[] {"A01-002", "经营场所相关文件", "主件", "第十六条第（三）项"},
        new String[] {"A01-003", "食品经营许可申请书", "主件", "占位：以单位公布为准"},
        new String[] {"A01-003", "营业执照或者其他主体资格证明文件", "主件", "占位：以单位公布为准"},
        new String[] {"A01-003", "食品安全管理制度", "容缺", "占位：容缺标记为示例，以单位公布为准"});

    private SampleCatalogWorkbook() {
    }

    static byte[] bytes() {
        return CatalogWorkbooks.workbook(HEADERS, MATTERS, MATERIALS);
    }

    static void write(Path repositoryRoot) throws Exception {
        Path file = repositoryRoot.resolve(FILE);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes());
    }
}
