package org.onedoor.documents.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.onedoor.api.cases.ApplicantKind;
import org.onedoor.api.cases.CaseApplicant;
import org.onedoor.api.cases.CaseState;
import org.onedoor.api.cases.HallCase;
import org.onedoor.documents.NoticeFacts;
import org.onedoor.documents.NoticeKind;
import org.onedoor.documents.NoticeNotApplicableException;
import org.onedoor.documents.Refusal;
import org.onedoor.documents.internal.NoticeContent.Field;

/**
 * The wording of each notice, from the case record (Simplified Chinese, as the hall hands it out).
 * The applicant's identity number is printed masked; the name in full (the notice is the applicant's).
 */
final class NoticeTexts {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final String APPEAL = "如不服本决定，可以自收到本通知书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。";

    private final String hallNameZh;
    private final String publicUrl;
    private final ZoneId zone;

    NoticeTexts(String hallNameZh, String publicUrl, ZoneId zone) {
        this.hallNameZh = hallNameZh;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.zone = zone;
    }

    String hallNameZh() {
        return hallNameZh;
    }

    /** @return the citizen's look-up page for the case, with its number filled in */
    String lookupUrl(String caseNumber) {
        return publicUrl + "/ui/ticket?case=" + URLEncoder.encode(caseNumber, StandardCharsets.UTF_8);
    }

    NoticeContent of(NoticeKind kind, HallCase c, NoticeFacts facts, LocalDate today) {
        return switch (kind) {
            case ACCEPTANCE -> acceptance(c, facts, today);
            case CORRECTION -> correction(c, facts, today);
            case RESULT -> result(c, facts, today);
            case REFUSAL -> refusal(c, facts, today);
        };
    }

