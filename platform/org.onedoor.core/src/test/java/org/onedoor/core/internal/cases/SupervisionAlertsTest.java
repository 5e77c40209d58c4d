package org.onedoor.core.internal.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.onedoor.api.cases.AcceptedCase;
import org.onedoor.api.cases.AlertKind;
import org.onedoor.api.cases.CaseActor;
import org.onedoor.api.cases.Complaint;
import org.onedoor.api.cases.ComplaintChannel;
import org.onedoor.api.cases.ComplaintKind;
import org.onedoor.api.cases.ComplaintRequest;
import org.onedoor.api.cases.ConversionFlag;
import org.onedoor.api.cases.Delivery;
import org.onedoor.api.cases.DeliveryMethod;
import org.onedoor.api.cases.RatingFollowUp;
import org.onedoor.api.cases.SupervisionAlert;
import org.onedoor.api.hall.HallClock;
import org.onedoor.core.internal.complaint.ComplaintsConfig;
import org.onedoor.core.internal.complaint.HallComplaints;
import org.onedoor.core.internal.supervision.ComplaintAlerts;
import org.onedoor.core.internal.supervision.LateFollowUpAlerts;
import org.onedoor.core.internal.supervision.StandardsAlerts;

/**
 * R12's early warnings as they happen, not only in a period's report: the cases' supervision lists late follow-ups of
 * bad ratings, late complaints, open complaints about irregularities, R5 by slow complaints of a matters-only unit and
 * a matter handled under different limits, from the real tables (H2, real migrations, the shipped calendar). The
 * fixture's clock starts on Friday 2026-11-27, 10:00 in the hall; five working days end on Friday 2026-12-04.
 */
class SupervisionAlertsTest {

    private static final CaseActor SUPERVISOR = CaseFixture.actor("super1", "supervisor", null);

    private final CaseFixture f = new CaseFixture();
    private final HallComplaints complaints = new HallComplaints(f.database, f.outbox, f.calendar, CaseFixture.directory(), f.cases,
            HallClock.of(f.clock), complaintsConfig());

    SupervisionAlertsTest() {
        HallClock clock = HallClock.of(f.clock);
        f.supervisor.sources.add(new LateFollowUpAlerts(f.database, clock));
        f.supervisor.sources.add(new ComplaintAlerts(f.database, clock));
        f.supervisor.sources.add(new StandardsAlerts(f.database, clock));
    }

    private AcceptedCase finished() {
        AcceptedCase a = f.cases.accept(CaseFixture.atWindow(CaseFixture.IMMEDIATE, "申请人居民身份证"), CaseFixture.CLERK);
        String no = a.hallCase().number();
        f.cases.decide(no, true, "", CaseFixture.APPROVER_A17);
        f.cases.resultReady(no, CaseFixture.CLERK);
        f.cases.deliver(no, new Delivery(DeliveryMethod.ISSUANCE_WINDOW, "5号出件窗口", ""), CaseFixture.CLERK);
        return a;
    }

    private RatingFollowUp badRating(int clerkScore, int approverScore) {
        AcceptedCase a = finished();
        f.evaluations.rate(a.hallCase().number(), a.checkCode(), clerkScore, approverScore, "不满意");
        return f.followUps.list(Optional.empty(), "A17", 500).stream().filter(x -> x.caseNumber().equals(a.hallCase().number()))
                .findFirst().orElseThrow();
    }

    private Complaint complaint(ComplaintKind kind, String department) {
        return complaints.file(new ComplaintRequest(ComplaintChannel.CITIZEN_PAGE, kind, "王小红", "13812345678", department, "", 0,
                "反映的问题"), Optional.empty(), "10.1.2.3");
    }

    private List<SupervisionAlert> of(AlertKind kind, String department) {
        return f.supervisor.alerts(department).stream().filter(a -> a.kind() == kind).toList();
    }

    private void at(String instant) {
        f.clock.set(Instant.parse(instant));
    }

    @Test
    void aFollowUpPastItsDueDayIsListedAtOnceThenEscalatedAndGoesWhenReplied() {
        RatingFollowUp late = badRating(5, 2);
        RatingFollowUp onTime = badRating(1, 5);
        at("2026-12-01T02:00:00Z");
        f.followUps.callBack(onTime.id(), true, "已回访", CaseFixture.DEPT_A17);
        f.followUps.reply(onTime.id(), "已整改", CaseFixture.DEPT_A17);
        at("2026-12-04T09:00:00Z");
        assertEquals(List.of(), of(AlertKind.FOLLOW_UP_LATE, ""), "due today is not late yet");

        at("2026-12-05T02:00:00Z");
        List<SupervisionAlert> before = of(AlertKind.FOLLOW_UP_LATE, "");
        assertEquals(1, before.size(), before.toString());
        SupervisionAlert a = before.get(0);
        assertEquals(late.caseNumber(), a.subject());
        assertEquals("A17", a.departmentId());
        assertTrue(a.detail().contains("审批人员") && a.detail().contains("2026-12-04") && a.detail().endsWith("待上报大厅"), a.detail());
        assertEquals(Instant.parse("2026-12-04T16:00:00Z"), a.since(), "late from the first instant after the due day");
        assertEquals(List.of(late.id()), f.followUps.escalateLate().stream().map(RatingFollowUp::id).toList());
        SupervisionAlert escalated = of(AlertKind.FOLLOW_UP_LATE, "A17").get(0);
        assertTrue(escalated.detail().endsWith("已上报大厅"), escalated.detail());
        assertEquals(List.of(), of(AlertKind.FOLLOW_UP_LATE, "B01"), "another unit's list");
        assertEquals(1, f.followUps.figures(java.time.LocalDate.of(2026, 11, 27), java.time.LocalDate.of(2026, 11, 27)).stream()
                .filter(x -> x.dimension().equals("unit") && x.key().equals("A17")).findFirst().orElseThrow().late(), "counted late");

        f.followUps.callBack(late.id(), true, "已回访致歉", CaseFixture.DEPT_A17);
        f.followUps.reply(late.id(), "已优化流程", CaseFixture.DEPT_A17);
        assertEquals(List.of(), of(AlertKind.FOLLOW_UP_LATE, ""), "replied: nothing left to chase");
    }

