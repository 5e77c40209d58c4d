package org.onedoor.core.internal.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.onedoor.api.cases.AcceptRequest;
import org.onedoor.api.cases.AcceptedCase;
import org.onedoor.api.cases.CaseChannel;
import org.onedoor.api.cases.CaseEvent;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.cases.CaseQuery;
import org.onedoor.api.cases.CaseState;
import org.onedoor.api.cases.Delivery;
import org.onedoor.api.cases.DeliveryMethod;
import org.onedoor.api.cases.HallCase;
import org.onedoor.api.matter.SpecialStep;
import org.junit.jupiter.api.Test;

/** R3, R12: a case from a called ticket through back office and issuance to closing, and the moves it may not make. */
class CaseFlowTest {

    private final CaseFixture f = new CaseFixture();

    @Test
    void acceptedAtAWindowForTheCalledTicketWithANumberACheckCodeAndAMaskedApplicant() {
        AcceptedCase a = f.cases.accept(CaseFixture.atWindow(CaseFixture.PASSPORT, "申请人居民身份证", "近期免冠彩色照片", "审批备案证明"), CaseFixture.CLERK);
        HallCase h = a.hallCase();
        assertEquals("A17-20261127-0001", h.number());
        assertTrue(a.checkCode().matches("\\d{6}"));
        assertEquals(CaseState.ACCEPTED, h.state());
        assertEquals("G001", h.ticketNumber());
        assertEquals(97, h.window());
        assertEquals("rev-A17-001", h.matterRevision());
        assertEquals("411***********4515", h.applicantIdMasked());
        assertEquals(LocalDate.of(2026, 12, 8), h.deadline(), "7 working days after Friday 27 November");
        assertEquals("A17-20261127-0002", f.cases.accept(CaseFixture.online(CaseFixture.PASSPORT, "申请人居民身份证", "近期免冠彩色照片"),
                CaseFixture.CLERK).hallCase().number());
        assertEquals(List.of("case-accept/success", "case-accept/success"), f.auditActions());
        assertEquals("window:97", f.audit.get(0).origin());
        assertEquals(h.number(), f.audit.get(0).target());
        assertFalse(f.audit.get(0).detail().contains(CaseFixture.ID), "no unmasked identity number in the audit trail");
        assertEquals("ACCEPTED", f.events.get(0).type());
    }

    @Test
    void aWindowWithoutACalledTicketOrAnotherClerkCannotAccept() {
        f.signIn(97, "clerk1", null);
        CaseException none = assertThrows(CaseException.class, () -> f.cases.accept(
                CaseFixture.atWindow(CaseFixture.IMMEDIATE, "申请人居民身份证"), CaseFixture.CLERK));
        assertEquals("no-called-ticket", none.code());
        f.signIn(97, "clerk2", "G002");
        assertEquals("window-not-yours", assertThrows(CaseException.class, () -> f.cases.accept(
                CaseFixture.atWindow(CaseFixture.IMMEDIATE, "申请人居民身份证"), CaseFixture.CLERK)).code());
        assertEquals("window-not-signed-in", assertThrows(CaseException.class, () -> f.cases.accept(
                new AcceptRequest("A17-050", CaseFixture.applicant(), List.of("申请人居民身份证"), CaseChannel.WINDOW, 98, ""),
                CaseFixture.CLERK)).code());
    }

    @Test
    void aComprehensiveWindowAcceptsItsAreasMattersAndAUniversalWindowAny() {
        CaseException e = assertThrows(CaseException.class, () -> f.cases.accept(
                CaseFixture.atWindow(CaseFixture.STATISTICS, "申请表"), CaseFixture.CLERK));
        assertEquals("matter-of-another-zone", e.code());
        assertTrue(e.getMessage().contains("services-365"), e.getMessage());
        assertEquals("F001", f.cases.accept(CaseFixture.atUniversal(CaseFixture.STATISTICS, "申请表"), CaseFixture.CLERK)
                .hallCase().ticketNumber());
    }

