package org.onedoor.core.internal.hours;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.onedoor.api.hall.HoursStatus;

/** Office hours (R21) on a calendar with National Day 2026 (1–8 October) and its make-up Saturday 10 October. */
class HoursRulesTest {

    private static final ZoneId HALL = ZoneId.of("Asia/Shanghai");
    private static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2),
            LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7), LocalDate.of(2026, 10, 8));
    private static final Set<LocalDate> MAKE_UP = Set.of(LocalDate.of(2026, 10, 10));
    private static final Predicate<LocalDate> WORKING = d -> MAKE_UP.contains(d)
            || !HOLIDAYS.contains(d) && d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;

    private static HoursStatus at(HoursRules rules, String zone, String localTime) {
        return rules.status(zone, LocalDateTime.parse(localTime).atZone(HALL).toInstant(), HALL, WORKING);
    }

    private static Optional<ZonedDateTime> local(String localTime) {
        return Optional.of(LocalDateTime.parse(localTime).atZone(HALL));
    }

    @Test
    void winterHoursOpenInTheMorningAndAfternoonOfAWorkingDay() {
        HoursRules rules = HoursRules.of(config(true, 0), Map.of());
        HoursStatus morning = at(rules, "police", "2026-12-03T09:15");
        assertTrue(morning.open());
        assertEquals(local("2026-12-03T12:00"), morning.closesAt());
        assertEquals("[08:00-12:00, 14:30-17:30]", morning.today().toString());

        HoursStatus lunch = at(rules, "police", "2026-12-03T13:00");
        assertFalse(lunch.open());
        assertFalse(lunch.takesTickets());
        assertEquals(local("2026-12-03T14:30"), lunch.nextOpening());

        assertTrue(at(rules, "police", "2026-12-03T08:00").open(), "opens at 08:00 sharp");
        assertFalse(at(rules, "police", "2026-12-03T17:30").open(), "closed at 17:30 sharp");
    }

    @Test
    void summerHoursApplyFromMayToSeptember() {
        HoursRules rules = HoursRules.of(config(true, 0), Map.of());
        assertFalse(at(rules, "police", "2026-07-01T14:45").open(), "summer afternoons start at 15:00");
        assertTrue(at(rules, "police", "2026-07-01T17:45").open());
        assertTrue(at(rules, "police", "2026-10-09T14:45").open(), "October is winter again");
    }

    @Test
    void aFridayEveningOpensAgainOnMonday() {
        HoursRules rules = HoursRules.of(config(true, 0), Map.of());
        assertEquals(local("2026-12-07T08:00"), at(rules, "tax", "2026-12-04T18:00").nextOpening());
        assertEquals(local("2026-12-07T08:00"), at(rules, "tax", "2026-12-05T10:00").nextOpening());
        assertTrue(at(rules, "tax", "2026-12-05T10:00").today().isEmpty());
    }

    @Test
    void nationalDayIsClosedUntilTheNinthAndTheMakeUpSaturdayIsOpen() {
        HoursRules rules = HoursRules.of(config(true, 0), Map.of());
        HoursStatus eve = at(rules, "police", "2026-09-30T19:00");
        assertEquals(local("2026-10-09T08:00"), eve.nextOpening());
        assertTrue(at(rules, "police", "2026-10-10T09:00").open(), "the make-up working Saturday");
    }

    @Test
    void issuingStopsBeforeClosingWhenConfigured() {
        HoursRules rules = HoursRules.of(config(true, 30), Map.of());
        HoursStatus s = at(rules, "police", "2026-12-03T11:40");
        assertFalse(s.open());
        assertEquals(local("2026-12-03T14:30"), s.nextOpening());
        assertEquals(local("2026-12-03T11:30"), at(rules, "police", "2026-12-03T11:00").closesAt());
    }

    @Test
    void aZoneKeepsItsOwnHours() {
        HoursRules rules = HoursRules.of(config(true, 0), Map.of("zone.enterprise.hours", "08:30-17:30", "zone.self.hours", "00:00-24:00"));
        assertTrue(at(rules, "enterprise", "2026-12-03T13:00").open(), "no lunch break at the enterprise zone");
        assertFalse(at(rules, "police", "2026-12-03T13:00").open());
        assertTrue(at(rules, "self", "2026-12-03T23:59").open());
        assertFalse(at(rules, "self", "2026-12-05T10:00").open(), "still only on working days");
    }

    @Test
    void notEnforcedTakesTicketsAtAnyTimeButStillTellsTheHours() {
        HoursRules rules = HoursRules.of(config(false, 0), Map.of());
        HoursStatus night = at(rules, "police", "2026-12-03T23:00");
        assertFalse(night.open());
        assertTrue(night.takesTickets());
        assertEquals(local("2026-12-04T08:00"), night.nextOpening());
    }

    @Test
    void unreadableHoursNameTheKeyAndTheFormat() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HoursRules.of(config(true, 0), Map.of("zone.tax.hours", "8-12")));
        assertTrue(e.getMessage().contains("zone.tax.hours has '8-12'"), e.getMessage());
        assertTrue(e.getMessage().contains("HH:mm-HH:mm"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> HoursRules.periods("hours", "08:00-12:00,11:00-17:00"));
        assertTrue(e.getMessage().contains("overlapping"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HoursRules.periods("hours", "12:00-08:00"));
        assertThrows(IllegalArgumentException.class, () -> HoursRules.of(config(true, 500), Map.of()));
    }

    private static HoursStatus at(HoursRules rules, String hall, String zone, String localTime) {
        return rules.status(hall, zone, LocalDateTime.parse(localTime).atZone(HALL).toInstant(), HALL, WORKING);
    }

    @Test
    void anotherHallKeepsItsOwnHoursAndNeverTheDefaultHallsZoneHours() {
        HoursRules rules = HoursRules.of(config(true, 0), Map.of("zone.police.hours", "00:00-24:00",
                "hall.xiping.hours", "08:30-12:00,14:00-17:00", "hall.xiping.zone.tax.hours", "09:00-16:00",
                "hall.shangcai.summerHours", ""));
        assertTrue(at(rules, "zhumadian", "police", "2026-12-03T20:00").open(), "the default hall's police zone never closes");
        assertFalse(at(rules, "xiping", "police", "2026-12-03T20:00").open(), "Xiping's police zone is another zone");
        assertFalse(at(rules, "xiping", "police", "2026-12-03T08:15").open(), "Xiping opens at 08:30");
        assertEquals("[08:30-12:00, 14:00-17:00]", at(rules, "xiping", "police", "2026-12-03T09:00").today().toString());
        assertTrue(at(rules, "xiping", "police", "2026-07-01T14:15").open(), "hours of its own and no summer hours: all year");
        assertEquals("[09:00-16:00]", at(rules, "xiping", "tax", "2026-12-03T09:00").today().toString(), "a zone of its own");
        assertEquals(local("2026-12-04T08:30"), at(rules, "xiping", "police", "2026-12-03T17:10").nextOpening());

        assertEquals("[08:00-12:00, 14:30-17:30]", at(rules, "queshan", "police", "2026-12-03T09:00").today().toString(),
                "a hall the file does not name keeps the default hall's hall-wide hours");
        assertFalse(at(rules, "queshan", "police", "2026-07-01T14:45").open(), "and its summer hours");
        assertTrue(at(rules, "shangcai", "police", "2026-07-01T14:45").open(), "a hall may drop the summer hours");
    }

    @Test
    void aHallKeyThatIsNotOneOfTheHoursKeysIsRefusedWithWhatToWrite() {
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class,
                () -> HoursRules.of(config(true, 0), Map.of("hall.xiping.hour", "08:00-12:00")));
        assertTrue(typo.getMessage().contains("hall.xiping.hour is not a key") && typo.getMessage().contains("hall.<hall>.zone.<zone>.hours"),
                typo.getMessage());
        IllegalArgumentException own = assertThrows(IllegalArgumentException.class,
                () -> HoursRules.of(config(true, 0), Map.of("hall.zhumadian.hours", "08:00-12:00")));
        assertTrue(own.getMessage().contains("names the default hall"), own.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> HoursRules.of(config(true, 0), Map.of("hall.xiping.zone.tax.hours", "9-16")));
        assertTrue(bad.getMessage().contains("hall.xiping.zone.tax.hours has '9-16'"), bad.getMessage());
    }

    private static HoursConfig config(boolean enforced, int lastTicketMinutes) {
        return new HoursConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return HoursConfig.class;
            }

            @Override
            public boolean enforced() {
                return enforced;
            }

            @Override
            public String hours() {
                return "08:00-12:00,14:30-17:30";
            }

            @Override
            public String summerHours() {
                return "08:00-12:00,15:00-18:00";
            }

            @Override
            public String summerFrom() {
                return "05-01";
            }

            @Override
            public String summerTo() {
                return "09-30";
            }

            @Override
            public int lastTicketMinutes() {
                return lastTicketMinutes;
            }

            @Override
            public boolean workingDaysOnly() {
                return true;
            }
        };
    }
}