    @Test
    void complaintsRaiseLateIrregularityAndR5AlertsOnlyForAMattersOnlyUnit() {
        Complaint fees = complaint(ComplaintKind.FEES, "A17");
        complaint(ComplaintKind.SLOW, "B01");
        complaint(ComplaintKind.SLOW, "A17");
        complaint(ComplaintKind.SLOW, "A17");
        assertEquals(List.of(), of(AlertKind.CONVERSION_DUE, ""), "one slow complaint against B01 is not yet repeated");
        assertEquals(List.of(), f.supervisor.conversionFlags(YearMonth.of(2026, 11)), "nor is it a conversion flag");
        List<SupervisionAlert> irregular = of(AlertKind.IRREGULARITY_COMPLAINT, "");
        assertEquals(List.of(fees.number()), irregular.stream().map(SupervisionAlert::subject).toList());
        assertTrue(irregular.get(0).detail().contains("违规收费"), irregular.get(0).detail());

        complaint(ComplaintKind.SLOW, "B01");
        List<SupervisionAlert> r5 = of(AlertKind.CONVERSION_DUE, "");
        assertEquals(1, r5.size(), "A17 has staff in the hall: " + r5);
        assertEquals("B01", r5.get(0).departmentId());
        assertEquals("2026-11", r5.get(0).subject());
        assertTrue(r5.get(0).detail().contains("办事拖延投诉 2 件（≥2）"), r5.get(0).detail());
        assertEquals(List.of(), of(AlertKind.CONVERSION_DUE, "A17"));
        ConversionFlag flag = new ConversionFlag("B01", YearMonth.of(2026, 11), 0, 10, 2, 2);
        assertEquals(List.of(flag), f.supervisor.conversionFlags(YearMonth.of(2026, 11)), "the flags count slow complaints too");
        assertTrue(flag.bySlowComplaints() && !flag.byCases());
        assertFalse(r5.get(0).detail().contains("本月已有"), "not flagged by cases: " + r5.get(0).detail());

        at("2026-12-05T02:00:00Z");
        assertEquals(List.of(), of(AlertKind.CONVERSION_DUE, ""), "a new month starts counting again");
        assertEquals(List.of(), f.supervisor.conversionFlags(YearMonth.of(2026, 12)));
        assertEquals(1, f.supervisor.conversionFlags(YearMonth.of(2026, 11)).size(), "November stays flagged");
        List<SupervisionAlert> late = of(AlertKind.COMPLAINT_LATE, "A17");
        assertEquals(3, late.size(), "due 2026-12-04, not replied: " + late);
        assertTrue(late.get(0).detail().contains("单位未按期答复"), late.get(0).detail());
        complaints.reply(fees.number(), "已退还多收的费用", CaseFixture.DEPT_A17);
        complaints.respond(fees.number(), true, "投诉人认可", SUPERVISOR);
        assertEquals(List.of(), of(AlertKind.IRREGULARITY_COMPLAINT, ""), "closed with the complainant's acceptance");
        assertEquals(2, of(AlertKind.COMPLAINT_LATE, "A17").size());
    }

    @Test
    void theSameMatterUnderDifferentCommittedLimitsIsAnInconsistentStandard() {
        String first = f.cases.accept(CaseFixture.atWindow(CaseFixture.IMMEDIATE, "申请人居民身份证"), CaseFixture.CLERK).hallCase().number();
        f.signIn(97, "clerk1", "G002");
        f.cases.accept(CaseFixture.atWindow(CaseFixture.IMMEDIATE, "申请人居民身份证"), CaseFixture.CLERK);
        assertEquals(List.of(), of(AlertKind.INCONSISTENT_STANDARD, ""));
        f.database.useTransaction(h -> h.createUpdate("UPDATE hall_case SET committed_days = 3 WHERE case_no = :no").bind("no", first).execute());
        List<SupervisionAlert> found = of(AlertKind.INCONSISTENT_STANDARD, "");
        assertEquals(1, found.size(), found.toString());
        assertEquals("A17-050", found.get(0).subject());
        assertTrue(found.get(0).detail().contains("0 个工作日 1 件，3 个工作日 1 件"), found.get(0).detail());
        assertEquals(List.of(), of(AlertKind.INCONSISTENT_STANDARD, "B01"));
        at("2027-01-05T02:00:00Z");
        assertEquals(List.of(), of(AlertKind.INCONSISTENT_STANDARD, ""), "older than the window compared");
    }

    private static ComplaintsConfig complaintsConfig() {
        return new ComplaintsConfig() {
            @Override public Class<? extends Annotation> annotationType() { return ComplaintsConfig.class; }
            @Override public int assignWorkingDays() { return 1; }
            @Override public int replyWorkingDays() { return 5; }
            @Override public int roundsBeforeClosing() { return 2; }
        };
    }
}