    @Test
    void fromAcceptanceThroughSpecialStepsToClosedWithEveryStepTraced() {
        String no = f.cases.accept(CaseFixture.atWindow(CaseFixture.SURVEY, "申请书"), CaseFixture.CLERK).hallCase().number();
        CaseException early = assertThrows(CaseException.class, () -> f.cases.decide(no, true, "", CaseFixture.APPROVER_A17));
        assertEquals("special-steps-pending", early.code());
        HallCase s = f.cases.completeStep(no, SpecialStep.SITE_SURVEY, CaseFixture.APPROVER_A17);
        assertEquals(CaseState.SPECIAL_STEPS, s.state());
        assertEquals(java.util.Set.of(SpecialStep.HEARING), s.pendingSteps());
        assertEquals("step-not-pending", assertThrows(CaseException.class,
                () -> f.cases.completeStep(no, SpecialStep.SITE_SURVEY, CaseFixture.APPROVER_A17)).code());
        f.cases.completeStep(no, SpecialStep.HEARING, CaseFixture.APPROVER_A17);
        assertEquals("reason-required", assertThrows(CaseException.class, () -> f.cases.decide(no, false, " ", CaseFixture.APPROVER_A17)).code());
        HallCase approved = f.cases.decide(no, true, "符合条件", CaseFixture.APPROVER_A17);
        assertEquals(CaseState.APPROVED, approved.state());
        assertEquals("approver.a17", approved.decidedBy());
        assertFalse(approved.signedOffAtWindow());
        assertEquals(CaseState.RESULT_READY, f.cases.resultReady(no, CaseFixture.APPROVER_A17).state());
        HallCase delivered = f.cases.deliver(no, new Delivery(DeliveryMethod.ISSUANCE_WINDOW, "3", ""), CaseFixture.CLERK);
        assertEquals(CaseState.DELIVERED, delivered.state());
        assertEquals("", delivered.pickupCode());
        assertEquals(CaseState.CLOSED, f.cases.close(no, CaseFixture.CLERK).state());
        assertEquals(List.of("case-accept", "case-step", "case-step", "case-decide", "case-result-ready", "case-deliver", "case-close"),
                f.cases.history(no).stream().map(e -> e.action()).toList());
        assertEquals(List.of("ACCEPTED", "STEP_DONE", "STEP_DONE", "APPROVED", "RESULT_READY", "DELIVERED", "CLOSED"),
                f.events.stream().map(CaseEvent::type).toList());
        assertEquals(7, f.audit.size());
    }

    @Test
    void illegalTransitionsAreRefusedWithTheStatesNamed() {
        String no = f.cases.accept(CaseFixture.atWindow(CaseFixture.IMMEDIATE, "申请人居民身份证"), CaseFixture.CLERK).hallCase().number();
        CaseException e = assertThrows(CaseException.class, () -> f.cases.deliver(no, new Delivery(DeliveryMethod.ISSUANCE_WINDOW, "", ""),
                CaseFixture.CLERK));
        assertEquals(CaseException.Reason.CONFLICT, e.reason());
        assertEquals("illegal-transition", e.code());
        assertTrue(e.getMessage().contains("ACCEPTED") && e.getMessage().contains("DELIVERED"), e.getMessage());
        assertEquals("illegal-transition", assertThrows(CaseException.class, () -> f.cases.close(no, CaseFixture.CLERK)).code());
        assertEquals("illegal-transition", assertThrows(CaseException.class, () -> f.cases.resultReady(no, CaseFixture.CLERK)).code());
        f.cases.decide(no, false, "材料不实", CaseFixture.APPROVER_A17);
        assertEquals("illegal-transition", assertThrows(CaseException.class, () -> f.cases.decide(no, true, "", CaseFixture.APPROVER_A17)).code());
        assertEquals(CaseState.RESULT_READY, f.cases.resultReady(no, CaseFixture.CLERK).state());
        assertEquals(CaseState.DELIVERED, f.cases.deliver(no, Delivery.mail(Optional.of(CaseFixture.MAIL_TO), null, "SF1234567890"),
                CaseFixture.CLERK).state());
        assertEquals("SF1234567890", f.cases.find(no).orElseThrow().trackingNumber());
        assertEquals(CaseState.CLOSED, f.cases.close(no, CaseFixture.CLERK).state());
        assertEquals("illegal-transition", assertThrows(CaseException.class, () -> f.cases.close(no, CaseFixture.CLERK)).code());
        assertEquals("unknown-case", assertThrows(CaseException.class, () -> f.cases.close("A17-20261127-0099", CaseFixture.CLERK)).code());
    }

