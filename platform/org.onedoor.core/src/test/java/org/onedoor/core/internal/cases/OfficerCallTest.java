package org.onedoor.core.internal.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.onedoor.api.cases.AlertKind;
import org.onedoor.api.cases.CaseActor;
import org.onedoor.api.cases.CaseEvent;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.cases.ConversionFlag;
import org.onedoor.api.cases.OfficerCall;
import org.onedoor.api.cases.SupervisionAlert;
import org.junit.jupiter.api.Test;

/** R4, R5: matters-only units — the officer called for each case, the 20-minute arrival, the monthly conversion flag. */
class OfficerCallTest {

    private static final CaseActor B01 = CaseFixture.actor("tongji.wang", "department", "B01");

    private final CaseFixture f = new CaseFixture();

    private String accept() {
        return f.cases.accept(CaseFixture.atUniversal(CaseFixture.STATISTICS, "申请表"), CaseFixture.CLERK).hallCase().number();
    }

    @Test
    void acceptingACaseOfAMattersOnlyUnitCallsItsNamedOfficer() {
        f.supervisor.nameOfficer("B01", "tongji.wang", B01);
        String no = accept();
        OfficerCall call = f.supervisor.officerCalls("B01").get(0);
        assertEquals(no, call.caseNumber());
        assertEquals("tongji.wang", call.officer());
        assertEquals(call.notifiedAt().plus(Duration.ofMinutes(20)), call.expectedBy());
        assertTrue(f.events.stream().anyMatch(e -> e.type().equals("OFFICER_CALLED") && e.caseNumber().equals(no)));
        f.cases.accept(CaseFixture.atWindow(CaseFixture.IMMEDIATE, "申请人居民身份证"), CaseFixture.CLERK);
        assertEquals(1, f.supervisor.officerCalls("").size(), "a staff-enter unit's case calls nobody");
    }

    @Test
    void anOfficerCheckingInWithinTwentyMinutesRaisesNoAlert() {
        f.supervisor.nameOfficer("B01", "tongji.wang", B01);
        accept();
        f.clock.advance(Duration.ofMinutes(19));
        assertEquals(List.of(), f.supervisor.sweep());
        List<OfficerCall> answered = f.supervisor.checkIn("B01", B01);
        assertEquals(1, answered.size());
        f.clock.advance(Duration.ofMinutes(10));
        assertEquals(List.of(), f.supervisor.sweep());
        assertTrue(f.supervisor.alerts("B01").stream().noneMatch(a -> a.kind() == AlertKind.OFFICER_LATE));
        assertTrue(f.auditActions().contains("officer-arrive/success"));
    }

    @Test
    void anOfficerNotThereAfterTwentyMinutesRaisesAnAlertOnce() {
        f.supervisor.nameOfficer("B01", "tongji.wang", B01);
        String no = accept();
        f.clock.advance(Duration.ofMinutes(20));
        assertEquals(List.of(), f.supervisor.sweep(), "exactly twenty minutes is still in time");
        f.clock.advance(Duration.ofMinutes(1));
        List<OfficerCall> late = f.supervisor.sweep();
        assertEquals(1, late.size());
        assertEquals(List.of(), f.supervisor.sweep(), "announced once");
        assertEquals(1, f.events.stream().map(CaseEvent::type).filter("OFFICER_LATE"::equals).count());
        assertTrue(f.auditActions().contains("officer-late/failure"));
        SupervisionAlert alert = f.supervisor.alerts("B01").stream().filter(a -> a.kind() == AlertKind.OFFICER_LATE).findFirst().orElseThrow();
        assertEquals(no, alert.subject());
        f.supervisor.checkIn("B01", B01);
        assertTrue(f.supervisor.alerts("B01").stream().anyMatch(a -> a.kind() == AlertKind.OFFICER_LATE), "a late arrival stays on today's list");
        assertTrue(f.auditActions().contains("officer-arrive/failure"));
    }

    @Test
    void onlyTheUnitItselfChecksIn() {
        accept();
        assertEquals("out-of-department", assertThrows(CaseException.class, () -> f.supervisor.checkIn("B01", CaseFixture.DEPT_A17)).code());
    }

    @Test
    void onlyTheOfficerNamedOnTheCallChecksInNotAnyUserOfTheUnit() {
        CaseActor colleague = CaseFixture.actor("tongji.li", "department", "B01");
        String no = accept();
        CaseException unnamed = assertThrows(CaseException.class, () -> f.supervisor.checkIn("B01", colleague));
        assertEquals("not-named-officer", unnamed.code());
        assertEquals(CaseException.Reason.FORBIDDEN, unnamed.reason());
        assertTrue(unnamed.getMessage().contains("R4"), unnamed.getMessage());

        f.supervisor.nameOfficer("B01", "tongji.wang", B01);
        assertEquals("tongji.wang", f.supervisor.officerCalls("B01").get(0).officer(), "the open call names the officer named now");
        CaseException other = assertThrows(CaseException.class, () -> f.supervisor.checkIn("B01", colleague));
        assertEquals("not-named-officer", other.code());
        assertTrue(other.getMessage().contains("tongji.wang"), other.getMessage());
        assertTrue(f.auditActions().contains("officer-arrive/refused"), f.auditActions().toString());
        assertTrue(f.supervisor.officerCalls("B01").get(0).arrivedAt().isEmpty(), "a refused check-in answers nothing");

        List<OfficerCall> answered = f.supervisor.checkIn("B01", B01);
        assertEquals(List.of(no), answered.stream().map(OfficerCall::caseNumber).toList());
        assertEquals(List.of(), f.supervisor.checkIn("B01", colleague), "nothing open: nothing to refuse");
    }

    @Test
    void tenCasesInACalendarMonthFlagTheUnitForConversion() {
        f.clock.set(Instant.parse("2026-11-02T02:00:00Z"));
        for (int i = 0; i < 9; i++) {
            f.cases.accept(CaseFixture.online(CaseFixture.STATISTICS, "申请表"), CaseFixture.CLERK);
        }
        f.clock.set(Instant.parse("2026-12-01T02:00:00Z"));
        f.cases.accept(CaseFixture.online(CaseFixture.STATISTICS, "申请表"), CaseFixture.CLERK);
        assertEquals(List.of(), f.supervisor.conversionFlags(YearMonth.of(2026, 11)), "nine in November, the tenth in December");
        f.clock.set(Instant.parse("2026-11-30T15:59:00Z"));
        f.cases.accept(CaseFixture.online(CaseFixture.STATISTICS, "申请表"), CaseFixture.CLERK);
        assertEquals(List.of(new ConversionFlag("B01", YearMonth.of(2026, 11), 10, 10, 0, 2)), f.supervisor.conversionFlags(YearMonth.of(2026, 11)));
        for (int i = 0; i < 12; i++) {
            f.cases.accept(CaseFixture.online(CaseFixture.IMMEDIATE, "申请人居民身份证"), CaseFixture.CLERK);
        }
        assertEquals(1, f.supervisor.conversionFlags(YearMonth.of(2026, 11)).size(), "a staff-enter unit is never flagged");
        assertTrue(f.supervisor.alerts("B01").stream().anyMatch(a -> a.kind() == AlertKind.CONVERSION_DUE));
        assertEquals(Optional.empty(), f.supervisor.officer("B01"));
    }
}
