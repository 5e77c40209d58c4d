package org.onedoor.core.internal.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.onedoor.api.cases.AcceptRequest;
import org.onedoor.api.cases.AcceptedCase;
import org.onedoor.api.cases.Agent;
import org.onedoor.api.cases.AlertKind;
import org.onedoor.api.cases.Applicant;
import org.onedoor.api.cases.ApplicantKind;
import org.onedoor.api.cases.CaseApplicant;
import org.onedoor.api.cases.CaseChannel;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.cases.CaseHistoryEntry;
import org.onedoor.api.cases.CaseQuery;
import org.onedoor.api.cases.CaseState;
import org.onedoor.api.cases.Delivery;
import org.onedoor.api.cases.DeliveryMethod;
import org.onedoor.api.cases.HallCase;
import org.onedoor.api.cases.Person;
import org.onedoor.api.cases.SupervisionAlert;
import org.onedoor.api.citizen.IdentityDocument;
import org.onedoor.api.citizen.UnifiedSocialCreditCode;

/** Issue 16: applicants of every kind with their agents, every ending of a case, corrections and fees, on the store. */
class ApplicantAndEndingTest {

    static final String USCC = "91411700MA40ABC1XT";
    static final String REPRESENTATIVE_ID = "411702199003074515";
    static final String AGENT_PASSPORT = "X12345678";
    static final String AGENT_PHONE = "13812345678";

    private final CaseFixture f = new CaseFixture();

    static Applicant company() {
        Person representative = new Person("王五", IdentityDocument.residentId(REPRESENTATIVE_ID));
        Agent agent = new Agent(new Person("John Smith", new IdentityDocument(IdentityDocument.Kind.PASSPORT, AGENT_PASSPORT, "USA")),
                AGENT_PHONE, "WT-2026-0042", LocalDate.of(2026, 11, 20));
        return Applicant.legalPerson("驿城区某某餐饮有限公司", new UnifiedSocialCreditCode(USCC), representative).withAgent(agent);
    }

    private static AcceptRequest atWindow(org.onedoor.api.matter.Matter m, Applicant a, String... materials) {
        return new AcceptRequest(m.code(), a, List.of(materials), CaseChannel.WINDOW, 97, "");
    }

