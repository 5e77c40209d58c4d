package org.onedoor.core.internal.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onedoor.api.matter.Material;
import org.onedoor.api.matter.MaterialKind;
import org.onedoor.api.matter.Matter;
import org.onedoor.api.matter.MatterCatalog;
import org.onedoor.api.matter.MatterElements;
import org.onedoor.api.matter.MatterType;
import org.onedoor.api.queue.Booking;
import org.onedoor.api.queue.BookingException;
import org.onedoor.api.queue.BookingRequest;
import org.onedoor.api.queue.BookingState;
import org.onedoor.api.queue.HolidayRoster;
import org.onedoor.core.internal.calendar.CalendarFixtures;

/**
 * The 365 holiday service (R14) on the real calendar (National Day 2026: 1-7 October; make-up
 * working days 20 September and 10 October): a livelihood matter is booked for 2 October on Friday
 * 25 September (3 working days before) and refused on Monday 28 September (2), with the rule named;
 * a matter that is no livelihood matter, a day or department off the roster, a slot off its list.
 */
class HolidayBookingsTest {

    private final BookingsFixture f = new BookingsFixture(Map.of());
    private final HallHolidayRoster roster = new HallHolidayRoster(config(
            "2026-10-02|police|A26|97,98; 2026-10-05|police||", 3));

    private static HolidayConfig config(String days, int minDays) {
        return new HolidayConfig() {
            @Override public Class<? extends Annotation> annotationType() { return HolidayConfig.class; }
            @Override public int minWorkingDaysBefore() { return minDays; }
            @Override public String days() { return days; }
            @Override public String slots() { return "09:00,09:30,10:00"; }
            @Override public int perSlot() { return 2; }
        };
    }

    private static Matter matter(String code, String department, boolean livelihood) {
        return new Matter(code, "住房公积金提取（离休、退休）", "", department, "police", MatterType.ADMINISTRATIVE_PAYMENT,
                List.of(new Material("居民身份证", MaterialKind.MAIN, "原件")), 3, 1, false, false, false, BigDecimal.ZERO, Set.of(), "r1",
                MatterElements.NONE, false, livelihood);
    }

    HolidayBookingsTest() {
        roster.calendar = CalendarFixtures.calendarOn(f.ds);
        Map<String, Matter> matters = Map.of("A26-003", matter("A26-003", "A26", true), "A26-007", matter("A26-007", "A26", false),
                "A17-009", matter("A17-009", "A17", true));
        f.bookings.catalog = (MatterCatalog) Proxy.newProxyInstance(MatterCatalog.class.getClassLoader(), new Class<?>[] {MatterCatalog.class},
                (proxy, m, args) -> m.getName().equals("matter") ? Optional.ofNullable(matters.get((String) args[0])) : null);
        f.bookings.holidays = roster;
    }

    /** Sets the hall's clock to 10:00 of a day. */
    private void today(String day) {
        f.clock.set(LocalDate.parse(day).atTime(10, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
    }

    private Booking book(String matter, String day, String slot) {
        return f.bookings.book(new BookingRequest("", matter, LocalDate.parse(day), LocalTime.parse(slot), "13812345678", "", "", ""), "test");
    }

    private BookingException refused(String matter, String day, String slot) {
        return assertThrows(BookingException.class, () -> book(matter, day, slot));
    }

    @Test
    void threeWorkingDaysBeforeIsAcceptedTwoAreRefusedNamingTheRule() {
        today("2026-09-28"); // Monday: 29 and 30 September are the working days left before 2 October
        BookingException late = refused("A26-003", "2026-10-02", "09:00");
        assertEquals("holiday-too-late", late.code());
        assertEquals("day", late.field());
        assertTrue(late.getMessage().contains("R14") && late.getMessage().contains("国庆节") && late.getMessage().contains("2"), late.getMessage());

        today("2026-09-25"); // Friday: 28, 29, 30 September
        Booking b = book("A26-003", "2026-10-02", "09:00");
        assertEquals(BookingState.OPEN, b.state());
        assertEquals("police", b.zoneId());
        assertEquals(LocalDate.parse("2026-10-02"), b.day());
        book("A26-003", "2026-10-02", "09:30");
    }

    @Test
    void onlyLivelihoodMattersOfTheRostersZonesAndDepartmentsOnItsDays() {
        today("2026-09-25");
        assertEquals("holiday-livelihood-only", refused("A26-007", "2026-10-02", "09:00").code());
        BookingException zoneOnly = assertThrows(BookingException.class, () -> f.bookings.book(new BookingRequest("police", "",
                LocalDate.parse("2026-10-02"), LocalTime.of(9, 0), "13812345678", "", "", ""), "test"));
        assertEquals("holiday-livelihood-only", zoneOnly.code());
        assertEquals("matter", zoneOnly.field());
        BookingException offRoster = refused("A26-003", "2026-10-03", "09:00");
        assertEquals("holiday-not-served", offRoster.code());
        assertTrue(offRoster.getMessage().contains("/api/v1/holidays/roster"), offRoster.getMessage());
        assertEquals("holiday-not-served", refused("A17-009", "2026-10-02", "09:00").code(), "2 October serves A26 only");
        assertEquals("invalid-slot", refused("A26-003", "2026-10-02", "14:00").code(), "not a slot of the holiday");
        book("A17-009", "2026-10-05", "10:00"); // every department of the zone on 5 October
    }

    @Test
    void aHolidaySlotTakesItsOwnCapacityAndAWorkingDayIsBookedAsAlways() {
        today("2026-09-25");
        f.bookings.book(new BookingRequest("", "A26-003", LocalDate.parse("2026-10-02"), LocalTime.of(10, 0), "13800000001", "", "", ""), "t");
        f.bookings.book(new BookingRequest("", "A26-003", LocalDate.parse("2026-10-02"), LocalTime.of(10, 0), "13800000002", "", "", ""), "t");
        assertEquals("slot-full", refused("A26-003", "2026-10-02", "10:00").code());
        assertEquals(BookingState.OPEN, book("A26-007", "2026-09-30", "09:00").state(), "a working day: no holiday rule");
    }

    @Test
    void theRosterIsPublishedWithTheCalendarsNamesAndABadEntryIsRefused() {
        List<HolidayRoster.ServedDay> days = roster.days();
        assertEquals(2, days.size());
        assertEquals(new HolidayRoster.ServedDay(LocalDate.parse("2026-10-02"), "国庆节", List.of("police"), List.of("A26"), List.of(97, 98)),
                days.get(0));
        assertEquals(3, roster.minWorkingDaysBefore());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> new HallHolidayRoster(config("2026-10-02||A26", 3)));
        assertTrue(bad.getMessage().contains("zone"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new HallHolidayRoster(config("2026-10-32|police", 3)));
    }
}
