package org.onedoor.core.internal.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.cases.AcceptedCase;
import org.onedoor.api.cases.CaseActor;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.cases.Delivery;
import org.onedoor.api.cases.DeliveryMethod;
import org.onedoor.api.cases.FollowUpFigures;
import org.onedoor.api.cases.FollowUpState;
import org.onedoor.api.cases.RatingFollowUp;
import org.onedoor.api.cases.TimeLight;

/**
 * R18's closed loop on real cases, a real migrated database and the shipped calendar: a bad rating
 * opens its follow-up with the rating; on time, late (escalated) and disputed follow-ups, and the figures.
 * The fixture's clock starts on Friday 2026-11-27, 10:00 in the hall; five working days end on Friday 2026-12-04.
 */
class RatingFollowUpTest {

    private static final LocalDate FRIDAY = LocalDate.of(2026, 11, 27);
    private static final CaseActor SUPERVISOR = CaseFixture.actor("super1", "supervisor", null);
    private static final CaseActor DEPT_A26 = CaseFixture.actor("dept.a26", "department", "A26");

    private final CaseFixture f = new CaseFixture();

    private AcceptedCase finished() {
        AcceptedCase a = f.cases.accept(CaseFixture.atWindow(CaseFixture.IMMEDIATE, "申请人居民身份证"), CaseFixture.CLERK);
        String no = a.hallCase().number();
        f.cases.decide(no, true, "", CaseFixture.APPROVER_A17);
        f.cases.resultReady(no, CaseFixture.CLERK);
        f.cases.deliver(no, new Delivery(DeliveryMethod.ISSUANCE_WINDOW, "5号出件窗口", ""), CaseFixture.CLERK);
        return a;
    }

    private List<RatingFollowUp> rated(int clerkScore, int approverScore, String comment) {
        AcceptedCase a = finished();
        f.evaluations.rate(a.hallCase().number(), a.checkCode(), clerkScore, approverScore, comment);
        return f.followUps.list(Optional.empty(), "A17", 500).stream().filter(x -> x.caseNumber().equals(a.hallCase().number())).toList();
    }

    private FollowUpFigures figures(String dimension, String key) {
        return f.followUps.figures(FRIDAY, FRIDAY).stream().filter(x -> x.dimension().equals(dimension) && x.key().equals(key))
                .findFirst().orElseThrow(() -> new AssertionError("no figures for " + dimension + " " + key));
    }

