package org.onedoor.core.internal.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onedoor.api.cases.AlertKind;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.cases.CaseState;
import org.onedoor.api.cases.CaseTiming;
import org.onedoor.api.cases.HallCase;
import org.onedoor.api.cases.TimeLight;
import org.onedoor.api.matter.SpecialStep;

/**
 * The legal clock (R6, R10): a special procedure pauses the time limit from its start to its end, the case shows the
 * paused working days and its deadline moves on by them; tolerance (R9): a supply-by day passed raises an alert and
 * lets the department reject. The fixture's clock starts on Friday 27 November 2026.
 */
class LegalClockTest {

    private final CaseFixture f = new CaseFixture();

    private HallCase survey() {
        return f.cases.accept(CaseFixture.atWindow(CaseFixture.SURVEY, "申请书"), CaseFixture.CLERK).hallCase();
    }

    @Test
    void aHearingPausesTheClockAndItsWorkingDaysMoveTheDeadlineOn() {
        HallCase h = survey();
        assertEquals(LocalDate.of(2026, 12, 11), h.deadline(), "10 working days after Friday 27 November");
        f.clock.advance(Duration.ofDays(3)); // Monday 30 November
        HallCase started = f.cases.startStep(h.number(), SpecialStep.HEARING, CaseFixture.APPROVER_A17);
        assertEquals(CaseState.SPECIAL_STEPS, started.state());
        assertTrue(started.runningPause().isPresent());
        assertEquals(SpecialStep.HEARING, started.runningPause().get().step());

        f.clock.advance(Duration.ofDays(3)); // Thursday 3 December: the hearing still runs
        CaseTiming paused = f.supervisor.timing(h.number()).orElseThrow();
        assertTrue(paused.paused());
        assertEquals(3, paused.pausedDays(), "1, 2 and 3 December");
        assertEquals(1, paused.usedDays(), "only Monday 30 November counts");
        assertEquals(LocalDate.of(2026, 12, 16), paused.deadline(), "the deadline moves on by the 3 paused working days");

        assertEquals("step-running", assertThrows(CaseException.class,
                () -> f.cases.startStep(h.number(), SpecialStep.SITE_SURVEY, CaseFixture.APPROVER_A17)).code());
        assertEquals("step-running", assertThrows(CaseException.class,
                () -> f.cases.completeStep(h.number(), SpecialStep.SITE_SURVEY, CaseFixture.APPROVER_A17)).code());

        HallCase resumed = f.cases.completeStep(h.number(), SpecialStep.HEARING, CaseFixture.APPROVER_A17);
        assertFalse(resumed.runningPause().isPresent());
        assertEquals(LocalDate.of(2026, 12, 16), resumed.deadline(), "the moved deadline is stored when the hearing ends");
        assertTrue(f.cases.history(h.number()).stream().anyMatch(e -> e.detail().contains("暂停 3 个工作日")));

        f.clock.advance(Duration.ofDays(1)); // Friday 4 December: the clock runs again
        CaseTiming running = f.supervisor.timing(h.number()).orElseThrow();
        assertFalse(running.paused());
        assertEquals(3, running.pausedDays());
        assertEquals(2, running.usedDays());
        assertEquals(TimeLight.GREEN, running.light());
    }

    @Test
    void withoutThePauseTheSameCaseWouldBeRedAndWithItItIsNot() {
        HallCase h = survey();
        f.cases.startStep(h.number(), SpecialStep.SITE_SURVEY, CaseFixture.APPROVER_A17); // Friday 27 November
        f.clock.advance(Duration.ofDays(17)); // Monday 14 December, past the first deadline of 11 December
        CaseTiming t = f.supervisor.timing(h.number()).orElseThrow();
        assertTrue(t.paused());
        assertEquals(0, t.usedDays());
        assertEquals(11, t.pausedDays());
        assertTrue(t.deadline().isAfter(LocalDate.of(2026, 12, 14)));
        assertEquals(TimeLight.GREEN, t.light(), "the clock stood still all the time");
        assertTrue(f.supervisor.alerts("A17").stream().noneMatch(a -> a.kind() == AlertKind.CASE_RED && a.subject().equals(h.number())));
    }

