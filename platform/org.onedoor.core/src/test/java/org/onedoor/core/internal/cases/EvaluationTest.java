package org.onedoor.core.internal.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.cases.AcceptedCase;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.cases.Delivery;
import org.onedoor.api.cases.DeliveryMethod;
import org.onedoor.api.cases.Evaluation;
import org.onedoor.api.cases.EvaluationRequest;
import org.onedoor.api.cases.RatingChannel;
import org.onedoor.api.cases.RatingFollowUp;
import org.onedoor.api.cases.RatingLevel;
import org.onedoor.api.cases.RatingParty;
import org.onedoor.api.cases.RatingReport;
import org.onedoor.api.cases.RatingSummary;

/**
 * R18 (好差评) on a real migrated H2 store: the front clerk and the back-office approver rated
 * separately at five levels with reasons, channel and the masked applicant; one rating per party,
 * changed within seven days into a new version (history and audit), refused after; a bad level
 * opens the follow-up; aggregates for the supervisor; the old 1..5 scores still accepted.
 */
class EvaluationTest {

    private final CaseFixture f = new CaseFixture();

    private AcceptedCase finished() {
        AcceptedCase a = f.cases.accept(CaseFixture.atWindow(CaseFixture.IMMEDIATE, "申请人居民身份证"), CaseFixture.CLERK);
        String no = a.hallCase().number();
        f.cases.decide(no, true, "", CaseFixture.APPROVER_A17);
        f.cases.resultReady(no, CaseFixture.CLERK);
        f.cases.deliver(no, new Delivery(DeliveryMethod.ISSUANCE_WINDOW, "5号出件窗口", ""), CaseFixture.CLERK);
        return a;
    }

    private Evaluation rate(AcceptedCase a, RatingParty party, RatingLevel level, List<String> reasons, String comment, RatingChannel channel) {
        return f.evaluations.evaluate(new EvaluationRequest(a.hallCase().number(), a.checkCode(), party, level, reasons, comment, channel));
    }