    @Test
    void aLegalPersonWithAnAgentIsStoredWholeAndReadBackMaskedEverywhere() throws Exception {
        AcceptedCase a = f.cases.accept(atWindow(CaseFixture.IMMEDIATE, company(), "申请人居民身份证"), CaseFixture.CLERK);
        String no = a.hallCase().number();
        for (HallCase h : List.of(a.hallCase(), f.cases.find(no).orElseThrow(),
                f.cases.cases(new CaseQuery(Optional.of("A17"), Optional.empty(), 10)).get(0))) {
            CaseApplicant ap = h.applicant();
            assertEquals(ApplicantKind.LEGAL_PERSON, ap.kind());
            assertEquals("驿城区某某餐饮有限公司", ap.name());
            assertEquals(CaseApplicant.USCC, ap.documentKind());
            assertEquals("91411700********XT", ap.identifierMasked());
            assertEquals("91411700********XT", h.applicantIdMasked());
            assertEquals("王五", ap.representativeName());
            assertEquals("RESIDENT_ID", ap.representativeDocumentKind());
            assertEquals("411***********4515", ap.representativeIdMasked());
            assertEquals("John Smith", ap.agentName());
            assertEquals("PASSPORT", ap.agentDocumentKind());
            assertEquals("X******78", ap.agentIdMasked());
            assertEquals("138****5678", ap.agentPhoneMasked());
            assertEquals("WT-2026-0042", ap.powerOfAttorney());
            assertEquals(Optional.of(LocalDate.of(2026, 11, 20)), ap.powerOfAttorneyDate());
            assertFalse(ap.toString().contains(USCC) || ap.toString().contains(REPRESENTATIVE_ID) || ap.toString().contains(AGENT_PASSPORT)
                    || ap.toString().contains(AGENT_PHONE), "nothing unmasked in the case as handed out: " + ap);
        }
        for (CaseHistoryEntry e : f.cases.history(no)) {
            assertFalse(e.detail().contains(USCC) || e.detail().contains(REPRESENTATIVE_ID) || e.detail().contains(AGENT_PASSPORT), e.detail());
        }
        assertTrue(f.cases.history(no).get(0).detail().contains("WT-2026-0042"), "the power of attorney is on the case's history");
        f.audit.forEach(e -> assertFalse(e.detail().contains(USCC) || e.detail().contains(AGENT_PASSPORT), e.detail()));
        try (Connection c = f.ds.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT role, id_number, phone FROM case_party WHERE case_no = ? ORDER BY role")) {
            ps.setString(1, no);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("AGENT", rs.getString(1));
                assertEquals(AGENT_PASSPORT, rs.getString(2), "the store keeps the whole number");
                assertEquals(AGENT_PHONE, rs.getString(3));
                assertTrue(rs.next());
                assertEquals("LEGAL_REPRESENTATIVE", rs.getString(1));
                assertEquals(REPRESENTATIVE_ID, rs.getString(2));
            }
        }
    }

    @Test
    void aForeignerWithAPassportAndAResidentAsBeforeAreBothPersons() {
        Applicant foreigner = Applicant.person("KIM MINJUN", new IdentityDocument(IdentityDocument.Kind.PASSPORT, "M98765432", "KOR"));
        HallCase h = f.cases.accept(atWindow(CaseFixture.IMMEDIATE, foreigner, "申请人居民身份证"), CaseFixture.CLERK).hallCase();
        assertEquals("PASSPORT", h.applicant().documentKind());
        assertEquals("KOR", h.applicant().nationality());
        assertEquals("M******32", h.applicantIdMasked());
        assertFalse(h.applicant().hasAgent());
        HallCase resident = f.cases.accept(CaseFixture.atWindow(CaseFixture.IMMEDIATE, "申请人居民身份证"), CaseFixture.CLERK).hallCase();
        assertEquals(ApplicantKind.PERSON, resident.applicant().kind());
        assertEquals("RESIDENT_ID", resident.applicant().documentKind());
        assertEquals("411***********4515", resident.applicantIdMasked());
    }

    @Test
    void aRefusalToAcceptIsACaseWithANumberItsReasonAndNoWayOn() {
        CaseException blank = assertThrows(CaseException.class, () -> f.cases.refuse(
                CaseFixture.atWindow(CaseFixture.PASSPORT, "近期免冠彩色照片"), " ", CaseFixture.CLERK));
        assertEquals("reason-required", blank.code());
        AcceptedCase r = f.cases.refuse(CaseFixture.atWindow(CaseFixture.PASSPORT, "近期免冠彩色照片"),
                "申请事项不属于本机关职权范围", CaseFixture.CLERK);
        HallCase h = r.hallCase();
        assertEquals("A17-20261127-0001", h.number());
        assertEquals(CaseState.REFUSED_TO_ACCEPT, h.state());
        assertEquals("申请事项不属于本机关职权范围", h.endReason());
        assertTrue(h.closedAt().isPresent());
        assertTrue(h.supplyBy().isEmpty());
        assertTrue(f.cases.lookup(h.number(), r.checkCode()).isPresent(), "the applicant can look the refusal up");
        assertEquals("case-refuse", f.cases.history(h.number()).get(0).action());
        assertEquals("REFUSED_TO_ACCEPT", f.events.get(f.events.size() - 1).type());
        assertEquals("illegal-transition", assertThrows(CaseException.class,
                () -> f.cases.decide(h.number(), true, "", CaseFixture.APPROVER_A17)).code());
        assertTrue(f.cases.backOffice("A17").isEmpty(), "a refused case is not in the back office");
    }

    @Test
    void theApplicantWithdrawsAtTheWindowBeforeTheDecisionOnly() {
        String no = f.cases.accept(CaseFixture.atWindow(CaseFixture.IMMEDIATE, "申请人居民身份证"), CaseFixture.CLERK).hallCase().number();
        HallCase w = f.cases.withdraw(no, "", CaseFixture.CLERK);
        assertEquals(CaseState.WITHDRAWN, w.state());
        assertEquals("申请人撤回申请", w.endReason());
        assertTrue(w.closedAt().isPresent());
        String decided = f.cases.accept(CaseFixture.atWindow(CaseFixture.IMMEDIATE, "申请人居民身份证"), CaseFixture.CLERK).hallCase().number();
        f.cases.decide(decided, true, "", CaseFixture.APPROVER_A17);
        assertEquals("illegal-transition", assertThrows(CaseException.class, () -> f.cases.withdraw(decided, "", CaseFixture.CLERK)).code());
        f.signIn(97, "clerk2", "G002");
        String other = f.cases.accept(CaseFixture.atWindow(CaseFixture.IMMEDIATE, "申请人居民身份证"),
                CaseFixture.actor("clerk2", "clerk", null)).hallCase().number();
        assertEquals("window-not-yours", assertThrows(CaseException.class, () -> f.cases.withdraw(other, "", CaseFixture.CLERK)).code(),
                "a withdrawal is recorded at a window the clerk holds");
    }

    @Test
    void theCasesDepartmentTerminatesWithAReason() {
        String no = f.cases.accept(CaseFixture.atWindow(CaseFixture.PASSPORT, "申请人居民身份证", "近期免冠彩色照片"), CaseFixture.CLERK)
                .hallCase().number();
        assertEquals("out-of-department", assertThrows(CaseException.class,
                () -> f.cases.terminate(no, "逾期未补正", CaseFixture.APPROVER_A15)).code());
        assertEquals("reason-required", assertThrows(CaseException.class, () -> f.cases.terminate(no, "", CaseFixture.APPROVER_A17)).code());
        HallCase t = f.cases.terminate(no, "逾期未补正容缺材料", CaseFixture.APPROVER_A17);
        assertEquals(CaseState.TERMINATED, t.state());
        assertEquals("逾期未补正容缺材料", t.endReason());
        assertTrue(f.auditActions().contains("case-terminate/refused"), "the refused attempt is audited");
    }

    @Test
    void aCorrectedResultKeepsTheOriginalInTheHistoryAndAlertsSupervision() {
        String no = f.cases.accept(CaseFixture.atWindow(CaseFixture.IMMEDIATE, "申请人居民身份证"), CaseFixture.CLERK).hallCase().number();
        assertEquals("not-decided", assertThrows(CaseException.class, () -> f.cases.correct(no, false, "错", CaseFixture.APPROVER_A17)).code());
        f.cases.decide(no, true, "符合条件", CaseFixture.APPROVER_A17);
        f.cases.resultReady(no, CaseFixture.CLERK);
        f.cases.deliver(no, Delivery.mail(Optional.of(CaseFixture.MAIL_TO), null, "SF1234567890"), CaseFixture.CLERK);
        HallCase c = f.cases.correct(no, false, "申请人不符合法定条件，原决定适用依据错误", CaseFixture.APPROVER_A17);
        assertEquals(CaseState.REJECTED, c.state());
        assertEquals(Optional.of(CaseState.REJECTED), c.decision());
        assertEquals("申请人不符合法定条件，原决定适用依据错误", c.decisionReason());
        assertEquals(1, c.corrections());
        assertTrue(c.deliveryMethod().isEmpty(), "the corrected result is delivered again");
        CaseHistoryEntry last = f.cases.history(no).get(f.cases.history(no).size() - 1);
        assertEquals("case-correct", last.action());
        assertTrue(last.detail().contains("原结果：准予许可") && last.detail().contains("符合条件"), last.detail());
        assertTrue(f.cases.history(no).stream().anyMatch(e -> e.action().equals("case-decide") && e.detail().contains("准予许可")),
                "the original decision's own entry stays");
        List<SupervisionAlert> alerts = f.supervisor.alerts("A17");
        assertTrue(alerts.stream().anyMatch(a -> a.kind() == AlertKind.CORRECTED_RESULT && a.subject().equals(no)), alerts.toString());
        assertEquals(CaseState.RESULT_READY, f.cases.resultReady(no, CaseFixture.CLERK).state());
        assertEquals("forbidden", assertThrows(CaseException.class, () -> f.cases.correct(no, true, "x", CaseFixture.APPROVER_A15))
                .reason().name().toLowerCase());
    }

    @Test
    void aFeeIsCheckedAgainstTheMattersFeeAtDecisionAndDelivery() {
        String paid = f.cases.accept(atWindow(CaseFixture.PERMIT_FEE, CaseFixture.applicant(), "申请书"), CaseFixture.CLERK).hallCase().number();
        assertEquals(new BigDecimal("50.00"), f.cases.find(paid).orElseThrow().feeDue());
        HallCase right = f.cases.decide(paid, true, "", Optional.of(new BigDecimal("50")), CaseFixture.APPROVER_A17);
        assertEquals(Optional.of(new BigDecimal("50.00")), right.feeCharged());
        assertTrue(f.supervisor.alerts("A17").stream().noneMatch(a -> a.kind() == AlertKind.FEE_MISMATCH));
        String free = f.cases.accept(CaseFixture.atWindow(CaseFixture.IMMEDIATE, "申请人居民身份证"), CaseFixture.CLERK).hallCase().number();
        f.cases.decide(free, true, "", CaseFixture.APPROVER_A17);
        f.cases.resultReady(free, CaseFixture.CLERK);
        HallCase charged = f.cases.deliver(free, new Delivery(DeliveryMethod.MAIL, "", "SF1234567890", "", Optional.of(new BigDecimal("20")), Optional.of(CaseFixture.MAIL_TO), Optional.empty(), ""),
                CaseFixture.CLERK);
        assertEquals(Optional.of(new BigDecimal("20.00")), charged.feeCharged());
        assertEquals(CaseState.DELIVERED, charged.state());
        SupervisionAlert alert = f.supervisor.alerts("A17").stream().filter(a -> a.kind() == AlertKind.FEE_MISMATCH).findFirst().orElseThrow();
        assertEquals(free, alert.subject());
        assertTrue(alert.detail().contains("免费事项"), alert.detail());
        assertEquals("invalid-fee", assertThrows(CaseException.class,
                () -> f.cases.decide(paid, true, "", Optional.of(new BigDecimal("-1")), CaseFixture.APPROVER_A17)).code());
    }
}
