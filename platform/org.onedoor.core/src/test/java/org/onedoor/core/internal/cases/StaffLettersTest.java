package org.onedoor.core.internal.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onedoor.api.cases.AuthorizationLetter;
import org.onedoor.api.cases.CaseActor;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.cases.CaseState;
import org.onedoor.api.cases.LetterKind;
import org.onedoor.api.cases.LetterRequest;
import org.onedoor.api.cases.LetterStanding;
import org.onedoor.api.staff.Post;
import org.onedoor.core.internal.staff.DutyRules;

/**
 * R6 letters tied to the staff registry, on the real migrated database: the kind is the member's post,
 * the letter is in force only once filed with the hall and within its period, an expired letter stops
 * on-the-spot sign-off, and a section chief supervising a matter is refused its letter (R17).
 */
class StaffLettersTest {

    private final CaseFixture f = new CaseFixture();
    /** The fixture's day: 2026-11-27. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private static final CaseActor HALL = CaseFixture.actor("operator1", "operator", null);

    /** An active staff member of the unit, as the registry keeps it (hall_user and staff_member rows). */
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

    private String passport() {
        return f.cases.accept(CaseFixture.atWindow(CaseFixture.PASSPORT, "申请人居民身份证", "近期免冠彩色照片", "审批备案证明"),
                CaseFixture.CLERK).hallCase().number();
    }