    private static CaseException refused(String code, Executable what) {
        CaseException e = assertThrows(CaseException.class, what);
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    private List<String> audited() {
        return f.audit.stream().map(e -> e.action() + "/" + e.outcome()).toList();
    }

    private void at(String instant) {
        f.clock.set(Instant.parse(instant));
    }

    @Test
    void aBadRatingIsFollowedUpOnTimeByTheCasesUnitAndClosedWithTheCitizensAnswer() {
        assertEquals(List.of(), rated(4, 3, "还行"), "3 and more open nothing");
        List<RatingFollowUp> opened = rated(1, 5, "窗口态度生硬，电话13812345678");
        assertEquals(1, opened.size());
        RatingFollowUp fu = opened.get(0);
        assertEquals("CLERK", fu.party());
        assertEquals("clerk1", fu.subject());
        assertEquals("A17", fu.departmentId());
        assertEquals(1, fu.score());
        assertEquals(FollowUpState.OPEN, fu.state());
        assertEquals(LocalDate.of(2026, 12, 4), fu.due(), "Friday + 5 working days");
        assertEquals(TimeLight.GREEN, fu.light());
        assertFalse(fu.comment().contains("13812345678"), "the stored comment is masked: " + fu.comment());
        assertTrue(audited().contains("follow-up-open/success"), audited().toString());

        refused("not-your-follow-up", () -> f.followUps.callBack(fu.id(), true, "不是我们的", DEPT_A26));
        refused("not-your-follow-up", () -> f.followUps.callBack(fu.id(), true, "窗口人员自己回访", CaseFixture.CLERK));
        refused("illegal-transition", () -> f.followUps.reply(fu.id(), "先答复", CaseFixture.DEPT_A17));
        assertTrue(audited().contains("follow-up-callback/refused"), audited().toString());

        at("2026-12-01T02:00:00Z");
        RatingFollowUp called = f.followUps.callBack(fu.id(), true, "已电话回访，群众反映窗口解释不耐心", CaseFixture.DEPT_A17);
        assertEquals(FollowUpState.CALLED_BACK, called.state());
        assertEquals(Optional.of(true), called.justified());
        refused("rating-justified", () -> f.followUps.dispute(fu.id(), "不认可", CaseFixture.DEPT_A17));
        RatingFollowUp replied = f.followUps.reply(fu.id(), "已对窗口人员批评教育，并组织服务规范培训", CaseFixture.APPROVER_A17);
        assertEquals(FollowUpState.REPLIED, replied.state());
        assertTrue(replied.repliedAt().isPresent());
        assertTrue(replied.onTime(CaseFixture.HALL_ZONE));
        refused("not-hall-staff", () -> f.followUps.close(fu.id(), true, "", CaseFixture.DEPT_A17));
        RatingFollowUp closed = f.followUps.close(fu.id(), true, "", SUPERVISOR);
        assertEquals(FollowUpState.CLOSED, closed.state());
        assertEquals(Optional.of(true), closed.satisfied());
        assertEquals("群众认可整改答复", closed.decision());
        assertEquals(TimeLight.GREEN, closed.light());

        FollowUpFigures unit = figures("unit", "A17");
        assertEquals(2, unit.finished());
        assertEquals(2, unit.rated());
        assertEquals(4, unit.scores(), "a unit counts both scores of a case");
        assertEquals(4, unit.effective());
        assertEquals(1, unit.bad());
        assertEquals(1, unit.repliedOnTime());
        assertEquals(0, unit.late());
        assertEquals(1.0, unit.ratingRate());
        assertEquals(0.25, unit.badShare());
        assertEquals(1.0, unit.onTimeRate());
        FollowUpFigures window = figures("window", "97");
        assertEquals(2, window.scores(), "a window counts its clerk's score");
        assertEquals(1, window.bad());
        assertEquals(1, figures("person", "clerk1").bad());
        assertEquals(0, figures("person", "approver.a17").bad());
        assertEquals(2, figures("person", "approver.a17").scores());
    }

    @Test
    void aLateFollowUpTurnsYellowThenRedIsEscalatedOnceAndCountsLate() {
        RatingFollowUp fu = rated(5, 2, "审批太慢").get(0);
        assertEquals("APPROVER", fu.party());
        assertEquals("approver.a17", fu.subject());
        at("2026-12-01T02:00:00Z");
        assertEquals(TimeLight.GREEN, f.followUps.find(fu.id()).orElseThrow().light(), "2 of 5 working days used");
        at("2026-12-02T02:00:00Z");
        assertEquals(TimeLight.YELLOW, f.followUps.find(fu.id()).orElseThrow().light(), "3 of 5 is the yellow share 0.6");
        at("2026-12-04T09:00:00Z");
        assertEquals(List.of(), f.followUps.escalateLate(), "due today is not late yet");
        FollowUpFigures dueToday = figures("unit", "A17");
        assertEquals(1, dueToday.open());
        assertEquals(0, dueToday.late());

        at("2026-12-05T02:00:00Z");
        assertEquals(List.of(fu.id()), f.followUps.escalateLate().stream().map(RatingFollowUp::id).toList());
        RatingFollowUp escalated = f.followUps.find(fu.id()).orElseThrow();
        assertTrue(escalated.escalatedAt().isPresent());
        assertEquals(TimeLight.RED, escalated.light());
        assertEquals(List.of(), f.followUps.escalateLate(), "escalated once");
        assertTrue(audited().contains("follow-up-escalate/success"), audited().toString());
        assertEquals(1, figures("unit", "A17").late(), "not replied past its due day is late");

        f.followUps.callBack(fu.id(), true, "已回访致歉", CaseFixture.DEPT_A17);
        RatingFollowUp replied = f.followUps.reply(fu.id(), "已优化审批流程，承诺时限压缩一半", CaseFixture.DEPT_A17);
        assertFalse(replied.onTime(CaseFixture.HALL_ZONE));
        assertEquals(TimeLight.RED, replied.light(), "replied late stays red");
        assertTrue(replied.escalatedAt().isPresent());
        FollowUpFigures unit = figures("unit", "A17");
        assertEquals(1, unit.late());
        assertEquals(0, unit.repliedOnTime());
        assertEquals(0.0, unit.onTimeRate());
        assertEquals(1, figures("person", "approver.a17").late());
        assertEquals(0, figures("window", "97").bad(), "the window counts only its clerk's score");
    }

    @Test
    void anUnjustifiedRatingIsDisputedWithEvidenceAndDecidedByTheHall() {
        List<RatingFollowUp> both = rated(2, 1, "不满意");
        assertEquals(2, both.size(), "each bad score has its own follow-up");
        RatingFollowUp clerk = both.stream().filter(x -> x.party().equals("CLERK")).findFirst().orElseThrow();
        RatingFollowUp approver = both.stream().filter(x -> x.party().equals("APPROVER")).findFirst().orElseThrow();

        f.followUps.callBack(clerk.id(), false, "回访：群众对政策规定不满，非窗口服务问题", CaseFixture.DEPT_A17);
        RatingFollowUp disputed = f.followUps.dispute(clerk.id(), "窗口录像及政策文件，办理符合规定", CaseFixture.DEPT_A17);
        assertEquals(FollowUpState.DISPUTED, disputed.state());
        refused("not-hall-staff", () -> f.followUps.decide(clerk.id(), true, "自己裁定", CaseFixture.DEPT_A17));
        refused("missing-note", () -> f.followUps.decide(clerk.id(), true, " ", SUPERVISOR));
        RatingFollowUp upheld = f.followUps.decide(clerk.id(), true, "经核实属于误评，予以剔除", SUPERVISOR);
        assertEquals(FollowUpState.CLOSED, upheld.state());
        assertTrue(upheld.excluded());
        assertTrue(audited().contains("follow-up-dispute-upheld/success"), audited().toString());

        f.followUps.callBack(approver.id(), false, "回访：群众认为审批太严", CaseFixture.DEPT_A17);
        f.followUps.dispute(approver.id(), "审批依据法规第十条", CaseFixture.DEPT_A17);
        RatingFollowUp back = f.followUps.decide(approver.id(), false, "证据不足，请单位整改答复", SUPERVISOR);
        assertEquals(FollowUpState.CALLED_BACK, back.state());
        assertFalse(back.excluded());
        refused("already-disputed", () -> f.followUps.dispute(approver.id(), "再次申诉", CaseFixture.DEPT_A17));
        f.followUps.reply(approver.id(), "已向群众解释审批依据", CaseFixture.DEPT_A17);

        FollowUpFigures unit = figures("unit", "A17");
        assertEquals(2, unit.scores());
        assertEquals(1, unit.excluded());
        assertEquals(1, unit.effective(), "the mistaken rating is no rating");
        assertEquals(1, unit.bad());
        assertEquals(1.0, unit.badShare());
        assertEquals(1, unit.repliedOnTime());
        assertEquals(1, figures("person", "clerk1").excluded());
        assertEquals(0, figures("person", "clerk1").bad());
    }

    @Test
    void badRatingsStoredWithoutAFollowUpAreOpenedByTheWatchOnce() {
        rated(1, 2, "");
        f.database.useTransaction(h -> h.execute("DELETE FROM rating_follow_up"));
        assertEquals(2, f.followUps.openMissed());
        assertEquals(0, f.followUps.openMissed());
        assertEquals(2, f.followUps.list(Optional.of(FollowUpState.OPEN), "A17", 10).size());
        assertEquals(0, f.followUps.list(Optional.of(FollowUpState.OPEN), "A26", 10).size());
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        RatingFollowUp fu = rated(1, 5, "").get(0);
        assertEquals("callback", refused("missing-callback", () -> f.followUps.callBack(fu.id(), true, "  ", CaseFixture.DEPT_A17)).field());
        assertEquals("callback", refused("invalid-callback", () -> f.followUps.callBack(fu.id(), true, "长".repeat(1001),
                CaseFixture.DEPT_A17)).field());
        refused("unknown-follow-up", () -> f.followUps.callBack(fu.id() + 100, true, "回访", CaseFixture.DEPT_A17));
        assertEquals("limit", refused("invalid-limit", () -> f.followUps.list(Optional.empty(), "", 0)).field());
        assertEquals("to", refused("invalid-period", () -> f.followUps.figures(FRIDAY, FRIDAY.minusDays(1))).field());
        assertEquals(FollowUpState.OPEN, f.followUps.find(fu.id()).orElseThrow().state(), "nothing was stored");
        assertTrue(f.audit.stream().filter(e -> e.outcome().equals(AuditEvent.REFUSED)).count() >= 3);
    }
}
