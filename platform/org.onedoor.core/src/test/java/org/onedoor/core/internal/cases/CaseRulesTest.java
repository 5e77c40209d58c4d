package org.onedoor.core.internal.cases;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
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

    /** A case decided (or not) in the given state, its result in a locker when {@code pickupCode}, its matter's fee {@code feeDue}. */
    private static HallCase decided(CaseState state, Optional<CaseState> decision, String pickupCode, String feeDue) {
        return new HallCase("A17-20261127-0002", "", "A17-060", "rev", "事项", "A17", CaseChannel.WINDOW, 97, "G001", "张三",
                "411***********4515", state, List.of(), Optional.empty(), Set.of(), "clerk1", Instant.EPOCH, 3,
                LocalDate.of(2026, 12, 2), decision, "approver.a17", decision.map(d -> Instant.EPOCH), "", false, Optional.empty(), "", "",
                pickupCode, Optional.empty(), Optional.empty(), null, "", new BigDecimal(feeDue), Optional.empty(), 0);
    }

    @Test
    void anUndecidedCaseMayBeWithdrawnOrTerminatedAndTheThreeEndingsAreFinal() {
        assertDoesNotThrow(() -> CaseRules.requireMove(accepted(), CaseState.WITHDRAWN));
        assertDoesNotThrow(() -> CaseRules.requireMove(accepted(), CaseState.TERMINATED));
        HallCase steps = hallCase(CaseState.SPECIAL_STEPS, "", List.of(), Set.of(SpecialStep.HEARING));
        assertDoesNotThrow(() -> CaseRules.requireMove(steps, CaseState.WITHDRAWN));
        for (CaseState decided : List.of(CaseState.APPROVED, CaseState.REJECTED, CaseState.RESULT_READY, CaseState.DELIVERED, CaseState.CLOSED)) {
            HallCase c = hallCase(decided, "", List.of(), Set.of());
            assertEquals("illegal-transition", code(() -> CaseRules.requireMove(c, CaseState.WITHDRAWN)), decided + " is decided");
            assertEquals("illegal-transition", code(() -> CaseRules.requireMove(c, CaseState.TERMINATED)), decided + " is decided");
        }
        for (CaseState ended : List.of(CaseState.REFUSED_TO_ACCEPT, CaseState.WITHDRAWN, CaseState.TERMINATED)) {
            assertTrue(ended.next().isEmpty(), ended + " is final");
            assertTrue(ended.endedUndecided());
            assertFalse(ended.undecided());
            assertFalse(ended.correctable());
            HallCase c = hallCase(ended, "", List.of(), Set.of());
            assertEquals("illegal-transition", code(() -> CaseRules.requireMove(c, CaseState.APPROVED)));
        }
        assertFalse(CaseState.CLOSED.endedUndecided());
    }

    @Test
    void refusalAndTerminationNeedAReasonAWithdrawalMayGiveOne() {
        assertEquals("reason-required", code(() -> CaseRules.endReason(CaseState.REFUSED_TO_ACCEPT, " ", false)));
        assertEquals("reason-required", code(() -> CaseRules.endReason(CaseState.TERMINATED, null, false)));
        assertEquals("", CaseRules.endReason(CaseState.WITHDRAWN, null, true));
        assertEquals("不需要了", CaseRules.endReason(CaseState.WITHDRAWN, " 不需要了 ", true));
        assertEquals("reason-too-long", code(() -> CaseRules.endReason(CaseState.TERMINATED, "x".repeat(1001), false)));
    }

    @Test
    void onlyADecidedResultIsCorrectedWithAReasonAndNotWhileTheOldOneIsInALocker() {
        assertEquals("not-decided", code(() -> CaseRules.requireCorrectable(accepted(), "错了")));
        HallCase refused = hallCase(CaseState.REFUSED_TO_ACCEPT, "", List.of(), Set.of());
        assertEquals("not-decided", code(() -> CaseRules.requireCorrectable(refused, "错了")));
        HallCase approved = decided(CaseState.APPROVED, Optional.of(CaseState.APPROVED), "", "0");
        assertEquals("reason-required", code(() -> CaseRules.requireCorrectable(approved, "  ")));
        assertEquals("审批依据引用错误", CaseRules.requireCorrectable(approved, " 审批依据引用错误 "));
        HallCase inLocker = decided(CaseState.DELIVERED, Optional.of(CaseState.APPROVED), "123456", "0");
        assertEquals("result-in-locker", code(() -> CaseRules.requireCorrectable(inLocker, "错了")));
        HallCase closed = decided(CaseState.CLOSED, Optional.of(CaseState.REJECTED), "", "0");
        assertDoesNotThrow(() -> CaseRules.requireCorrectable(closed, "错了"));
    }

    @Test
    void aFeeMustMatchTheMattersFeeAndAFreeMatterIsNotCharged() {
        HallCase free = decided(CaseState.APPROVED, Optional.of(CaseState.APPROVED), "", "0");
        assertTrue(CaseRules.feeMismatch(free, BigDecimal.ZERO).isEmpty());
        assertTrue(CaseRules.feeMismatch(free, new BigDecimal("0.00")).isEmpty(), "0 and 0.00 are the same fee");
        assertTrue(CaseRules.feeMismatch(free, new BigDecimal("20")).orElseThrow().contains("免费事项"));
        HallCase paid = decided(CaseState.APPROVED, Optional.of(CaseState.APPROVED), "", "50.00");
        assertTrue(CaseRules.feeMismatch(paid, new BigDecimal("50")).isEmpty());
        String wrong = CaseRules.feeMismatch(paid, new BigDecimal("80")).orElseThrow();
        assertTrue(wrong.contains("80") && wrong.contains("50.00"), wrong);
        assertTrue(CaseRules.feeMismatch(paid, BigDecimal.ZERO).isPresent(), "not charging a paid matter is a mismatch too");
    }
}