    private static CaseException refused(String code, org.junit.jupiter.api.function.Executable what) {
        CaseException e = assertThrows(CaseException.class, what);
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    @Test
    void aLetterToARegisteredClerkIsInForceOnlyOnceFiledWithTheHallAndUntilItExpires() {
        long clerk = member("clerk1", "A17", Post.WINDOW_STAFF, "ZW00001");
        AuthorizationLetter letter = f.authorizations.file(new LetterRequest("A17", LetterKind.WINDOW_STAFF, clerk, Set.of("A17-001"),
                TODAY, TODAY.plusDays(3)), CaseFixture.DEPT_A17);
        assertEquals(Optional.of(LetterKind.WINDOW_STAFF), letter.kind());
        assertEquals("clerk1", letter.staff(), "the letter names the member's user");
        assertEquals(LetterStanding.NOT_FILED_WITH_HALL, f.authorizations.standing("clerk1", "A17-001"));
        String first = passport();
        refused("letter-not-filed", () -> f.cases.signOff(first, true, "", CaseFixture.CLERK));

        refused("not-hall-staff", () -> f.authorizations.fileWithHall(letter.id(), CaseFixture.DEPT_A17));
        AuthorizationLetter filed = f.authorizations.fileWithHall(letter.id(), HALL);
        assertEquals(Optional.of("operator1"), filed.hallFiledBy());
        refused("letter-not-to-file", () -> f.authorizations.fileWithHall(letter.id(), HALL));
        assertTrue(f.authorizations.authorized("clerk1", "A17-001"));
        assertEquals(CaseState.APPROVED, f.cases.signOff(first, true, "", CaseFixture.CLERK).state());

        f.clock.advance(Duration.ofDays(4)); // 2026-12-01: the period ended on 11-30
        assertEquals(LetterStanding.EXPIRED, f.authorizations.standing("clerk1", "A17-001"));
        assertFalse(f.authorizations.authorized("clerk1", "A17-001"));
        String second = passport();
        CaseException e = refused("letter-expired", () -> f.cases.signOff(second, true, "", CaseFixture.CLERK));
        assertEquals(CaseException.Reason.FORBIDDEN, e.reason());
        assertTrue(e.getMessage().contains("过有效期"), e.getMessage());
        assertEquals(CaseState.ACCEPTED, f.cases.find(second).orElseThrow().state(), "the case waits in the back office");
        assertTrue(f.auditActions().contains("case-sign-off/refused"));
    }

    @Test
    void theLetterIsWrittenToAnActiveMemberOfTheDepartmentOfTheKindOfItsPostForAPeriod() {
        long clerk = member("clerk1", "A17", Post.WINDOW_STAFF, "ZW00001");
        long other = member("clerk.a15", "A15", Post.WINDOW_STAFF, "ZW00002");
        CaseException kind = refused("kind-not-post", () -> f.authorizations.file(new LetterRequest("A17", LetterKind.SECTION_CHIEF, clerk,
                Set.of("A17-001"), TODAY, TODAY.plusDays(30)), CaseFixture.DEPT_A17));
        assertEquals("kind", kind.field());
        assertEquals("staffId", refused("staff-not-of-department", () -> f.authorizations.file(new LetterRequest("A17",
                LetterKind.WINDOW_STAFF, other, Set.of("A17-001"), TODAY, TODAY.plusDays(30)), CaseFixture.DEPT_A17)).field());
        assertEquals("validUntil", refused("invalid-validity", () -> f.authorizations.file(new LetterRequest("A17",
                LetterKind.WINDOW_STAFF, clerk, Set.of("A17-001"), TODAY.minusDays(10), TODAY.minusDays(1)), CaseFixture.DEPT_A17)).field());
        refused("invalid-validity", () -> f.authorizations.file(new LetterRequest("A17", LetterKind.WINDOW_STAFF, clerk, Set.of("A17-001"),
                TODAY.plusDays(5), TODAY.plusDays(1)), CaseFixture.DEPT_A17));
        refused("unknown-staff", () -> f.authorizations.file(new LetterRequest("A17", LetterKind.WINDOW_STAFF, 9999, Set.of("A17-001"),
                TODAY, TODAY.plusDays(1)), CaseFixture.DEPT_A17));
        refused("out-of-department", () -> f.authorizations.file(new LetterRequest("A17", LetterKind.WINDOW_STAFF, clerk, Set.of("A17-001"),
                TODAY, TODAY.plusDays(1)), CaseFixture.actor("dept.a15", "department", "A15")));

        AuthorizationLetter later = f.authorizations.fileWithHall(f.authorizations.file(new LetterRequest("A17", LetterKind.WINDOW_STAFF,
                clerk, Set.of("A17-001"), TODAY.plusDays(2), TODAY.plusDays(9)), CaseFixture.DEPT_A17).id(), HALL);
        assertEquals(LetterStanding.NOT_YET_VALID, later.standingOn(TODAY));
        String no = passport();
        refused("letter-not-yet-valid", () -> f.cases.signOff(no, true, "", CaseFixture.CLERK));
    }

    @Test
    void aSectionChiefHoldingASupervisionDutyOfTheUnitIsRefusedItsLetterUnderR17() {
        long chief = member("chief.a17", "A17", Post.SECTION_CHIEF, "ZW00003");
        f.database.useTransaction(h -> h.createUpdate("INSERT INTO staff_duty (staff_id, user_name, duty, unit_id, matter_code, assigned_by,"
                + " assigned_at) VALUES (:s, 'chief.a17', 'SUPERVISION', 'A17', 'A17-018', 'admin', :at)").bind("s", chief)
                .bind("at", Instant.EPOCH).execute());
        CaseException e = refused(DutyRules.CODE, () -> f.authorizations.file(new LetterRequest("A17", LetterKind.SECTION_CHIEF, chief,
                Set.of("A17-001", "A17-018"), TODAY, TODAY.plusDays(30)), CaseFixture.DEPT_A17));
        assertEquals(CaseException.Reason.CONFLICT, e.reason());
        assertTrue(e.getMessage().contains("R17"), e.getMessage());
        refused(DutyRules.CODE, () -> f.authorizations.file(new LetterRequest("A17", LetterKind.SECTION_CHIEF, chief, Set.of("A17-001"),
                TODAY, TODAY.plusDays(30)), CaseFixture.DEPT_A17));
        f.database.useTransaction(h -> h.createUpdate("UPDATE staff_duty SET ended_at = :at, ended_by = 'admin'").bind("at", Instant.EPOCH)
                .execute());
        AuthorizationLetter apart = f.authorizations.file(new LetterRequest("A17", LetterKind.SECTION_CHIEF, chief,
                Set.of("A17-001", "A17-018"), TODAY, TODAY.plusDays(30)), CaseFixture.DEPT_A17);
        assertEquals(Set.of("A17-001", "A17-018"), apart.matterCodes(), "once the supervision duty ended, the letter is written");
    }
}
