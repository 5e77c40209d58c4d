package org.onedoor.core.internal.evaluation;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onedoor.api.cases.CaseActor;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.cases.FollowUpState;
import org.onedoor.api.cases.RatingFollowUp;
import org.onedoor.api.cases.TimeLight;
import org.onedoor.api.session.HallPrincipal;

/** Who may take which step of a bad rating's follow-up, in which state (R18). */
class FollowUpRulesTest {

    private static CaseActor actor(String role, String department) {
        return new CaseActor(new HallPrincipal("u", Set.of(role), Optional.ofNullable(department)), "10.0.0.1");
    }

    private static RatingFollowUp followUp(FollowUpState state, Optional<Boolean> justified) {
        return new RatingFollowUp(7, "A17-20261127-0001", "CLERK", "clerk1", "A17", 1, "", state, Instant.parse("2026-11-27T02:00:00Z"),
                LocalDate.of(2026, 12, 4), justified, "", "", Optional.empty(), "", "", Optional.empty(), false, Optional.empty(),
                Optional.empty(), TimeLight.GREEN);
    }

    private static String code(Runnable r) {
        return assertThrows(CaseException.class, r::run).code();
    }

    @Test
    void theCasesUnitAndAdminsTakeTheUnitsSteps() {
        RatingFollowUp f = followUp(FollowUpState.OPEN, Optional.empty());
        assertDoesNotThrow(() -> FollowUpRules.unitStep(f, actor("department", "A17"), "回访", FollowUpState.OPEN));
        assertDoesNotThrow(() -> FollowUpRules.unitStep(f, actor("approver", "A17"), "回访", FollowUpState.OPEN));
        assertDoesNotThrow(() -> FollowUpRules.unitStep(f, actor("admin", null), "回访", FollowUpState.OPEN));
        assertEquals("not-your-follow-up", code(() -> FollowUpRules.unitStep(f, actor("department", "A26"), "回访", FollowUpState.OPEN)));
        assertEquals("not-your-follow-up", code(() -> FollowUpRules.unitStep(f, actor("supervisor", null), "回访", FollowUpState.OPEN)));
        assertEquals("not-your-follow-up", code(() -> FollowUpRules.unitStep(f, actor("clerk", "A17"), "回访", FollowUpState.OPEN)));
        assertEquals("illegal-transition", code(() -> FollowUpRules.unitStep(f, actor("department", "A17"), "答复",
                FollowUpState.CALLED_BACK)));
    }

    @Test
    void onlyTheHallDecides() {
        RatingFollowUp f = followUp(FollowUpState.DISPUTED, Optional.of(false));
        for (String role : new String[] {"admin", "operator", "supervisor"}) {
            assertDoesNotThrow(() -> FollowUpRules.hallStep(f, actor(role, null), "裁定", FollowUpState.DISPUTED));
        }
        assertEquals("not-hall-staff", code(() -> FollowUpRules.hallStep(f, actor("department", "A17"), "裁定", FollowUpState.DISPUTED)));
        assertEquals("illegal-transition", code(() -> FollowUpRules.hallStep(f, actor("supervisor", null), "记录", FollowUpState.REPLIED)));
    }

    @Test
    void onlyARatingFoundUnjustifiedIsDisputed() {
        assertDoesNotThrow(() -> FollowUpRules.requireJustified(followUp(FollowUpState.CALLED_BACK, Optional.of(false)), false, "申诉"));
        assertEquals("rating-justified", code(() -> FollowUpRules.requireJustified(followUp(FollowUpState.CALLED_BACK,
                Optional.of(true)), false, "申诉")));
        assertEquals("rating-justified", code(() -> FollowUpRules.requireJustified(followUp(FollowUpState.OPEN,
                Optional.empty()), false, "申诉")), "not verified yet is not unjustified");
    }
}
