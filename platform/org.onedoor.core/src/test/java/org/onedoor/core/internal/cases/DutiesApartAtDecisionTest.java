package org.onedoor.core.internal.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.cases.CaseState;
import org.onedoor.api.cases.LetterKind;
import org.onedoor.api.cases.LetterRequest;
import org.onedoor.api.staff.Post;
import org.onedoor.core.internal.staff.DutyRules;

/**
 * R17 at the decision, on the real migrated database: a user holding a post-approval supervision duty of a
 * case's unit is refused the approval, rejection, termination, correction and on-the-spot sign-off of its
 * cases, with the rule named and the refusal audited; the case stays as it was.
 */
class DutiesApartAtDecisionTest {

    private final CaseFixture f = new CaseFixture();
    /** The fixture's day: 2026-11-27. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    /** An active staff member of the unit for the user, as the registry keeps it. */
    private long member(String user, String unit, Post post, String number) {
        return f.database.inTransaction(h -> {
            if (h.createQuery("SELECT COUNT(*) FROM hall_user WHERE user_name = :n").bind("n", user).mapTo(Integer.class).one() == 0) {
                h.createUpdate("INSERT INTO hall_user (user_name, password_hash, disabled, changed_at) VALUES (:n, 'x', FALSE, :at)")
                        .bind("n", user).bind("at", Instant.EPOCH).execute();
            }
            return h.createUpdate("INSERT INTO staff_member (staff_no, real_name, unit_id, post, user_name, live_user, state, dispatched_on,"
                    + " created_at) VALUES (:no, :name, :unit, :post, :user, :user, 'ACTIVE', :on, :at)")
                    .bind("no", number).bind("name", "职员" + number).bind("unit", unit).bind("post", post.name()).bind("user", user)
                    .bind("on", TODAY.minusDays(30)).bind("at", Instant.EPOCH).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        });
    }

    private void supervises(long staffId, String user, String unit, String matter) {
        f.database.useTransaction(h -> h.createUpdate("INSERT INTO staff_duty (staff_id, user_name, duty, unit_id, matter_code, assigned_by,"
                + " assigned_at) VALUES (:s, :u, 'SUPERVISION', :unit, :m, 'admin', :at)").bind("s", staffId).bind("u", user)
                .bind("unit", unit).bind("m", matter).bind("at", Instant.EPOCH).execute());
    }

    private void dutiesEnd() {
        f.database.useTransaction(h -> h.createUpdate("UPDATE staff_duty SET ended_at = :at, ended_by = 'admin' WHERE ended_at IS NULL")
                .bind("at", Instant.EPOCH).execute());
    }

    private String passport() {
        return f.cases.accept(CaseFixture.atWindow(CaseFixture.PASSPORT, "申请人居民身份证", "近期免冠彩色照片", "审批备案证明"),
                CaseFixture.CLERK).hallCase().number();
    }

    private static CaseException keptApart(Executable what) {
        CaseException e = assertThrows(CaseException.class, what);
        assertEquals(DutyRules.CODE, e.code(), e.getMessage());
        assertEquals(CaseException.Reason.FORBIDDEN, e.reason());
        assertTrue(e.getMessage().contains("R17"), e.getMessage());
        return e;
    }

    @Test
    void theSupervisorOfTheMatterIsRefusedItsDecisionAndTheCaseWaits() {
        long approver = member("approver.a17", "A17", Post.SECTION_CHIEF, "ZW00010");
        supervises(approver, "approver.a17", "A17", "A17-001");
        String no = passport();
        CaseException e = keptApart(() -> f.cases.decide(no, true, "符合条件", CaseFixture.APPROVER_A17));
        assertTrue(e.getMessage().contains("A17-001") && e.getMessage().contains("批后监管"), e.getMessage());
        keptApart(() -> f.cases.decide(no, false, "材料不实", CaseFixture.APPROVER_A17));
        keptApart(() -> f.cases.terminate(no, "申请人未补正", CaseFixture.APPROVER_A17));
        assertEquals(CaseState.ACCEPTED, f.cases.find(no).orElseThrow().state(), "the refused decision left the case as it was");
        assertTrue(f.auditActions().contains("case-decide/refused"), f.auditActions().toString());
        assertTrue(f.auditActions().contains("case-terminate/refused"), f.auditActions().toString());

        dutiesEnd();
        assertEquals(CaseState.APPROVED, f.cases.decide(no, true, "符合条件", CaseFixture.APPROVER_A17).state(),
                "once the supervision duty ended, the user decides");
    }

    @Test
    void aSupervisionDutyOfAnotherMatterOfTheUnitAlsoStopsTheDecisionButNotOneOfAnotherUnit() {
        long approver = member("approver.a17", "A17", Post.SECTION_CHIEF, "ZW00010");
        supervises(approver, "approver.a17", "A15", "");
        String no = passport();
        String decided = f.cases.decide(no, true, "符合条件", CaseFixture.APPROVER_A17).number();
        assertEquals(CaseState.APPROVED, f.cases.find(decided).orElseThrow().state(), "supervising another unit keeps the user apart");

        supervises(approver, "approver.a17", "A17", "A17-018");
        CaseException e = keptApart(() -> f.cases.correct(no, false, "原决定适用依据错误", CaseFixture.APPROVER_A17));
        assertTrue(e.getMessage().contains("同一单位"), e.getMessage());
        assertEquals(CaseState.APPROVED, f.cases.find(no).orElseThrow().state());
        assertEquals(0, f.cases.find(no).orElseThrow().corrections());
        String other = passport();
        keptApart(() -> f.cases.decide(other, true, "", CaseFixture.APPROVER_A17));
        assertTrue(f.auditActions().contains("case-correct/refused"), f.auditActions().toString());
    }

    @Test
    void aWindowClerkSupervisingTheUnitIsRefusedTheOnTheSpotSignOff() {
        long clerk = member("clerk1", "A17", Post.WINDOW_STAFF, "ZW00001");
        f.authorizations.fileWithHall(f.authorizations.file(new LetterRequest("A17", LetterKind.WINDOW_STAFF, clerk, Set.of("A17-001"),
                TODAY, TODAY.plusDays(30)), CaseFixture.DEPT_A17).id(), CaseFixture.actor("operator1", "operator", null));
        supervises(clerk, "clerk1", "A17", "");
        String no = passport();
        keptApart(() -> f.cases.signOff(no, true, "", CaseFixture.CLERK));
        assertEquals(CaseState.ACCEPTED, f.cases.find(no).orElseThrow().state());
        assertTrue(f.auditActions().contains("case-sign-off/refused"), f.auditActions().toString());
        dutiesEnd();
        assertEquals(CaseState.APPROVED, f.cases.signOff(no, true, "", CaseFixture.CLERK).state());
    }
}