    @Test
    void onlyTheCasesDepartmentBeginsAStepAndOnlyAPendingOne() {
        HallCase h = survey();
        assertEquals(CaseException.Reason.FORBIDDEN, assertThrows(CaseException.class,
                () -> f.cases.startStep(h.number(), SpecialStep.HEARING, CaseFixture.APPROVER_A15)).reason());
        assertEquals("step-not-pending", assertThrows(CaseException.class,
                () -> f.cases.startStep(h.number(), SpecialStep.MAPPING, CaseFixture.APPROVER_A17)).code());
    }

    @Test
    void aTerminationEndsTheRunningPause() {
        HallCase h = survey();
        f.cases.startStep(h.number(), SpecialStep.HEARING, CaseFixture.APPROVER_A17);
        f.clock.advance(Duration.ofDays(4)); // Tuesday 1 December
        HallCase ended = f.cases.terminate(h.number(), "申请人未参加听证", CaseFixture.APPROVER_A17);
        assertEquals(CaseState.TERMINATED, ended.state());
        assertFalse(ended.runningPause().isPresent());
        assertTrue(f.cases.history(h.number()).stream().anyMatch(e -> e.detail().contains("特别程序“听证”随之结束")));
    }

    @Test
    void aSupplyDayPassedRaisesOneAlertAndTheDepartmentMayThenRejectButNotApprove() {
        HallCase h = f.cases.accept(CaseFixture.atWindow(CaseFixture.PASSPORT, "申请人居民身份证", "近期免冠彩色照片"), CaseFixture.CLERK).hallCase();
        assertEquals(LocalDate.of(2026, 12, 4), h.supplyBy().orElseThrow());
        assertEquals(List.of(), f.supervisor.sweepSupply(), "not before the supply-by day has passed");
        assertEquals("materials-missing", assertThrows(CaseException.class,
                () -> f.cases.decide(h.number(), false, "材料不全", CaseFixture.APPROVER_A17)).code(), "no rejection before the day");

        f.clock.advance(Duration.ofDays(10)); // Monday 7 December
        assertEquals(List.of(h.number()), f.supervisor.sweepSupply());
        assertEquals(List.of(), f.supervisor.sweepSupply(), "one alert per case");
        assertTrue(f.supervisor.alerts("A17").stream().anyMatch(a -> a.kind() == AlertKind.SUPPLY_OVERDUE && a.subject().equals(h.number())));
        assertTrue(f.events.stream().anyMatch(e -> e.type().equals("ALERT_SUPPLY_OVERDUE")));

        CaseException approve = assertThrows(CaseException.class, () -> f.cases.decide(h.number(), true, "", CaseFixture.APPROVER_A17));
        assertEquals("materials-missing", approve.code());
        assertTrue(approve.getMessage().contains("已过"), approve.getMessage());
        HallCase rejected = f.cases.decide(h.number(), false, "容缺材料逾期未补", CaseFixture.APPROVER_A17);
        assertEquals(CaseState.REJECTED, rejected.state());
        assertTrue(f.cases.history(h.number()).stream().anyMatch(e -> e.detail().contains("逾期未补齐")));
    }

    @Test
    void aToleranceCaseWhoseSupplyDayPassedIsTerminatedByItsDepartment() {
        HallCase h = f.cases.accept(CaseFixture.atWindow(CaseFixture.PASSPORT, "申请人居民身份证", "近期免冠彩色照片"), CaseFixture.CLERK).hallCase();
        f.clock.advance(Duration.ofDays(10)); // Monday 7 December, the supply-by day (4 December) passed
        assertEquals(List.of(h.number()), f.supervisor.sweepSupply());
        assertEquals("reason-required", assertThrows(CaseException.class, () -> f.cases.terminate(h.number(), " ", CaseFixture.APPROVER_A17)).code());
        HallCase ended = f.cases.terminate(h.number(), "容缺材料逾期未补，终止办理", CaseFixture.APPROVER_A17);
        assertEquals(CaseState.TERMINATED, ended.state());
        assertEquals("容缺材料逾期未补，终止办理", ended.endReason());
        assertTrue(ended.closedAt().isPresent());
    }
}
