package org.onedoor.core.internal.supervision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onedoor.api.cases.AlertKind;
import org.onedoor.api.cases.SupervisionAlert;
import org.onedoor.api.hall.HallClock;
import org.onedoor.core.internal.calendar.CalendarFixtures;
import org.onedoor.core.internal.calendar.HallCalendar;
import org.onedoor.core.internal.zone.TestStore;

/** The alert that next year's calendar is missing, on the shipped years (2025, 2026) of a real calendar over H2. */
class CalendarAlertsTest {

    private static final ZoneId HALL = ZoneId.of("Asia/Shanghai");

    private final HallCalendar calendar = CalendarFixtures.calendarOn(TestStore.migrated());

    private List<SupervisionAlert> at(String localDateTime, String department) {
        Instant now = LocalDateTime.parse(localDateTime).atZone(HALL).toInstant();
        return new CalendarAlerts(calendar, HallClock.of(Clock.fixed(now, HALL))).alerts(department);
    }

    @Test
    void fromTheFirstOfNovemberAnUnknownNextYearIsAnAlertForTheWholeHallUntilItIsLoaded() {
        assertEquals(List.of(), at("2026-10-31T23:59", ""), "October: not yet");
        assertEquals(List.of(), at("2025-12-20T10:00", ""), "2026 is shipped");

        List<SupervisionAlert> alerts = at("2026-11-01T00:00", "");
        assertEquals(1, alerts.size(), alerts.toString());
        SupervisionAlert a = alerts.get(0);
        assertEquals(AlertKind.CALENDAR_YEAR_MISSING, a.kind());
        assertEquals("2027", a.subject());
        assertEquals("", a.departmentId(), "the hall's, not one unit's");
        assertEquals(Instant.parse("2026-10-31T16:00:00Z"), a.since(), "since 1 November in the hall");
        assertTrue(a.detail().contains("尚未载入 2027 年") && a.detail().contains("PUT /api/v1/calendar/years/2027"), a.detail());
        assertEquals(1, at("2026-12-06T09:00", "B01").size(), "a unit sees it too: its cases are refused alike");

        calendar.load(CalendarFixtures.YEAR_2027, "test", "op1");
        assertEquals(List.of(), at("2026-12-06T09:00", ""), "loaded: gone");
    }
}
