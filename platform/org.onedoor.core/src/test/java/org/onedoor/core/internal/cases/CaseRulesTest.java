package org.onedoor.core.internal.cases;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onedoor.api.cases.CaseChannel;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.cases.CaseMaterial;
import org.onedoor.api.cases.CaseState;
import org.onedoor.api.cases.HallCase;
import org.onedoor.api.matter.MaterialKind;
import org.onedoor.api.matter.SpecialStep;

/** The flow's rules on cases as read, without a store. */
class CaseRulesTest {

    private static HallCase hallCase(CaseState state, String bundle, List<CaseMaterial> materials, Set<SpecialStep> pending) {
        return new HallCase("A17-20261127-0001", bundle, "A17-001", "rev", "事项", "A17", CaseChannel.WINDOW, 97, "G001", "张三",
                "4117**********4515", state, materials, Optional.empty(), pending, "clerk1", Instant.EPOCH, 7,
                LocalDate.of(2026, 12, 8), Optional.empty(), "", Optional.empty(), "", false, Optional.empty(), "", "", "",
                Optional.empty(), Optional.empty());
    }

    private static HallCase accepted() {
        return hallCase(CaseState.ACCEPTED, "", List.of(new CaseMaterial("申请书", MaterialKind.MAIN, true)), Set.of());
    }

    private static String code(Runnable check) {
        return assertThrows(CaseException.class, check::run).code();
    }

    @Test
    void theDiagramDecidesWhichMoveIsAllowed() {
        assertDoesNotThrow(() -> CaseRules.requireMove(accepted(), CaseState.APPROVED));
        assertEquals("illegal-transition", code(() -> CaseRules.requireMove(accepted(), CaseState.DELIVERED)));
    }

    @Test
    void onlyTheCasesOwnDepartmentDecides() {
        assertDoesNotThrow(() -> CaseRules.requireDepartment(accepted(), CaseFixture.APPROVER_A17));
        assertDoesNotThrow(() -> CaseRules.requireDepartment(accepted(), CaseFixture.DEPT_A17));
        assertEquals("out-of-department", code(() -> CaseRules.requireDepartment(accepted(), CaseFixture.APPROVER_A15)));
        assertEquals("not-an-approver", code(() -> CaseRules.requireDepartment(accepted(), CaseFixture.CLERK)));
        assertDoesNotThrow(() -> CaseRules.requireMayMarkResultReady(accepted(), CaseFixture.CLERK));
        assertEquals("out-of-department", code(() -> CaseRules.requireMayMarkResultReady(accepted(), CaseFixture.APPROVER_A16)));
    }

    @Test
    void noDecisionWhileMaterialsOrStepsAreMissing() {
        HallCase missing = hallCase(CaseState.ACCEPTED, "", List.of(new CaseMaterial("审批备案证明", MaterialKind.TOLERABLE, false)), Set.of());
        assertEquals("materials-missing", code(() -> CaseRules.requireReadyForDecision(missing)));
        HallCase steps = hallCase(CaseState.SPECIAL_STEPS, "", List.of(), Set.of(SpecialStep.HEARING));
        assertEquals("special-steps-pending", code(() -> CaseRules.requireReadyForDecision(steps)));
        assertDoesNotThrow(() -> CaseRules.requireReadyForDecision(accepted()));
    }

    @Test
    void aRejectionNeedsAReasonOfAtMostAThousandCharacters() {
        assertEquals("reason-required", code(() -> CaseRules.decisionReason(CaseState.REJECTED, "  ")));
        assertEquals("", CaseRules.decisionReason(CaseState.APPROVED, null));
        assertEquals("材料不实", CaseRules.decisionReason(CaseState.REJECTED, " 材料不实 "));
        assertEquals("reason-too-long", code(() -> CaseRules.decisionReason(CaseState.APPROVED, "x".repeat(1001))));
    }

    @Test
    void aBundlesPartIsDeliveredWithItsBundleOnly() {
        HallCase part = hallCase(CaseState.RESULT_READY, "YJS-20261127-0001", List.of(), Set.of());
        assertEquals("deliver-with-bundle", code(() -> CaseRules.requireDeliverable(part)));
        assertDoesNotThrow(() -> CaseRules.requireDeliverable(hallCase(CaseState.RESULT_READY, "", List.of(), Set.of())));
    }

    @Test
    void materialsAreSuppliedOnlyWhenMissing() {
        HallCase missing = hallCase(CaseState.ACCEPTED, "", List.of(new CaseMaterial("审批备案证明", MaterialKind.TOLERABLE, false)), Set.of());
        assertEquals("no-materials", code(() -> CaseRules.requireSuppliable(missing, List.of())));
        assertEquals("unknown-material", code(() -> CaseRules.requireSuppliable(missing, List.of("照片"))));
        assertDoesNotThrow(() -> CaseRules.requireSuppliable(missing, List.of("审批备案证明")));
        assertTrue(CaseRules.completes(missing, List.of("审批备案证明")));
        assertFalse(CaseRules.completes(missing, List.of()));
    }
}
