package org.onedoor.core.internal.queue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import org.onedoor.api.hall.HallClock;
import org.onedoor.api.hall.OfficeHours;
import org.onedoor.api.matter.MatterCatalog;
import org.onedoor.api.queue.AppointmentBook;
import org.onedoor.api.queue.AppointmentSlot;
import org.onedoor.api.queue.Booking;
import org.onedoor.api.queue.BookingException;
import org.onedoor.api.queue.BookingRequest;
import org.onedoor.api.queue.BookingState;
import org.onedoor.api.queue.Bookings;
import org.onedoor.api.queue.HallQueue;
import org.onedoor.api.queue.QueueException.Reason;
import org.onedoor.core.internal.audit.AuditOutbox;
import org.onedoor.core.internal.notify.HallNotifications;
import org.onedoor.core.internal.queue.BookingRows.Row;
import org.onedoor.core.internal.queue.BookingRows.Stored;
import org.onedoor.core.internal.time.HallScheduler;
import org.onedoor.store.HallDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Bookings on the appointment book's tables (V30, V81): the slots, their capacity and the booking
 * window are the appointment book's ({@link AppointmentBook#slots}); a booking takes its seat with the
 * same conditional update, so bookings and anonymous appointments share a slot's capacity. Each
 * change is one transaction on the {@link HallDatabase} with its audit line ({@link AuditOutbox});
 * a booking transaction first updates the phone number's {@code booking_person} row, so that the
 * open-bookings limit holds across nodes. The input checks are {@link BookingChecks}', check-in is
 * {@link BookingCheckIn}'s, the text messages and reminders {@link BookingReminders}'.
 */
@Component(service = {Bookings.class, HallBookings.class}, configurationPid = "org.onedoor.bookings",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = BookingConfig.class)
public final class HallBookings implements Bookings {

    private static final Duration REMINDER_PERIOD = Duration.ofMinutes(1);

    private final HallDatabase database;
    private final AuditOutbox audit;
    private final HallClock clock;
    private final BookingRules rules;
    private final BookingRows rows = new BookingRows();
    private final BookingChecks checks;
    private final BookingCheckIn checkIns;
    private final BookingReminders messages;
    private final ScheduledFuture<?> reminderTask;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile MatterCatalog catalog;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile OfficeHours hours;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile HallNotifications notifications;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile HallHolidayRoster holidays;

    @Activate
    public HallBookings(@Reference HallDatabase database, @Reference AuditOutbox audit, @Reference HallClock clock,
            @Reference AppointmentBook book, @Reference HallQueue queue, @Reference HallScheduler scheduler, BookingConfig config) {
        this(database, audit, clock, book, queue, config, scheduler);
    }

