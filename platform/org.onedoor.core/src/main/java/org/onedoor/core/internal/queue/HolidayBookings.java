package org.onedoor.core.internal.queue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.onedoor.api.calendar.CalendarYearMissingException;
import org.onedoor.api.calendar.Holiday;
import org.onedoor.api.matter.Matter;
import org.onedoor.api.matter.MatterCatalog;
import org.onedoor.api.queue.AppointmentSlot;
import org.onedoor.api.queue.BookingException;
import org.onedoor.api.queue.HolidayRoster.ServedDay;
import org.onedoor.api.queue.QueueException.Reason;
import org.onedoor.store.HallDatabase;

/**
 * The booking rule of the 365 holiday service (R14): a public holiday of the calendar is booked only
 * for a livelihood matter of the catalog, only on a day, zone and department of the hall's holiday
 * roster, and at least {@code minWorkingDaysBefore} working days before it; each refusal names the
 * rule. Its slots are the roster's, with their own capacity, sharing the appointment book's seats.
 */
final class HolidayBookings {

    private static final String RULE = "365 holiday service (R14)";

    private final HallDatabase database;
    private final Supplier<HallHolidayRoster> roster;
    private final Supplier<MatterCatalog> catalog;
    private final Supplier<Instant> now;
    private final ZoneId zone;

    HolidayBookings(HallDatabase database, Supplier<HallHolidayRoster> roster, Supplier<MatterCatalog> catalog, Supplier<Instant> now,
            ZoneId zone) {
        this.database = database;
        this.roster = roster;
        this.catalog = catalog;
        this.now = now;
        this.zone = zone;
    }

    /**
     * @return the holiday's seat when the day is a public holiday of the calendar (checked by the
     *         rule), else empty: the day is booked as any other
     * @throws BookingException naming the rule and the field when the holiday cannot be booked
     */
    Optional<AppointmentSlot> slot(String zoneId, String matterCode, LocalDate day, LocalTime slot) {
        HallHolidayRoster r = roster.get();
        if (r == null) {
            return Optional.empty();
        }
        Optional<Holiday> holiday;
        try {
            holiday = r.holiday(day);
        } catch (CalendarYearMissingException e) {
            return Optional.empty(); // the appointment book refuses a day of an unknown year by its own rule
        }
        if (holiday.isEmpty()) {
            return Optional.empty();
        }
        String name = holiday.get().name();
        String what = day + "（" + name + "）";
        MatterCatalog c = catalog.get();
        Optional<Matter> matter = matterCode.isEmpty() || c == null ? Optional.empty() : c.matter(matterCode);
        if (matter.isEmpty() || !matter.get().livelihood()) {
            throw new BookingException(Reason.CONFLICT, "holiday-livelihood-only", "matter", what + " 是法定节假日，只能预约民生事项的365"
                    + "节假日服务；请选择标为民生事项的事项 (" + RULE + ": on the public holiday " + day + " only livelihood matters of the catalog"
                    + " can be booked" + (matterCode.isEmpty() ? "; name the matter" : "; " + matterCode + " is not one") + ")");
        }
        Optional<ServedDay> served = r.day(day);
        String department = matter.get().departmentId();
        if (served.isEmpty() || !served.get().zones().contains(zoneId)
                || (!served.get().departments().isEmpty() && !served.get().departments().contains(department))) {
            throw new BookingException(Reason.CONFLICT, "holiday-not-served", "day", what + " 大厅值班表未安排 " + zoneId + " 区 / "
                    + department + " 办理；请查看节假日值班表 (" + RULE + ": the hall's holiday roster does not serve zone " + zoneId
                    + " / department " + department + " on " + day + "; see GET /api/v1/holidays/roster)");
        }
        LocalDate today = now.get().atZone(zone).toLocalDate();
        int before = r.workingDaysBefore(today, day);
        if (before < r.minWorkingDaysBefore()) {
            throw new BookingException(Reason.CONFLICT, "holiday-too-late", "day", what + " 须至少提前 " + r.minWorkingDaysBefore()
                    + " 个工作日预约，今天距该日只有 " + Math.max(before, 0) + " 个工作日 (" + RULE + ": a holiday is booked at least "
                    + r.minWorkingDaysBefore() + " working days before it; from " + today + " there are " + Math.max(before, 0) + ")");
        }
        if (!r.slots().contains(slot)) {
            throw new BookingException(Reason.INVALID, "invalid-slot", "slot", "slot: " + day + " 的节假日时段为 " + String.join(", ",
                    r.slots().stream().map(LocalTime::toString).toList()) + " (the holiday's slots are these; give one of them)");
        }
        Map<String, Integer> booked = database.withHandle(h -> BookingRows.booked(h, zoneId, day));
        AppointmentSlot seat = new AppointmentSlot(slot, r.perSlot(), booked.getOrDefault(slot.toString(), 0));
        if (!seat.free()) {
            throw BookingChecks.full(zoneId, day, slot);
        }
        return Optional.of(seat);
    }
}
