package org.onedoor.core.internal.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.cases.CaseQuery;
import org.onedoor.api.cases.CaseState;
import org.onedoor.api.cases.HallCase;
import org.junit.jupiter.api.Test;

/** R9: tolerance acceptance. */
class ToleranceAcceptanceTest {

    private final CaseFixture f = new CaseFixture();

    @Test
    void aMissingMainMaterialRefusesAcceptanceNamingIt() {
        CaseException e = assertThrows(CaseException.class, () -> f.cases.accept(
                CaseFixture.atWindow(CaseFixture.PASSPORT, "申请人居民身份证", "审批备案证明"), CaseFixture.CLERK));
        assertEquals(CaseException.Reason.REFUSED, e.reason());
        assertEquals("missing-main-material", e.code());
        assertTrue(e.getMessage().contains("近期免冠彩色照片"), e.getMessage());
        assertEquals(List.of(), f.cases.cases(new CaseQuery(Optional.empty(), Optional.empty(), 10)));
    }

    @Test
    void aMaterialNotOnTheListIsRefused() {
        CaseException e = assertThrows(CaseException.class, () -> f.cases.accept(
                CaseFixture.atWindow(CaseFixture.PASSPORT, "申请人居民身份证", "近期免冠彩色照片", "户口本"), CaseFixture.CLERK));
        assertEquals("unknown-material", e.code());
        assertTrue(e.getMessage().contains("户口本"));
    }

    @Test
    void mainMaterialsCompleteStartTheCaseWithTolerableOnesMissingButNoDecisionUntilSupplied() {
        HallCase h = f.cases.accept(CaseFixture.atWindow(CaseFixture.PASSPORT, "申请人居民身份证", "近期免冠彩色照片"),
                CaseFixture.CLERK).hallCase();
        assertEquals(CaseState.ACCEPTED, h.state());
        assertEquals(List.of("审批备案证明"), h.missingMaterials());
        assertEquals(Optional.of(LocalDate.of(2026, 12, 4)), h.supplyBy(), "5 working days after Friday 27 November");
        CaseException blocked = assertThrows(CaseException.class, () -> f.cases.decide(h.number(), true, "", CaseFixture.APPROVER_A17));
        assertEquals("materials-missing", blocked.code());
        assertTrue(blocked.getMessage().contains("审批备案证明"));
        assertEquals("unknown-material", assertThrows(CaseException.class,
                () -> f.cases.supply(h.number(), List.of("申请人居民身份证"), CaseFixture.CLERK)).code());
        HallCase supplied = f.cases.supply(h.number(), List.of("审批备案证明"), CaseFixture.CLERK);
        assertEquals(List.of(), supplied.missingMaterials());
        assertEquals(Optional.empty(), supplied.supplyBy());
        assertEquals(CaseState.APPROVED, f.cases.decide(h.number(), true, "", CaseFixture.APPROVER_A17).state());
        assertTrue(f.auditActions().contains("case-material/success"));
    }
}
