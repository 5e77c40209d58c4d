package org.onedoor.core.internal.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.api.staff.Duty;
import org.onedoor.api.staff.DutyKind;
import org.onedoor.api.staff.Post;
import org.onedoor.api.staff.StaffException;
import org.onedoor.api.staff.StaffMember;
import org.onedoor.api.staff.StaffState;

/** R17 over plain values: approval and supervision kept apart, refused with the rule named. */
class DutyRulesTest {

    private static StaffMember member(Post post, String unit) {
        return new StaffMember(7, Optional.of("ZW00007"), "张伟", unit, post, "zhang.wei", StaffState.ACTIVE,
                Optional.of(LocalDate.of(2026, 1, 5)), Optional.empty(), false, true);
    }

    private static Duty duty(DutyKind kind, String unit, String matter) {
        return new Duty(3, 7, "zhang.wei", "张伟", kind, unit, matter, "admin", Instant.EPOCH);
    }

    private static StaffException r17(Executable what) {
        StaffException e = assertThrows(StaffException.class, what);
        assertEquals(DutyRules.CODE, e.code(), e.getMessage());
        assertEquals(StaffException.Reason.CONFLICT, e.reason());
        assertTrue(e.getMessage().contains("R17"), e.getMessage());
        return e;
    }

    @Test
    void theApprovingSectionChiefOfAUnitDoesNotSuperviseItsMatters() {
        r17(() -> DutyRules.checkAssign(member(Post.SECTION_CHIEF, "A17"), DutyKind.SUPERVISION, "A17", "", List.of(), List.of()));
        r17(() -> DutyRules.checkAssign(member(Post.SECTION_CHIEF, "A17"), DutyKind.SUPERVISION, "A17", "A17-001", List.of(), List.of()));
        DutyRules.checkAssign(member(Post.SECTION_CHIEF, "A17"), DutyKind.APPROVAL, "A17", "", List.of(), List.of());
        DutyRules.checkAssign(member(Post.SECTION_CHIEF, "A17"), DutyKind.SUPERVISION, "A15", "A15-001", List.of(), List.of());
    }

    @Test
    void theHolderOfASectionChiefsLetterForAMatterDoesNotSuperviseIt() {
        StaffException e = r17(() -> DutyRules.checkAssign(member(Post.CHIEF_REPRESENTATIVE, "A17"), DutyKind.SUPERVISION, "A17", "A17-001",
                List.of(), List.of("A17-001", "A17-002")));
        assertTrue(e.getMessage().contains("A17-001"), e.getMessage());
        r17(() -> DutyRules.checkAssign(member(Post.WINDOW_STAFF, "A17"), DutyKind.SUPERVISION, "A17", "", List.of(), List.of("A17-002")));
        DutyRules.checkAssign(member(Post.WINDOW_STAFF, "A17"), DutyKind.SUPERVISION, "A17", "A17-009", List.of(), List.of("A17-002"));
    }

    @Test
    void nobodyIsApproverAndSupervisorOfTheSameUnit() {
        r17(() -> DutyRules.checkAssign(member(Post.WINDOW_STAFF, "A17"), DutyKind.SUPERVISION, "A17", "A17-009",
                List.of(duty(DutyKind.APPROVAL, "A17", "A17-001")), List.of()));
        r17(() -> DutyRules.checkAssign(member(Post.WINDOW_STAFF, "A17"), DutyKind.APPROVAL, "A17", "",
                List.of(duty(DutyKind.SUPERVISION, "A17", "A17-009")), List.of()));
        DutyRules.checkAssign(member(Post.WINDOW_STAFF, "A17"), DutyKind.SUPERVISION, "A15", "",
                List.of(duty(DutyKind.APPROVAL, "A17", "")), List.of());
        assertEquals("duty-exists", assertThrows(StaffException.class, () -> DutyRules.checkAssign(member(Post.WINDOW_STAFF, "A17"),
                DutyKind.APPROVAL, "A17", "", List.of(duty(DutyKind.APPROVAL, "A17", "")), List.of())).code());
    }

    @Test
    void aSectionChiefsLetterIsRefusedToASupervisorOfTheUnit() {
        r17(() -> DutyRules.checkChiefLetter("张伟", "A17", Set.of("A17-001"), List.of(duty(DutyKind.SUPERVISION, "A17", "A17-001"))));
        r17(() -> DutyRules.checkChiefLetter("张伟", "A17", Set.of("A17-001"), List.of(duty(DutyKind.SUPERVISION, "A17", ""))));
        r17(() -> DutyRules.checkChiefLetter("张伟", "A17", Set.of("A17-001"), List.of(duty(DutyKind.SUPERVISION, "A17", "A17-009"))));
        DutyRules.checkChiefLetter("张伟", "A17", Set.of("A17-001"), List.of(duty(DutyKind.SUPERVISION, "A15", ""),
                duty(DutyKind.APPROVAL, "A17", "")));
    }

    @Test
    void theHallOrTheUnitItselfAssigns() {
        DutyRules.mayAssign(new HallPrincipal("admin", Set.of("admin"), Optional.empty()), "A17");
        DutyRules.mayAssign(new HallPrincipal("dept", Set.of("department"), Optional.of("A17")), "A17");
        assertEquals("out-of-department", assertThrows(StaffException.class,
                () -> DutyRules.mayAssign(new HallPrincipal("dept", Set.of("department"), Optional.of("A15")), "A17")).code());
        assertEquals("out-of-department", assertThrows(StaffException.class,
                () -> DutyRules.mayAssign(new HallPrincipal("op", Set.of("operator"), Optional.empty()), "A17")).code());
        assertEquals("not-active", assertThrows(StaffException.class, () -> DutyRules.checkAssign(new StaffMember(7, Optional.empty(), "张伟",
                "A17", Post.WINDOW_STAFF, "zhang.wei", StaffState.PENDING, Optional.empty(), Optional.empty(), false, false),
                DutyKind.APPROVAL, "A17", "", List.of(), List.of())).code());
    }
}