    /** For tests: no scheduler runs the reminders (they call {@link #remind()}). */
    HallBookings(HallDatabase database, AuditOutbox audit, HallClock clock, AppointmentBook book, HallQueue queue,
            BookingConfig config, HallScheduler scheduler) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
        this.rules = new BookingRules(clock.zone(), config);
        this.checks = new BookingChecks(database, book, rules, this::now, () -> catalog, () -> hours,
                new HolidayBookings(database, () -> holidays, () -> catalog, this::now, clock.zone()));
        this.checkIns = new BookingCheckIn(database, audit, clock, queue, rules, checks);
        this.messages = new BookingReminders(database, clock, rules, config.reminders(), () -> notifications);
        this.reminderTask = scheduler == null ? null : scheduler.every("booking reminders", REMINDER_PERIOD, this::remind);
    }

    @Deactivate
    void stop() {
        if (reminderTask != null) {
            reminderTask.cancel(false);
        }
    }

    private Instant now() {
        return clock.now().truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public Booking book(BookingRequest r, String origin) {
        String phone = BookingChecks.phone(r.phone());
        String idMasked = BookingChecks.idMasked(r.idNumber());
        String lang = BookingChecks.language(r.language());
        if (r.idempotencyKey().length() > 128) {
            throw new BookingException(Reason.INVALID, "invalid-idempotency-key", "Idempotency-Key",
                    "Idempotency-Key 最多128个字符 (at most 128 characters)");
        }
        String zoneId = checks.zoneOf(r.zoneId(), r.matterCode());
        AppointmentSlot seat = checks.slot(zoneId, r.matterCode(), r.day(), r.slot());
        Instant now = now();
        Stored stored = database.inTransaction(h -> {
            if (!r.idempotencyKey().isEmpty()) {
                Optional<Row> earlier = BookingRows.one(h, "WHERE idempotency_key = :v", r.idempotencyKey());
                if (earlier.isPresent()) {
                    return new Stored(earlier.get(), null, false);
                }
            }
            BookingRows.lockPerson(h, phone, now);
            List<Row> mine = BookingRows.ofPhone(h, phone, now.atZone(clock.zone()).toLocalDate().minusDays(3660));
            Optional<Instant> suspended = rules.suspendedUntil(mine.stream()
                    .filter(b -> BookingChecks.state(rules, b, now) == BookingState.NO_SHOW).map(b -> rules.start(b.day(), b.slot()))
                    .toList(), now);
            if (suspended.isPresent()) {
                String until = suspended.get().atZone(clock.zone()).toLocalDate().toString();
                throw new BookingException(Reason.CONFLICT, "booking-suspended", "phone", "此号码多次预约未到,暂停预约至 " + until
                        + " (this number missed several bookings; it may book again from " + until + ")");
            }
            long open = mine.stream().filter(b -> BookingChecks.state(rules, b, now) == BookingState.OPEN).count();
            if (open >= rules.maxOpen()) {
                throw new BookingException(Reason.CONFLICT, "too-many-bookings", "phone", "此号码已有 " + open + " 个未使用的预约,最多 "
                        + rules.maxOpen() + " 个;请先取消或使用 (this number holds " + open + " open bookings, at most "
                        + rules.maxOpen() + "; cancel or use one first)");
            }
            BookingRows.takeSeat(h, zoneId, r.day(), r.slot(), seat.capacity());
            String code = rows.freeCode(h);
            h.createUpdate("INSERT INTO appointment (code, zone_id, matter_code, hall_day, slot_start, booked_at, checked_in_at,"
                    + " ticket_id, idempotency_key, phone, id_masked, lang, late_check_in)"
                    + " VALUES (:code, :zone, :matter, :day, :slot, :at, NULL, '', :key, :phone, :idm, :lang, FALSE)")
                    .bind("code", code).bind("zone", zoneId).bind("matter", r.matterCode()).bind("day", r.day())
                    .bind("slot", r.slot().toString()).bind("at", now).bind("key", r.idempotencyKey().isEmpty() ? null : r.idempotencyKey())
                    .bind("phone", phone).bind("idm", idMasked).bind("lang", lang).execute();
            Row row = BookingRows.one(h, "WHERE code = :v", code).orElseThrow();
            return new Stored(row, audit.hold(h, BookingRows.event("booking.book", origin, row, "")), true);
        });
        deliver(stored);
        if (stored.fresh()) {
            messages.tell(stored.row(), "confirmed", "booking-confirmed");
        }
        return BookingRows.view(stored.row(), now, rules);
    }

    @Override
    public Booking find(String code, String phone) {
        return BookingRows.view(checks.mine(code, phone), now(), rules);
    }

    @Override
    public Booking cancel(String code, String phone, String origin) {
        Row before = checks.mine(code, phone);
        Instant now = now();
        Stored stored = database.inTransaction(h -> {
            Row row = BookingRows.one(h, "WHERE code = :v", before.code()).orElseThrow();
            checks.requireOpen(row, now);
            int n = h.createUpdate("UPDATE appointment SET cancelled_at = :at WHERE code = :code AND cancelled_at IS NULL"
                    + " AND checked_in_at IS NULL").bind("at", now).bind("code", row.code()).execute();
            if (n != 1) {
                throw checks.closed(row, now);
            }
            BookingRows.freeSeat(h, row.zoneId(), row.day(), row.slot());
            Row cancelled = BookingRows.one(h, "WHERE code = :v", row.code()).orElseThrow();
            return new Stored(cancelled, audit.hold(h, BookingRows.event("booking.cancel", origin, cancelled, "")), true);
        });
        deliver(stored);
        messages.tell(stored.row(), "cancelled", "booking-cancelled");
        return BookingRows.view(stored.row(), now, rules);
    }

    @Override
    public Booking reschedule(String code, String phone, LocalDate day, LocalTime slot, String origin) {
        Row before = checks.mine(code, phone);
        AppointmentSlot seat = checks.slot(before.zoneId(), before.matterCode(), day, slot);
        Instant now = now();
        Stored stored = database.inTransaction(h -> {
            Row row = BookingRows.one(h, "WHERE code = :v", before.code()).orElseThrow();
            checks.requireOpen(row, now);
            if (row.day().equals(day) && row.slot().equals(slot)) {
                return new Stored(row, null, false);
            }
            BookingRows.takeSeat(h, row.zoneId(), day, slot, seat.capacity());
            BookingRows.freeSeat(h, row.zoneId(), row.day(), row.slot());
            h.createUpdate("UPDATE appointment SET hall_day = :day, slot_start = :slot WHERE code = :code")
                    .bind("day", day).bind("slot", slot.toString()).bind("code", row.code()).execute();
            Row moved = BookingRows.one(h, "WHERE code = :v", row.code()).orElseThrow();
            return new Stored(moved, audit.hold(h, BookingRows.event("booking.reschedule", origin, moved,
                    "from " + row.day() + " " + row.slot())), true);
        });
        deliver(stored);
        if (stored.fresh()) {
            messages.tell(stored.row(), "confirmed-" + stored.row().day() + "T" + stored.row().slot(), "booking-confirmed");
        }
        return BookingRows.view(stored.row(), now, rules);
    }

    @Override
    public CheckedIn checkIn(String code, String origin) {
        return checkIns.checkIn(code, origin);
    }

    @Override
    public List<Booking> day(LocalDate day) {
        Instant now = now();
        return database.withHandle(h -> BookingRows.ofDay(h, day)).stream().map(r -> BookingRows.view(r, now, rules)).toList();
    }

    /**
     * Writes the reminders that are due (the day before and the hour before); see {@link BookingReminders#remind()}.
     *
     * @return how many reminders were written (or found written)
     */
    public int remind() {
        return messages.remind();
    }

    private void deliver(Stored s) {
        if (s.held() != null) {
            audit.deliver(s.held());
        }
    }

    /** For tests: the bookings' rows of a phone, newest first, as views. */
    List<Booking> of(String phone) {
        Instant now = now();
        return database.withHandle(h -> BookingRows.newestFirst(h, phone)).stream().map(r -> BookingRows.view(r, now, rules)).toList();
    }
}