    /** The refusal notice of an application recorded as refused to accept (不予受理), with its case number. */
    private NoticeContent refusal(HallCase c, NoticeFacts facts, LocalDate today) {
        if (c.state() != CaseState.REFUSED_TO_ACCEPT) {
            throw new NoticeNotApplicableException(NoticeKind.REFUSAL, "办件 " + c.number()
                    + " 已受理，不能出具不予受理通知书（不予受理通知书在窗口不予受理申请时出具） / case " + c.number()
                    + " was accepted; a refusal notice is issued only for an application refused at the window");
        }
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("编号", c.number()));
        fields.addAll(parties(c));
        fields.add(new Field("申请事项", c.matterNameZh() + "（" + c.matterCode() + "）"));
        fields.add(new Field("受理部门", facts.departmentNameZh().isEmpty() ? c.departmentId() : facts.departmentNameZh()));
        fields.add(new Field("申请日期", day(c.acceptedAt()) + (c.window() > 0 ? "（" + c.window() + " 号窗口）" : "（网上申请）")));
        List<String> body = List.of(c.applicantName() + "：你（单位）于" + day(c.acceptedAt()) + "提出的" + c.matterNameZh()
                + "申请，经审查，" + c.endReason() + "，依据《中华人民共和国行政许可法》第三十二条的规定，本机关决定不予受理。");
        return new NoticeContent(NoticeKind.REFUSAL.titleZh(), c.number(), fields, body, List.of(), List.of(APPEAL), "", "", day(today));
    }

    private NoticeContent acceptance(HallCase c, NoticeFacts facts, LocalDate today) {
        if (c.state() == CaseState.REFUSED_TO_ACCEPT) {
            throw new NoticeNotApplicableException(NoticeKind.ACCEPTANCE, "办件 " + c.number() + " 已不予受理，请打印不予受理通知书 / case "
                    + c.number() + " was refused; print its refusal notice");
        }
        List<String> body = new ArrayList<>();
        String limit = c.committedDays() == 0 ? "本事项为即办件，当场办结。"
                : "本机关将在 " + c.committedDays() + " 个工作日内（" + day(c.deadline()) + "前）作出决定。";
        body.add(applicant(c) + "于" + day(c.acceptedAt()) + "提出的" + c.matterNameZh() + "申请，经审查，"
                + (c.missingMaterials().isEmpty() ? "申请材料齐全、符合法定形式" : "主要申请材料齐全、符合法定形式（容缺材料另见补正告知书）")
                + "，本机关决定予以受理。" + limit);
        body.add("请妥善保管本通知书，凭办件编号和查询码查询办理进度。");
        return new NoticeContent(NoticeKind.ACCEPTANCE.titleZh(), c.number(), caseFields(c, facts), body, List.of(), List.of(),
                lookupUrl(c.number()), qrCaption(), day(today));
    }

    private NoticeContent correction(HallCase c, NoticeFacts facts, LocalDate today) {
        List<String> missing = c.missingMaterials();
        if (missing.isEmpty() || c.supplyBy().isEmpty()) {
            throw new NoticeNotApplicableException(NoticeKind.CORRECTION, "办件 " + c.number() + " 没有待补正的材料 / case "
                    + c.number() + " misses no material");
        }
        if (!c.state().undecided()) {
            throw new NoticeNotApplicableException(NoticeKind.CORRECTION, "办件 " + c.number() + " 已作出决定，不再补正材料 / case "
                    + c.number() + " is decided; nothing can be supplied");
        }
        List<String> body = List.of(applicant(c) + "于" + day(c.acceptedAt()) + "提出的" + c.matterNameZh()
                + "申请，主要申请材料齐全，本机关已容缺受理。请于" + day(c.supplyBy().get()) + "前补正下列材料：");
        List<String> closing = List.of("逾期未补正的，本机关可依法作出不予许可或者终止办理的决定。补正材料请交受理窗口，并出示本告知书。");
        List<Field> fields = new ArrayList<>(caseFields(c, facts));
        fields.add(new Field("补正期限", day(c.supplyBy().get())));
        return new NoticeContent(NoticeKind.CORRECTION.titleZh(), c.number(), fields, body, missing, closing,
                lookupUrl(c.number()), qrCaption(), day(today));
    }

    private NoticeContent result(HallCase c, NoticeFacts facts, LocalDate today) {
        if (c.decision().isEmpty() || c.decidedAt().isEmpty()) {
            throw new NoticeNotApplicableException(NoticeKind.RESULT, "办件 " + c.number() + " 尚未作出决定 / case "
                    + c.number() + " is not decided yet");
        }
        boolean approved = c.decision().get() == CaseState.APPROVED;
        List<String> body = new ArrayList<>();
        String reason = c.decisionReason().isBlank() ? "" : c.decisionReason().strip();
        if (approved) {
            body.add(applicant(c) + "提出的" + c.matterNameZh() + "申请，经审查，符合法定条件、标准，本机关于"
                    + day(c.decidedAt().get()) + "决定准予许可。" + (reason.isEmpty() ? "" : "说明：" + reason + "。"));
            body.add("请凭本通知书和查询码领取办理结果，或按约定方式送达。");
        } else {
            body.add(applicant(c) + "提出的" + c.matterNameZh() + "申请，经审查，" + (reason.isEmpty() ? "不符合法定条件、标准" : reason)
                    + "，本机关于" + day(c.decidedAt().get()) + "决定不予许可。");
        }
        List<Field> fields = new ArrayList<>(caseFields(c, facts));
        fields.add(new Field("办理结果", approved ? "准予许可" : "不予许可"));
        return new NoticeContent(NoticeKind.RESULT.titleZh(), c.number(), fields, body, List.of(),
                approved ? List.of() : List.of(APPEAL), lookupUrl(c.number()), qrCaption(), day(today));
    }

    NoticeContent refusal(Refusal r, LocalDate today) {
        List<Field> fields = List.of(new Field("申请人", r.applicantName() + idPart(r.applicantIdMasked())),
                new Field("申请事项", r.matterNameZh() + "（" + r.matterCode() + "）"),
                new Field("受理部门", r.departmentNameZh()),
                new Field("申请日期", day(r.refusedAt())));
        List<String> body = List.of(r.applicantName() + "：你（单位）于" + day(r.refusedAt()) + "提出的" + r.matterNameZh()
                + "申请，经审查，" + r.reason() + "，依据《中华人民共和国行政许可法》第三十二条的规定，本机关决定不予受理。");
        return new NoticeContent(NoticeKind.REFUSAL.titleZh(), "", fields, body, List.of(), List.of(APPEAL), "", "", day(today));
    }

    private List<Field> caseFields(HallCase c, NoticeFacts facts) {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("办件编号", c.number()));
        fields.add(new Field("查询码", facts.checkCode().isEmpty() ? "见受理回执" : facts.checkCode()));
        fields.addAll(parties(c));
        fields.add(new Field("申请事项", c.matterNameZh() + "（" + c.matterCode() + "）"));
        fields.add(new Field("受理部门", facts.departmentNameZh().isEmpty() ? c.departmentId() : facts.departmentNameZh()));
        fields.add(new Field("受理日期", day(c.acceptedAt()) + (c.window() > 0 ? "（" + c.window() + " 号窗口）" : "（网上受理）")));
        if (c.state().undecided()) {
            fields.add(new Field("承诺办结日期", c.committedDays() == 0 ? "即办" : day(c.deadline())));
        }
        return fields;
    }

    /** The applicant (with the legal representative of a legal person) and the agent, every number masked. */
    private static List<Field> parties(HallCase c) {
        CaseApplicant a = c.applicant();
        List<Field> fields = new ArrayList<>();
        if (a.kind() == ApplicantKind.LEGAL_PERSON) {
            fields.add(new Field("申请人", c.applicantName() + "（统一社会信用代码 " + a.identifierMasked() + "）"));
            fields.add(new Field("法定代表人", a.representativeName() + idPart(a.representativeIdMasked())));
        } else {
            fields.add(new Field("申请人", c.applicantName() + idPart(c.applicantIdMasked())));
        }
        if (a.hasAgent()) {
            fields.add(new Field("代办人", a.agentName() + idPart(a.agentIdMasked()) + "，授权委托书 " + a.powerOfAttorney()));
        }
        return fields;
    }

    private static String idPart(String masked) {
        return masked.isBlank() ? "" : "（证件号码 " + masked + "）";
    }

    private static String applicant(HallCase c) {
        return c.applicantName() + "：你（单位）";
    }

    private String qrCaption() {
        return "扫码查询办理进度（输入查询码）";
    }

    private String day(Instant at) {
        return DAY.format(at.atZone(zone).toLocalDate());
    }

    private static String day(LocalDate d) {
        return DAY.format(d);
    }
}
