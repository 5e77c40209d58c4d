package org.onedoor.core.internal.staff;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.api.staff.DispatchForm;
import org.onedoor.api.staff.FormKind;
import org.onedoor.api.staff.FormState;
import org.onedoor.api.staff.Post;
import org.onedoor.api.staff.StaffException;
import org.onedoor.api.staff.StaffMember;
import org.onedoor.api.staff.StaffState;

/** The registry's rules on plain values: who signs, two signers, the two-year lock, the numbering, the window gate. */
class StaffRulesTest {

    private static final HallPrincipal A17 = new HallPrincipal("dept-a17", Set.of("department"), Optional.of("A17"));
    private static final HallPrincipal ADMIN = new HallPrincipal("admin", Set.of("admin"), Optional.empty());
    private static final HallPrincipal SUPERVISOR = new HallPrincipal("super1", Set.of("supervisor"), Optional.empty());
    private static final HallPrincipal OPERATOR = new HallPrincipal("op1", Set.of("operator"), Optional.empty());
    private static final LocalDate DISPATCHED = LocalDate.of(2026, 12, 3);

    private static StaffException refused(String code, Executable what) {
        StaffException e = assertThrows(StaffException.class, what);
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    private static DispatchForm form(String filedBy, FormState state) {
        return new DispatchForm(7, FormKind.DISPATCH, 3, "A17", "新设窗口", filedBy, Instant.EPOCH, state, Optional.empty(),
                Optional.empty(), "", Optional.empty());
    }

    private static StaffMember member(Post post, StaffState state, boolean trained) {
        return new StaffMember(3, state == StaffState.PENDING ? Optional.empty() : Optional.of("ZW00003"), "李娜", "A17", post, "li.na",
                state, state == StaffState.PENDING ? Optional.empty() : Optional.of(DISPATCHED), Optional.empty(), false, trained);
    }

    @Test
    void staffNumbersAreOneNumberingOfFiveDigits() {
        assertEquals("ZW00001", StaffRules.staffNumber(1));
        assertEquals("ZW00042", StaffRules.staffNumber(42));
        assertEquals("ZW99999", StaffRules.staffNumber(99_999));
        assertThrows(IllegalStateException.class, () -> StaffRules.staffNumber(0));
        assertThrows(IllegalStateException.class, () -> StaffRules.staffNumber(100_000));
    }

    @Test
    void onlyTheUnitsOwnDepartmentUserFilesItsForms() {
        assertDoesNotThrow(() -> StaffRules.mayFile(A17, "A17"));
        StaffException other = refused("out-of-department", () -> StaffRules.mayFile(A17, "A26"));
        assertEquals("unitId", other.field());
        refused("not-unit-signer", () -> StaffRules.mayFile(ADMIN, "A17"));
        refused("not-unit-signer", () -> StaffRules.mayFile(new HallPrincipal("ap", Set.of("approver"), Optional.of("A17")), "A17"));
    }

    @Test
    void theHallSignsOffByAdminOrSupervisorAsASecondPersonOnce() {
        assertDoesNotThrow(() -> StaffRules.mayDecide(ADMIN, form("dept-a17", FormState.AWAITING_HALL)));
        assertDoesNotThrow(() -> StaffRules.mayDecide(SUPERVISOR, form("dept-a17", FormState.AWAITING_HALL)));
        refused("not-hall-signer", () -> StaffRules.mayDecide(OPERATOR, form("dept-a17", FormState.AWAITING_HALL)));
        refused("not-hall-signer", () -> StaffRules.mayDecide(A17, form("dept-a17", FormState.AWAITING_HALL)));
        HallPrincipal both = new HallPrincipal("dept-a17", Set.of("department", "admin"), Optional.of("A17"));
        assertTrue(refused("same-signer", () -> StaffRules.mayDecide(both, form("dept-a17", FormState.AWAITING_HALL)))
                .getMessage().contains("R15"));
        refused("form-decided", () -> StaffRules.mayDecide(ADMIN, form("dept-a17", FormState.APPROVED)));
        refused("form-decided", () -> StaffRules.mayDecide(ADMIN, form("dept-a17", FormState.REJECTED)));
    }

    @Test
    void aSectionChiefOrChiefRepresentativeLeavesWithinTwoYearsOnlyWithTheHallsRecordedAgreement() {
        for (Post locked : new Post[] {Post.SECTION_CHIEF, Post.CHIEF_REPRESENTATIVE}) {
            StaffMember chief = member(locked, StaffState.ACTIVE, true);
            LocalDate dayBefore = DISPATCHED.plusYears(2).minusDays(1);
            StaffException e = refused("two-year-lock", () -> StaffRules.checkLock(chief, dayBefore, Optional.empty(), false));
            assertEquals("agreement", e.field());
            assertTrue(e.getMessage().contains("R15") && e.getMessage().contains("2028-12-03"), e.getMessage());
            refused("two-year-lock", () -> StaffRules.checkLock(chief, DISPATCHED, Optional.of("  "), true));
            assertEquals(Optional.of("驻中心〔2026〕12号"), StaffRules.checkLock(chief, dayBefore, Optional.of(" 驻中心〔2026〕12号 "), true));
            assertEquals(Optional.empty(), StaffRules.checkLock(chief, DISPATCHED.plusYears(2), Optional.empty(), false),
                    "from the second anniversary of dispatch on, no agreement is needed");
        }
        assertEquals(Optional.empty(), StaffRules.checkLock(member(Post.WINDOW_STAFF, StaffState.ACTIVE, true), DISPATCHED,
                Optional.empty(), false), "window staff are not locked");
    }

    @Test
    void trainingsAreRecordedByTheHallForDaysThatHavePassed() {
        assertDoesNotThrow(() -> StaffRules.mayRecordTraining(OPERATOR, DISPATCHED, DISPATCHED));
        refused("not-hall-staff", () -> StaffRules.mayRecordTraining(A17, DISPATCHED, DISPATCHED));
        assertEquals("trainedOn", refused("invalid-trainedOn", () -> StaffRules.mayRecordTraining(ADMIN, DISPATCHED.plusDays(1), DISPATCHED))
                .field());
    }

    @Test
    void windowStaffSignInOnlyAfterPassedTrainingAndUsersWithoutARecordKeepWorkingUnlessStrict() {
        WindowGate.Mode linked = WindowGate.Mode.of("true");
        assertEquals(Optional.empty(), WindowGate.check(linked, "clerk", 97, Optional.empty()));
        WindowGate.Refusal untrained = WindowGate.check(linked, "li.na", 97,
                Optional.of(member(Post.WINDOW_STAFF, StaffState.ACTIVE, false))).orElseThrow();
        assertEquals("training-required", untrained.code());
        assertTrue(untrained.message().contains("R16") && untrained.message().contains("岗前培训") && untrained.message().contains("pre-job"),
                untrained.message());
        assertEquals(Optional.empty(), WindowGate.check(linked, "li.na", 97, Optional.of(member(Post.WINDOW_STAFF, StaffState.ACTIVE, true))));
        assertEquals(Optional.empty(), WindowGate.check(linked, "li.na", 97, Optional.of(member(Post.SECTION_CHIEF, StaffState.ACTIVE, false))),
                "the gate is R16's: window staff");
        assertEquals("staff-not-dispatched", WindowGate.check(linked, "li.na", 97,
                Optional.of(member(Post.WINDOW_STAFF, StaffState.PENDING, true))).orElseThrow().code());
        assertEquals("staff-withdrawn", WindowGate.check(linked, "li.na", 97,
                Optional.of(member(Post.WINDOW_STAFF, StaffState.WITHDRAWN, true))).orElseThrow().code());

        WindowGate.Mode strict = WindowGate.Mode.of("strict");
        assertEquals("no-staff-record", WindowGate.check(strict, "clerk", 97, Optional.empty()).orElseThrow().code());
        assertEquals("training-required", WindowGate.check(strict, "li.na", 97,
                Optional.of(member(Post.SECTION_CHIEF, StaffState.ACTIVE, false))).orElseThrow().code());
        assertEquals(Optional.empty(), WindowGate.check(WindowGate.Mode.of("false"), "li.na", 97,
                Optional.of(member(Post.WINDOW_STAFF, StaffState.ACTIVE, false))));
        assertThrows(IllegalArgumentException.class, () -> WindowGate.Mode.of("yes"));
    }
}
