package org.onedoor.core.internal.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.onedoor.api.cases.AcceptedCase;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.cases.Delivery;
import org.onedoor.api.cases.DeliveryMethod;
import org.onedoor.api.cases.RatingReport;
import org.onedoor.api.cases.RatingSummary;
import org.junit.jupiter.api.Test;

/** R18: the applicant rates clerk and approver once after completion; aggregates for the supervisor. */
class EvaluationTest {

    private final CaseFixture f = new CaseFixture();

    private AcceptedCase finished(String approverScoreHint) {
        AcceptedCase a = f.cases.accept(CaseFixture.atWindow(CaseFixture.IMMEDIATE, "申请人居民身份证"), CaseFixture.CLERK);
        String no = a.hallCase().number();
        f.cases.decide(no, true, approverScoreHint, CaseFixture.APPROVER_A17);
        f.cases.resultReady(no, CaseFixture.CLERK);
        f.cases.deliver(no, new Delivery(DeliveryMethod.ISSUANCE_WINDOW, "5号出件窗口", ""), CaseFixture.CLERK);
        return a;
    }

    @Test
    void ratedOnceAfterDeliveryAndAggregated() {
        AcceptedCase open = f.cases.accept(CaseFixture.atWindow(CaseFixture.IMMEDIATE, "申请人居民身份证"), CaseFixture.CLERK);
        assertEquals("not-finished", assertThrows(CaseException.class,
                () -> f.evaluations.rate(open.hallCase().number(), open.checkCode(), 5, 5, "")).code());
        AcceptedCase a = finished("");
        AcceptedCase b = finished("");
        String wrong = a.checkCode().equals("000000") ? "000001" : "000000";
        assertEquals("unknown-case", assertThrows(CaseException.class, () -> f.evaluations.rate(a.hallCase().number(), wrong, 5, 5, "")).code());
        assertEquals("invalid-score", assertThrows(CaseException.class,
                () -> f.evaluations.rate(a.hallCase().number(), a.checkCode(), 6, 5, "")).code());
        f.evaluations.rate(a.hallCase().number(), a.checkCode(), 5, 4, "很好，电话13812345678");
        assertEquals("already-rated", assertThrows(CaseException.class,
                () -> f.evaluations.rate(a.hallCase().number(), a.checkCode(), 1, 1, "")).code());
        f.evaluations.rate(b.hallCase().number(), b.checkCode(), 2, 1, "");
        RatingReport r = f.evaluations.report();
        assertEquals(new RatingSummary("clerk1", 2, 3.5, 1), r.clerks().get(0));
        assertEquals(new RatingSummary("approver.a17", 2, 2.5, 1), r.approvers().get(0));
        assertEquals("A17", r.departments().get(0).subject());
        assertEquals(2, r.departments().get(0).count());
        assertEquals(3.0, r.departments().get(0).average());
        assertEquals(1, r.departments().get(0).bad());
    }
}
