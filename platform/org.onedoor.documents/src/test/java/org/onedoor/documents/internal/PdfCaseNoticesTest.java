package org.onedoor.documents.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDCIDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.onedoor.api.cases.ApplicantKind;
import org.onedoor.api.cases.CaseApplicant;
import org.onedoor.api.cases.CaseChannel;
import org.onedoor.api.cases.CaseMaterial;
import org.onedoor.api.cases.CaseState;
import org.onedoor.api.cases.HallCase;
import org.onedoor.api.hall.HallClock;
import org.onedoor.api.matter.MaterialKind;
import org.onedoor.documents.NoticeFacts;
import org.onedoor.documents.NoticeKind;
import org.onedoor.documents.NoticeNotApplicableException;
import org.onedoor.documents.Refusal;

class PdfCaseNoticesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant ACCEPTED = Instant.parse("2026-11-27T02:30:00Z");
    private static final NoticeFont FONT = NoticeFont.shipped();

    private final PdfCaseNotices notices = new PdfCaseNotices(
            HallClock.of(Clock.fixed(Instant.parse("2026-11-30T03:00:00Z"), SHANGHAI)), "郑州市政务服务中心", "https://hall.example/", FONT);

    private static HallCase hallCase(CaseState state, boolean missing, Optional<CaseState> decision, String reason) {
        List<CaseMaterial> materials = new ArrayList<>(List.of(new CaseMaterial("营业执照副本", MaterialKind.MAIN, true)));
        materials.add(new CaseMaterial("房屋租赁合同复印件", MaterialKind.TOLERABLE, !missing));
        materials.add(new CaseMaterial("消防安全检查合格证明", MaterialKind.TOLERABLE, !missing));
        return new HallCase("A17-20261127-0003", "", "A17-001", "r1", "食品经营许可（新办）", "A17", CaseChannel.WINDOW, 12, "A017",
                "张三", "411***********4515", state, materials, missing ? Optional.of(LocalDate.of(2026, 12, 11)) : Optional.empty(),
                Set.of(), "clerk1", ACCEPTED, 7, LocalDate.of(2026, 12, 8), decision, decision.isPresent() ? "approver1" : "",
                decision.map(d -> Instant.parse("2026-11-29T06:00:00Z")), reason, false, Optional.empty(), "", "", "",
                Optional.empty(), Optional.empty());
    }

    /** @return the document's text with the line breaks of wrapped lines taken out */
    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\R", "");
        }
    }

    /**
     * Every font of the first page is a Type 0 font whose TrueType program is embedded as a subset; the
     * Chinese one is Droid Sans Fallback.
     */
    private static void assertSubsetEmbedded(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDPage page = doc.getPage(0);
            List<String> names = new ArrayList<>();
            for (var name : page.getResources().getFontNames()) {
                PDType0Font type0 = (PDType0Font) page.getResources().getFont(name);
                assertTrue(type0.isEmbedded());
                PDCIDFont cid = type0.getDescendantFont();
                assertNotNull(cid.getFontDescriptor().getFontFile2(), "TrueType program (FontFile2) embedded");
                assertTrue(type0.getName().matches("[A-Z]{6}\\+.*"), "subset prefix in " + type0.getName());
                int embedded = cid.getFontDescriptor().getFontFile2().toByteArray().length;
                assertTrue(embedded < 200_000, "a subset, not the whole font: " + embedded + " bytes");
                names.add(type0.getName().substring(7));
            }
            assertTrue(names.contains("DroidSansFallback"), names.toString());
        }
    }

    @Test
    void acceptanceNoticeCarriesTheCaseInChineseWithTheFontEmbedded() throws IOException {
        byte[] pdf = notices.render(NoticeKind.ACCEPTANCE, hallCase(CaseState.ACCEPTED, false, Optional.empty(), ""),
                new NoticeFacts("市场监督管理局", "482913"));
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
        String t = text(pdf);
        assertTrue(t.contains("受理通知书"), t);
        assertTrue(t.contains("A17-20261127-0003"), t);
        assertTrue(t.contains("482913"), t);
        assertTrue(t.contains("郑州市政务服务中心"), t);
        assertTrue(t.contains("市场监督管理局"), t);
        assertTrue(t.contains("食品经营许可（新办）"), t);
        assertTrue(t.contains("411***********4515"), t);
        assertTrue(t.contains("2026年11月27日"), t);
        assertTrue(t.contains("2026年12月8日"), t);
        assertTrue(t.contains("决定予以受理"), t);
        assertFalse(t.contains("补正"), t);
        assertSubsetEmbedded(pdf);
    }

    @Test
    void reprintWithoutTheCheckCodePointsToTheReceipt() throws IOException {
        String t = text(notices.render(NoticeKind.ACCEPTANCE, hallCase(CaseState.ACCEPTED, false, Optional.empty(), ""),
                new NoticeFacts("", "")));
        assertTrue(t.contains("查询码：见受理回执"), t);
        assertTrue(t.contains("受理部门：A17"), t);
    }

    @Test
    void correctionNoticeListsTheToleratedMaterialsAndTheSupplyByDate() throws IOException {
        byte[] pdf = notices.render(NoticeKind.CORRECTION, hallCase(CaseState.ACCEPTED, true, Optional.empty(), ""),
                new NoticeFacts("市场监督管理局", ""));
        String t = text(pdf);
        assertTrue(t.contains("补正告知书"), t);
        assertTrue(t.contains("1. 房屋租赁合同复印件"), t);
        assertTrue(t.contains("2. 消防安全检查合格证明"), t);
        assertTrue(t.contains("2026年12月11日"), t);
        assertFalse(t.contains("营业执照副本"), t);
        assertSubsetEmbedded(pdf);
    }

    @Test
    void correctionNoticeIsRefusedWhenNothingIsMissing() {
        assertThrows(NoticeNotApplicableException.class, () -> notices.render(NoticeKind.CORRECTION,
                hallCase(CaseState.ACCEPTED, false, Optional.empty(), ""), new NoticeFacts("", "")));
    }

    @Test
    void resultNoticeStatesTheDecisionAndReasons() throws IOException {
        String approved = text(notices.render(NoticeKind.RESULT,
                hallCase(CaseState.APPROVED, false, Optional.of(CaseState.APPROVED), ""), new NoticeFacts("市场监督管理局", "")));
        assertTrue(approved.contains("办理结果通知书"), approved);
        assertTrue(approved.contains("准予许可"), approved);
        assertTrue(approved.contains("2026年11月29日"), approved);
        String rejected = text(notices.render(NoticeKind.RESULT,
                hallCase(CaseState.REJECTED, false, Optional.of(CaseState.REJECTED), "经营场所与登记地址不符"), new NoticeFacts("", "")));
        assertTrue(rejected.contains("经营场所与登记地址不符"), rejected);
        assertTrue(rejected.contains("不予许可"), rejected);
        assertTrue(rejected.contains("行政复议"), rejected);
        assertThrows(NoticeNotApplicableException.class, () -> notices.render(NoticeKind.RESULT,
                hallCase(CaseState.ACCEPTED, false, Optional.empty(), ""), new NoticeFacts("", "")));
    }

    @Test
    void refusalNoticeNamesTheReasonAndHasNoCaseNumber() throws IOException {
        byte[] pdf = notices.refusal(new Refusal("A17-001", "食品经营许可（新办）", "市场监督管理局", "李四", "110***********0011",
                "申请事项不属于本机关职权范围", ACCEPTED, 12));
        String t = text(pdf);
        assertTrue(t.contains("不予受理通知书"), t);
        assertTrue(t.contains("申请事项不属于本机关职权范围"), t);
        assertTrue(t.contains("李四"), t);
        assertFalse(t.contains("编号："), t);
        assertSubsetEmbedded(pdf);
        assertThrows(NoticeNotApplicableException.class, () -> notices.render(NoticeKind.REFUSAL,
                hallCase(CaseState.ACCEPTED, false, Optional.empty(), ""), new NoticeFacts("", "")));
    }

    @Test
    void aRefusalRecordedAsACaseIsPrintedWithItsNumberItsReasonAndTheLegalPersonAndAgentMasked() throws IOException {
        HallCase c = hallCase(CaseState.ACCEPTED, false, Optional.empty(), "");
        CaseApplicant company = new CaseApplicant(ApplicantKind.LEGAL_PERSON, "驿城区某某餐饮有限公司", CaseApplicant.USCC, "91411700********XT", "",
                "王五", "RESIDENT_ID", "411***********4515", "李四", "PASSPORT", "X******78", "138****5678", "WT-2026-0042",
                Optional.of(LocalDate.of(2026, 11, 20)));
        HallCase refused = new HallCase(c.number(), "", c.matterCode(), "r1", c.matterNameZh(), "A17", c.channel(), 12, "A017",
                company.name(), company.identifierMasked(), CaseState.REFUSED_TO_ACCEPT, c.materials(), Optional.empty(), Set.of(), "clerk1",
                ACCEPTED, 7, c.deadline(), Optional.empty(), "", Optional.empty(), "", false, Optional.empty(), "", "", "", Optional.empty(),
                Optional.of(ACCEPTED), company, "申请事项依法不需要取得行政许可", java.math.BigDecimal.ZERO, Optional.empty(), 0);
        byte[] pdf = notices.render(NoticeKind.REFUSAL, refused, new NoticeFacts("市场监督管理局", ""));
        String t = text(pdf);
        assertTrue(t.contains("不予受理通知书"), t);
        assertTrue(t.contains(c.number()), t);
        assertTrue(t.contains("申请事项依法不需要取得行政许可"), t);
        assertTrue(t.contains("统一社会信用代码 91411700********XT"), t);
        assertTrue(t.contains("法定代表人") && t.contains("王五"), t);
        assertTrue(t.contains("代办人") && t.contains("X******78") && t.contains("WT-2026-0042"), t);
        assertThrows(NoticeNotApplicableException.class, () -> notices.render(NoticeKind.ACCEPTANCE, refused, new NoticeFacts("", "")),
                "a refused case has no acceptance notice");
    }

    @Test
    void characterWithoutGlyphPrintsAsQuestionMarkInsteadOfFailing() throws IOException {
        HallCase c = hallCase(CaseState.ACCEPTED, false, Optional.empty(), "");
        HallCase odd = new HallCase(c.number(), "", c.matterCode(), "r1", c.matterNameZh(), "A17", c.channel(), 12, "",
                "王\uD83D\uDE00", c.applicantIdMasked(), c.state(), c.materials(), c.supplyBy(), Set.of(), "clerk1", ACCEPTED, 7,
                c.deadline(), Optional.empty(), "", Optional.empty(), "", false, Optional.empty(), "", "", "", Optional.empty(), Optional.empty());
        String t = text(notices.render(NoticeKind.ACCEPTANCE, odd, new NoticeFacts("", "")));
        assertTrue(t.contains("王?"), t);
    }

    @Test
    void qrCodeOpensTheCitizenLookUpPageForTheCase() throws Exception {
        byte[] pdf = notices.render(NoticeKind.ACCEPTANCE, hallCase(CaseState.ACCEPTED, false, Optional.empty(), ""),
                new NoticeFacts("", ""));
        BufferedImage img;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            img = new PDFRenderer(doc).renderImageWithDPI(0, 150);
        }
        int[] rgb = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(img.getWidth(), img.getHeight(), rgb)));
        assertEquals("https://hall.example/ui/ticket?case=A17-20261127-0003", new QRCodeReader().decode(bitmap).getText());
    }
}