    private static CaseException refused(String code, Executable what) {
        CaseException e = assertThrows(CaseException.class, what);
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    private List<AuditEvent> audited(String action, String caseNumber) {
        return f.audit.stream().filter(e -> e.action().equals(action) && e.target().equals(caseNumber)).toList();
    }

    private List<RatingFollowUp> followUps(AcceptedCase a) {
        return f.followUps.list(Optional.empty(), "A17", 500).stream().filter(x -> x.caseNumber().equals(a.hallCase().number())).toList();
    }

    @Test
    void theOldScoresAreStillAcceptedAndAggregated() {
        AcceptedCase open = f.cases.accept(CaseFixture.atWindow(CaseFixture.IMMEDIATE, "申请人居民身份证"), CaseFixture.CLERK);
        refused("not-finished", () -> f.evaluations.rate(open.hallCase().number(), open.checkCode(), 5, 5, ""));
        AcceptedCase a = finished();
        AcceptedCase b = finished();
        String wrong = a.checkCode().equals("000000") ? "000001" : "000000";
        refused("unknown-case", () -> f.evaluations.rate(a.hallCase().number(), wrong, 5, 5, ""));
        assertEquals("approverScore", refused("invalid-score", () -> f.evaluations.rate(a.hallCase().number(), a.checkCode(), 5, 6, ""))
                .field());
        f.evaluations.rate(a.hallCase().number(), a.checkCode(), 5, 4, "很好，电话13812345678");
        f.evaluations.rate(a.hallCase().number(), a.checkCode(), 5, 4, "很好，电话13812345678");
        assertEquals(1, f.evaluations.history(a.hallCase().number()).stream().filter(e -> e.party() == RatingParty.FRONT).count(),
                "an identical repeat is no new version");
        f.evaluations.rate(b.hallCase().number(), b.checkCode(), 2, 1, "");
        List<Evaluation> stored = f.evaluations.evaluations(a.hallCase().number(), a.checkCode());
        assertEquals(List.of(RatingLevel.VERY_SATISFIED, RatingLevel.SATISFIED), stored.stream().map(Evaluation::level).toList());
        assertFalse(stored.get(0).comment().contains("13812345678"));
        assertEquals(RatingChannel.CITIZEN_PAGE, stored.get(0).channel());
        RatingReport r = f.evaluations.report();
        assertEquals(new RatingSummary("clerk1", 2, 3.5, 1), r.clerks().get(0));
        assertEquals(new RatingSummary("approver.a17", 2, 2.5, 1), r.approvers().get(0));
        assertEquals(new RatingSummary("A17", 2, 3.0, 1), r.departments().get(0));
        assertEquals(2, followUps(b).size());
    }

    @Test
    void theFrontClerkAndTheBackOfficeAreRatedSeparatelyWithChannelAndTheApplicantMasked() {
        AcceptedCase a = finished();
        String no = a.hallCase().number();
        Evaluation front = rate(a, RatingParty.FRONT, RatingLevel.VERY_SATISFIED, List.of("G01", "G03"), "", RatingChannel.WINDOW_PAD);
        assertEquals("clerk1", front.subject());
        assertEquals(1, front.revision());
        assertEquals(f.clock.instant().plus(Duration.ofDays(7)), front.changeableUntil());
        assertEquals(List.of(RatingParty.FRONT), f.evaluations.evaluations(no, a.checkCode()).stream().map(Evaluation::party).toList());
        Evaluation back = rate(a, RatingParty.BACK, RatingLevel.SATISFIED, List.of(), "", RatingChannel.NOTIFICATION_LINK);
        assertEquals("approver.a17", back.subject());
        List<Evaluation> both = f.evaluations.evaluations(no, a.checkCode());
        assertEquals(List.of(RatingChannel.WINDOW_PAD, RatingChannel.NOTIFICATION_LINK), both.stream().map(Evaluation::channel).toList());
        assertEquals(List.of("G01", "G03"), both.get(0).reasons());
        assertEquals("张* 411***********4515", both.get(0).citizen());
        assertFalse(both.toString().contains(CaseFixture.ID));
        List<AuditEvent> rated = audited("case-rate", no);
        assertEquals(2, rated.size());
        assertTrue(rated.get(0).detail().contains("FRONT") && rated.get(0).detail().contains("非常满意") && rated.get(0).detail().contains("WINDOW_PAD"),
                rated.get(0).detail());
        assertFalse(rated.toString().contains(CaseFixture.ID));
        assertTrue(followUps(a).isEmpty());
        refused("reason-not-offered", () -> rate(a, RatingParty.BACK, RatingLevel.SATISFIED, List.of("B04"), "", RatingChannel.KIOSK));
        AcceptedCase open = f.cases.accept(CaseFixture.atWindow(CaseFixture.IMMEDIATE, "申请人居民身份证"), CaseFixture.CLERK);
        refused("not-finished", () -> rate(open, RatingParty.FRONT, RatingLevel.SATISFIED, List.of(), "", RatingChannel.KIOSK));
        String wrong = a.checkCode().equals("000000") ? "000001" : "000000";
        refused("unknown-case", () -> f.evaluations.evaluate(new EvaluationRequest(no, wrong, RatingParty.FRONT, RatingLevel.SATISFIED,
                List.of(), "", RatingChannel.KIOSK)));
        refused("unknown-case", () -> f.evaluations.evaluate(new EvaluationRequest("A17-20261127-9999", a.checkCode(), RatingParty.FRONT,
                RatingLevel.SATISFIED, List.of(), "", RatingChannel.KIOSK)));
    }

    @Test
    void aChangeWithinTheDaysIsANewVersionOpensTheFollowUpWhenBadAndIsRefusedAfter() {
        AcceptedCase a = finished();
        String no = a.hallCase().number();
        Evaluation first = rate(a, RatingParty.FRONT, RatingLevel.SATISFIED, List.of("G02"), "", RatingChannel.KIOSK);
        f.clock.advance(Duration.ofDays(6));
        Evaluation changed = rate(a, RatingParty.FRONT, RatingLevel.DISSATISFIED, List.of("B04"), "回家后发现证件信息有误，电话13812345678",
                RatingChannel.CITIZEN_PAGE);
        assertEquals(2, changed.revision());
        assertEquals(first.ratedAt(), changed.ratedAt());
        assertEquals(f.clock.instant(), changed.changedAt());
        assertEquals(first.changeableUntil(), changed.changeableUntil());
        List<Evaluation> history = f.evaluations.history(no);
        assertEquals(List.of(RatingLevel.SATISFIED, RatingLevel.DISSATISFIED), history.stream().map(Evaluation::level).toList());
        assertEquals(List.of(RatingChannel.KIOSK, RatingChannel.CITIZEN_PAGE), history.stream().map(Evaluation::channel).toList());
        List<AuditEvent> change = audited("case-rate-change", no);
        assertEquals(1, change.size());
        assertEquals(AuditEvent.SUCCESS, change.get(0).outcome());
        assertTrue(change.get(0).detail().contains("由 满意（4）改为") && change.get(0).detail().contains("不满意"), change.get(0).detail());
        List<RatingFollowUp> opened = followUps(a);
        assertEquals(1, opened.size());
        assertEquals("CLERK", opened.get(0).party());
        assertEquals(2, opened.get(0).score());
        assertFalse(opened.get(0).comment().contains("13812345678"));

        rate(a, RatingParty.FRONT, RatingLevel.VERY_DISSATISFIED, List.of("B04", "B05"), "", RatingChannel.CITIZEN_PAGE);
        assertEquals(1, followUps(a).size(), "one follow-up per case and party");

        f.clock.advance(Duration.ofDays(1).plusMinutes(1));
        refused("change-period-over", () -> rate(a, RatingParty.FRONT, RatingLevel.VERY_SATISFIED, List.of(), "", RatingChannel.CITIZEN_PAGE));
        assertEquals(RatingLevel.VERY_DISSATISFIED, f.evaluations.evaluations(no, a.checkCode()).get(0).level());
        assertEquals(3, f.evaluations.history(no).size());
        assertEquals(List.of(AuditEvent.SUCCESS, AuditEvent.SUCCESS, AuditEvent.REFUSED),
                audited("case-rate-change", no).stream().map(AuditEvent::outcome).toList());
        Evaluation back = rate(a, RatingParty.BACK, RatingLevel.VERY_DISSATISFIED, List.of("B03"), "", RatingChannel.NOTIFICATION_LINK);
        assertEquals(1, back.revision(), "the back office has a rating of its own, and its own days");
        assertEquals(List.of("APPROVER", "CLERK"), followUps(a).stream().map(RatingFollowUp::party).sorted().toList());
    }
}
