package org.onedoor.core.internal.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.onedoor.api.cases.AlertKind;
import org.onedoor.api.cases.CaseTiming;
import org.onedoor.api.cases.SupervisionAlert;
import org.onedoor.api.cases.TimeLight;
import org.junit.jupiter.api.Test;

/** R10, R12: deadlines in working days on the 2026 calendar, yellow and red lights, alerts per department. */
class TimeLimitTest {

    private final CaseFixture f = new CaseFixture();

    private void at(String day) {
        f.clock.set(Instant.parse(day + "T02:00:00Z"));
    }

    private TimeLight light(String no) {
        return f.supervisor.timing(no).orElseThrow().light();
    }

    @Test
    void acrossNationalDayTheLightCountsOnlyWorkingDays() {
        at("2026-09-28");
        String no = f.cases.accept(CaseFixture.online(CaseFixture.PASSPORT, "申请人居民身份证", "近期免冠彩色照片", "审批备案证明"),
                CaseFixture.CLERK).hallCase().number();
        // 29, 30 Sep; 1-7 Oct holiday; 8, 9 Oct; Saturday 10 Oct make-up working day; 12, 13 Oct
        assertEquals(LocalDate.of(2026, 10, 13), f.cases.find(no).orElseThrow().deadline());
        at("2026-10-07");
        CaseTiming holiday = f.supervisor.timing(no).orElseThrow();
        assertEquals(2, holiday.usedDays());
        assertEquals(TimeLight.GREEN, holiday.light(), "ten calendar days passed, but only two working days");
        at("2026-10-09");
        assertEquals(TimeLight.GREEN, light(no), "4 of 7 working days used");
        at("2026-10-12");
        assertEquals(TimeLight.YELLOW, light(no), "6 of 7 working days used");
        assertEquals(List.of(AlertKind.CASE_YELLOW), f.supervisor.alerts("A17").stream().map(SupervisionAlert::kind).toList());
        at("2026-10-13");
        assertEquals(TimeLight.YELLOW, light(no), "the deadline day");
        at("2026-10-14");
        assertEquals(TimeLight.RED, light(no));
        List<SupervisionAlert> alerts = f.supervisor.alerts("A17");
        assertEquals(AlertKind.CASE_RED, alerts.get(0).kind());
        assertEquals(no, alerts.get(0).subject());
        assertEquals(List.of(), f.supervisor.alerts("A15"));
    }

    @Test
    void theYellowShareIsConfigurable() {
        at("2026-09-28");
        String no = f.cases.accept(CaseFixture.online(CaseFixture.PASSPORT, "申请人居民身份证", "近期免冠彩色照片", "审批备案证明"),
                CaseFixture.CLERK).hallCase().number();
        at("2026-10-09");
        CaseSupervisor strict = f.supervisor(CaseFixture.config(0.5));
        assertEquals(TimeLight.YELLOW, strict.timing(no).orElseThrow().light(), "4 of 7 used is past half");
    }

    @Test
    void anImmediateMatterMustFinishTheSameDay() {
        f.clock.set(Instant.parse("2026-11-27T01:00:00Z"));
        String no = f.cases.accept(CaseFixture.atWindow(CaseFixture.IMMEDIATE, "申请人居民身份证"), CaseFixture.CLERK).hallCase().number();
        assertEquals(LocalDate.of(2026, 11, 27), f.cases.find(no).orElseThrow().deadline());
        f.clock.set(Instant.parse("2026-11-27T09:00:00Z"));
        assertEquals(TimeLight.GREEN, light(no));
        f.clock.set(Instant.parse("2026-11-28T01:00:00Z"));
        assertEquals(TimeLight.RED, light(no), "the next day it is overdue");
    }

    @Test
    void aCaseDecidedInTimeStaysGreenAndOneDecidedLateIsRed() {
        at("2026-11-27");
        String inTime = f.cases.accept(CaseFixture.online(CaseFixture.STATISTICS, "申请表"), CaseFixture.CLERK).hallCase().number();
        String late = f.cases.accept(CaseFixture.online(CaseFixture.STATISTICS, "申请表"), CaseFixture.CLERK).hallCase().number();
        at("2026-12-01");
        f.cases.decide(inTime, true, "", CaseFixture.actor("b01", "department", "B01"));
        at("2026-12-10");
        f.cases.decide(late, true, "", CaseFixture.actor("b01", "department", "B01"));
        assertEquals(TimeLight.GREEN, light(inTime));
        assertEquals(TimeLight.RED, light(late));
        assertTrue(f.supervisor.alerts("B01").stream().noneMatch(a -> a.kind() == AlertKind.CASE_RED), "alerts list undecided cases only");
    }
}