    @Test
    void theCitizenFindsTheCaseOnlyWithTheRightCheckCode() {
        AcceptedCase a = f.cases.accept(CaseFixture.atWindow(CaseFixture.IMMEDIATE, "申请人居民身份证"), CaseFixture.CLERK);
        String no = a.hallCase().number();
        assertEquals(no, f.cases.lookup(no, a.checkCode()).orElseThrow().number());
        String wrong = a.checkCode().equals("000000") ? "000001" : "000000";
        assertEquals(Optional.empty(), f.cases.lookup(no, wrong));
        assertEquals(Optional.empty(), f.cases.lookup(no, "abc"));
        assertEquals(Optional.empty(), f.cases.lookup("A17-20261127-0404", a.checkCode()));
    }

    @Test
    void wrongCheckCodesFromOthersDoNotLockTheCitizenOut() {
        AcceptedCase a = f.cases.accept(CaseFixture.atWindow(CaseFixture.IMMEDIATE, "申请人居民身份证"), CaseFixture.CLERK);
        String no = a.hallCase().number();
        String wrong = a.checkCode().equals("000000") ? "000001" : "000000";
        for (int i = 0; i < 20; i++) {
            assertEquals(Optional.empty(), f.cases.lookup(no, wrong));
        }
        assertTrue(f.cases.lookup(no, a.checkCode()).isPresent(), "guesses are limited per address in the web layer, not per case");
    }

    @Test
    void aRetriedAcceptanceWithTheSameKeyGivesTheSameCase() {
        AcceptRequest r = new AcceptRequest("A17-050", CaseFixture.applicant(), List.of("申请人居民身份证"), CaseChannel.ONLINE, 0, "k-1");
        AcceptedCase first = f.cases.accept(r, CaseFixture.CLERK);
        AcceptedCase again = f.cases.accept(r, CaseFixture.CLERK);
        assertTrue(again.replayed());
        assertEquals("", again.checkCode());
        assertEquals(first.hallCase().number(), again.hallCase().number());
        assertEquals(1, f.cases.cases(new CaseQuery(Optional.empty(), Optional.empty(), 10)).size());
    }

    @Test
    void backOfficeListsOnlyUndecidedCasesOfTheDepartmentAndOnlyItsApproversDecide() {
        String a17 = f.cases.accept(CaseFixture.atWindow(CaseFixture.PASSPORT, "申请人居民身份证", "近期免冠彩色照片", "审批备案证明"),
                CaseFixture.CLERK).hallCase().number();
        f.cases.accept(CaseFixture.online(CaseFixture.TRANSFER, "不动产登记申请书", "存量房买卖合同"), CaseFixture.CLERK);
        assertEquals(List.of(a17), f.cases.backOffice("A17").stream().map(HallCase::number).toList());
        CaseException other = assertThrows(CaseException.class, () -> f.cases.decide(a17, true, "", CaseFixture.APPROVER_A15));
        assertEquals(CaseException.Reason.FORBIDDEN, other.reason());
        assertEquals("out-of-department", other.code());
        assertEquals("not-an-approver", assertThrows(CaseException.class, () -> f.cases.decide(a17, true, "", CaseFixture.CLERK)).code());
        assertEquals("out-of-department", assertThrows(CaseException.class,
                () -> f.cases.decide(a17, true, "", CaseFixture.actor("approver1", "approver", null))).code());
        assertTrue(f.auditActions().contains("case-decide/refused"));
        f.cases.decide(a17, true, "", CaseFixture.DEPT_A17);
        assertEquals(List.of(), f.cases.backOffice("A17"));
    }
}
