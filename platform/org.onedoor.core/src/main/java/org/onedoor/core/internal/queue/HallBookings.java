package org.onedoor.core.internal.queue;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.citizen.CitizenDataMasking;
import org.onedoor.api.hall.HallClock;
import org.onedoor.api.hall.HoursStatus;
import org.onedoor.api.hall.OfficeHours;
import org.onedoor.api.matter.Matter;
import org.onedoor.api.matter.MatterCatalog;
import org.onedoor.api.queue.AppointmentBook;
import org.onedoor.api.queue.AppointmentSlot;
import org.onedoor.api.queue.Booking;
import org.onedoor.api.queue.BookingException;
import org.onedoor.api.queue.BookingRequest;
import org.onedoor.api.queue.BookingState;
import org.onedoor.api.queue.Bookings;
import org.onedoor.api.queue.HallQueue;
import org.onedoor.api.queue.IssuedTicket;
import org.onedoor.api.queue.QueueException;
import org.onedoor.api.queue.QueueException.Reason;
import org.onedoor.api.queue.TicketPriority;
import org.onedoor.api.queue.TicketRequest;
import org.onedoor.core.internal.audit.AuditOutbox;
import org.onedoor.core.internal.notify.HallNotifications;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bookings on the appointment book's tables (V30, V81): the slots, their capacity and the booking
 * window are the appointment book's ({@link AppointmentBook#slots}); a booking takes its seat with the
 * same conditional update, so bookings and anonymous appointments share a slot's capacity. Each
 * change is one transaction on the {@link HallDatabase} with its audit line ({@link AuditOutbox});
 * a booking transaction first updates the phone number's {@code booking_person} row, so that the
 * open-bookings limit holds across nodes. Confirmations, cancellations and reminders go to the
 * notification outbox after the commit (a failure there is logged, the booking stands).
 */
@Component(service = {Bookings.class, HallBookings.class}, configurationPid = "org.onedoor.bookings",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = BookingConfig.class)
public final class HallBookings implements Bookings {

    private static final Logger LOG = LoggerFactory.getLogger(HallBookings.class);
    /** A mainland mobile number: 11 digits, 13x to 19x. */
    static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    /** A resident identity number: 17 digits and a digit or X. */
    private static final Pattern ID_NUMBER = Pattern.compile("[0-9]{17}[0-9Xx]");
    private static final String COLUMNS = "code, zone_id, matter_code, hall_day, slot_start, booked_at, checked_in_at, ticket_id,"
            + " phone, id_masked, lang, cancelled_at, late_check_in";
    private static final int CODE_DIGITS = 8;
    private static final Duration REMINDER_PERIOD = Duration.ofMinutes(1);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final HallDatabase database;
    private final AuditOutbox audit;
    private final HallClock clock;
    private final AppointmentBook book;
    private final HallQueue queue;
    private final BookingRules rules;
    private final boolean reminders;
    private final ScheduledFuture<?> reminderTask;
    private final SecureRandom random = new SecureRandom();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile MatterCatalog catalog;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile OfficeHours hours;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile HallNotifications notifications;

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
        this.book = book;
        this.queue = queue;
        this.rules = new BookingRules(clock.zone(), config);
        this.reminders = config.reminders();
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

    // ---- booking ------------------------------------------------------------------------

    @Override
    public Booking book(BookingRequest r, String origin) {
        String phone = phone(r.phone());
        String idMasked = idMasked(r.idNumber());
        String lang = language(r.language());
        if (r.idempotencyKey().length() > 128) {
            throw new BookingException(Reason.INVALID, "invalid-idempotency-key", "Idempotency-Key",
                    "Idempotency-Key 最多128个字符 (at most 128 characters)");
        }
        String zoneId = zoneOf(r.zoneId(), r.matterCode());
        AppointmentSlot seat = slot(zoneId, r.day(), r.slot());
        Instant now = now();
        Stored stored = database.inTransaction(h -> {
            if (!r.idempotencyKey().isEmpty()) {
                Optional<Row> earlier = one(h, "WHERE idempotency_key = :v", r.idempotencyKey());
                if (earlier.isPresent()) {
                    return new Stored(earlier.get(), null, false);
                }
            }
            lockPerson(h, phone, now);
            List<Row> mine = h.createQuery("SELECT " + COLUMNS + " FROM appointment WHERE phone = :phone AND hall_day >= :since")
                    .bind("phone", phone).bind("since", now.atZone(clock.zone()).toLocalDate().minusDays(3660)).map(HallBookings::row).list();
            Optional<Instant> suspended = rules.suspendedUntil(mine.stream()
                    .filter(b -> state(b, now) == BookingState.NO_SHOW).map(b -> rules.start(b.day, b.slot)).toList(), now);
            if (suspended.isPresent()) {
                String until = suspended.get().atZone(clock.zone()).toLocalDate().toString();
                throw new BookingException(Reason.CONFLICT, "booking-suspended", "phone", "此号码多次预约未到,暂停预约至 " + until
                        + " (this number missed several bookings; it may book again from " + until + ")");
            }
            long open = mine.stream().filter(b -> state(b, now) == BookingState.OPEN).count();
            if (open >= rules.maxOpen()) {
                throw new BookingException(Reason.CONFLICT, "too-many-bookings", "phone", "此号码已有 " + open + " 个未使用的预约,最多 "
                        + rules.maxOpen() + " 个;请先取消或使用 (this number holds " + open + " open bookings, at most "
                        + rules.maxOpen() + "; cancel or use one first)");
            }
            takeSeat(h, zoneId, r.day(), r.slot(), seat.capacity());
            String code = freeCode(h);
            h.createUpdate("INSERT INTO appointment (code, zone_id, matter_code, hall_day, slot_start, booked_at, checked_in_at,"
                    + " ticket_id, idempotency_key, phone, id_masked, lang, late_check_in)"
                    + " VALUES (:code, :zone, :matter, :day, :slot, :at, NULL, '', :key, :phone, :idm, :lang, FALSE)")
                    .bind("code", code).bind("zone", zoneId).bind("matter", r.matterCode()).bind("day", r.day())
                    .bind("slot", r.slot().toString()).bind("at", now).bind("key", r.idempotencyKey().isEmpty() ? null : r.idempotencyKey())
                    .bind("phone", phone).bind("idm", idMasked).bind("lang", lang).execute();
            Row row = one(h, "WHERE code = :v", code).orElseThrow();
            return new Stored(row, audit.hold(h, event("booking.book", origin, row, "")), true);
        });
        deliver(stored);
        if (stored.fresh) {
            tell(stored.row, "confirmed", "booking-confirmed");
        }
        return view(stored.row, now);
    }

    @Override
    public Booking find(String code, String phone) {
        return view(mine(code, phone), now());
    }

    @Override
    public Booking cancel(String code, String phone, String origin) {
        Row before = mine(code, phone);
        Instant now = now();
        Stored stored = database.inTransaction(h -> {
            Row row = one(h, "WHERE code = :v", before.code).orElseThrow();
            requireOpen(row, now);
            int n = h.createUpdate("UPDATE appointment SET cancelled_at = :at WHERE code = :code AND cancelled_at IS NULL"
                    + " AND checked_in_at IS NULL").bind("at", now).bind("code", row.code).execute();
            if (n != 1) {
                throw closed(row, now);
            }
            freeSeat(h, row.zoneId, row.day, row.slot);
            Row cancelled = one(h, "WHERE code = :v", row.code).orElseThrow();
            return new Stored(cancelled, audit.hold(h, event("booking.cancel", origin, cancelled, "")), true);
        });
        deliver(stored);
        tell(stored.row, "cancelled", "booking-cancelled");
        return view(stored.row, now);
    }

    @Override
    public Booking reschedule(String code, String phone, LocalDate day, LocalTime slot, String origin) {
        Row before = mine(code, phone);
        AppointmentSlot seat = slot(before.zoneId, day, slot);
        Instant now = now();
        Stored stored = database.inTransaction(h -> {
            Row row = one(h, "WHERE code = :v", before.code).orElseThrow();
            requireOpen(row, now);
            if (row.day.equals(day) && row.slot.equals(slot)) {
                return new Stored(row, null, false);
            }
            takeSeat(h, row.zoneId, day, slot, seat.capacity());
            freeSeat(h, row.zoneId, row.day, row.slot);
            h.createUpdate("UPDATE appointment SET hall_day = :day, slot_start = :slot WHERE code = :code")
                    .bind("day", day).bind("slot", slot.toString()).bind("code", row.code).execute();
            Row moved = one(h, "WHERE code = :v", row.code).orElseThrow();
            return new Stored(moved, audit.hold(h, event("booking.reschedule", origin, moved, "from " + row.day + " " + row.slot)), true);
        });
        deliver(stored);
        if (stored.fresh) {
            tell(stored.row, "confirmed-" + stored.row.day + "T" + stored.row.slot, "booking-confirmed");
        }
        return view(stored.row, now);
    }

    // ---- check-in -----------------------------------------------------------------------

    @Override
    public CheckedIn checkIn(String code, String origin) {
        Row a;
        try {
            a = byCode(code);
        } catch (QueueException e) {
            String c = code == null ? "" : code.trim();
            throw new BookingException(Reason.NOT_FOUND, "unknown-appointment", "code", "没有预约号 '" + c + "',请核对 " + CODE_DIGITS
                    + " 位数字 (no appointment has the code '" + c + "'; check the " + CODE_DIGITS + " digits of the booking)");
        }
        Instant now = now();
        if (a.cancelledAt.isPresent()) {
            throw closed(a, now);
        }
        if (a.checkedInAt.isPresent()) {
            String number = queue.ticket(a.ticketId).map(t -> t.number()).orElse("");
            throw QueueStore.conflict("appointment-used", "预约 " + a.code + " 已于 " + a.checkedInAt.get() + " 签到"
                    + (number.isEmpty() ? "" : ",票号 " + number) + ",不能再次使用 (appointment " + a.code + " was checked in at "
                    + a.checkedInAt.get() + (number.isEmpty() ? "" : " and got ticket " + number) + "; it cannot be used again)");
        }
        BookingRules.Arrival arrival = rules.arrival(a.day, a.slot, now);
        switch (arrival) {
            case OTHER_DAY -> throw QueueStore.conflict("appointment-not-today", "预约 " + a.code + " 是 " + a.day + " " + a.slot
                    + " 的,不是今天;请当天来签到 (appointment " + a.code + " is for " + a.day + " at " + a.slot
                    + ", not today; come on that day)");
            case EARLY -> {
                String from = TIME.format(rules.from(a.day, a.slot).atZone(clock.zone()));
                throw QueueStore.conflict("too-early", "预约 " + a.slot + " 的签到从 " + from + " 开始,请稍后再来 (check-in for the "
                        + a.slot + " slot opens at " + from + "; come back then)");
            }
            default -> {
            }
        }
        boolean late = arrival == BookingRules.Arrival.LATE;
        IssuedTicket ticket = late
                ? queue.issue(new TicketRequest(a.zoneId, "", a.matterCode, TicketPriority.NORMAL, "", "", "booking-late-" + a.code))
                : queue.issue(new TicketRequest(a.zoneId, "", a.matterCode, TicketPriority.APPOINTMENT, "", a.code, "appointment-" + a.code));
        Stored stored = database.inTransaction(h -> {
            int n = h.createUpdate("UPDATE appointment SET checked_in_at = :at, ticket_id = :ticket, late_check_in = :late"
                    + " WHERE code = :code AND checked_in_at IS NULL AND cancelled_at IS NULL")
                    .bind("at", now).bind("ticket", ticket.ticket().id()).bind("late", late).bind("code", a.code).execute();
            Row row = one(h, "WHERE code = :v", a.code).orElseThrow();
            // 0 rows: a concurrent check-in of the same code marked it with the same ticket
            return new Stored(row, n == 1 ? audit.hold(h, event("booking.check-in", origin, row,
                    (late ? "late, normal ticket " : "on time, appointment ticket ") + ticket.ticket().number())) : null, n == 1);
        });
        deliver(stored);
        return new CheckedIn(view(stored.row, now), ticket, stored.row.late);
    }

    @Override
    public List<Booking> day(LocalDate day) {
        Instant now = now();
        return database.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM appointment WHERE hall_day = :day"
                + " ORDER BY slot_start, zone_id, booked_at").bind("day", day).map(HallBookings::row).list())
                .stream().map(r -> view(r, now)).toList();
    }

    // ---- reminders ----------------------------------------------------------------------

    /**
     * Writes the reminders that are due: the day before (24 hours before the slot, when it was booked
     * earlier than that) and the hour before. Each has its own key in the outbox, so running this on
     * every node, every minute, writes each once.
     *
     * @return how many reminders were written (or found written)
     */
    public int remind() {
        HallNotifications outbox = notifications;
        if (!reminders || outbox == null) {
            return 0;
        }
        Instant now = now();
        LocalDate today = now.atZone(clock.zone()).toLocalDate();
        List<Row> soon = database.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM appointment WHERE phone <> ''"
                + " AND cancelled_at IS NULL AND checked_in_at IS NULL AND hall_day >= :today AND hall_day <= :tomorrow")
                .bind("today", today).bind("tomorrow", today.plusDays(1)).map(HallBookings::row).list());
        int written = 0;
        for (Row r : soon) {
            Instant start = rules.start(r.day, r.slot);
            if (!start.isAfter(now)) {
                continue;
            }
            String which = null;
            if (!now.isBefore(start.minus(Duration.ofHours(1)))) {
                which = r.bookedAt.isBefore(start.minus(Duration.ofHours(1))) ? "hour-before" : null;
            } else if (!now.isBefore(start.minus(Duration.ofDays(1)))) {
                which = r.bookedAt.isBefore(start.minus(Duration.ofDays(1))) ? "day-before" : null;
            }
            if (which != null && tell(r, r.day + "T" + r.slot + ":" + which, "booking-reminder")) {
                written++;
            }
        }
        return written;
    }

    // ---- checks -------------------------------------------------------------------------

    private static String phone(String text) {
        String p = text.replace(" ", "").replace("-", "");
        if (!MOBILE.matcher(p).matches()) {
            throw new BookingException(Reason.INVALID, "invalid-phone", "phone", "phone: 请填写11位手机号码 (an 11-digit mainland mobile number)");
        }
        return p;
    }

    private static String idMasked(String id) {
        if (id.isEmpty()) {
            return "";
        }
        if (!ID_NUMBER.matcher(id).matches()) {
            throw new BookingException(Reason.INVALID, "invalid-id-number", "idNumber",
                    "idNumber: 请填写18位身份证号码,或不填 (an 18-character resident ID number, or none)");
        }
        return id.substring(0, 3) + "*".repeat(11) + id.substring(14).toUpperCase(Locale.ROOT);
    }

    private static String language(String lang) {
        return switch (lang.isEmpty() ? "zh" : lang.toLowerCase(Locale.ROOT)) {
            case "zh", "zh-cn" -> "zh";
            case "en" -> "en";
            default -> throw new BookingException(Reason.INVALID, "invalid-language", "language", "language: zh 或 en (zh or en)");
        };
    }

    private String zoneOf(String zoneId, String matterCode) {
        if (matterCode.length() > 16) {
            throw new BookingException(Reason.INVALID, "unknown-matter", "matter", "matter: 最多16个字符 (at most 16 characters)");
        }
        MatterCatalog c = catalog;
        Optional<Matter> matter = matterCode.isEmpty() || c == null ? Optional.empty() : c.matter(matterCode);
        if (!matterCode.isEmpty() && c != null && matter.isEmpty()) {
            throw new BookingException(Reason.NOT_FOUND, "unknown-matter", "matter", "大厅没有事项 '" + matterCode
                    + "' (no matter '" + matterCode + "' is offered in the hall)");
        }
        if (zoneId.isEmpty() && matter.isPresent()) {
            return matter.get().zoneId();
        }
        if (zoneId.isEmpty()) {
            throw new BookingException(Reason.INVALID, "missing-zone", "zone", "zone: 请选择办理区域或事项 (name a zone or a matter)");
        }
        return zoneId;
    }

    /** @return the slot of the appointment book, checked: a configured slot, in the future, within office hours */
    private AppointmentSlot slot(String zoneId, LocalDate day, LocalTime slot) {
        if (day == null) {
            throw new BookingException(Reason.INVALID, "invalid-day", "day", "day: 请填写日期,如 2026-12-01 (a date like 2026-12-01)");
        }
        if (slot == null) {
            throw new BookingException(Reason.INVALID, "invalid-slot", "slot", "slot: 请填写时段,如 09:30 (a slot like 09:30)");
        }
        List<AppointmentSlot> slots;
        try {
            slots = book.slots(zoneId, day);
        } catch (BookingException e) {
            throw e;
        } catch (QueueException e) {
            String field = e.code().equals("unknown-zone") ? "zone" : "day";
            throw new BookingException(e.reason(), e.code(), field, field + ": " + e.getMessage());
        }
        AppointmentSlot seat = slots.stream().filter(s -> s.start().equals(slot)).findFirst().orElseThrow(() -> new BookingException(
                Reason.INVALID, "invalid-slot", "slot", "slot: 可选时段为 " + String.join(", ", slots.stream().map(s -> s.start().toString())
                        .toList()) + " (the slots are these; give one of them)"));
        Instant start = rules.start(day, slot);
        if (!start.isAfter(now())) {
            throw new BookingException(Reason.INVALID, "invalid-slot", "slot", "slot: " + day + " " + slot
                    + " 已经过去,请选择以后的时段 (that slot has passed; choose a later one)");
        }
        OfficeHours h = hours;
        if (h != null) {
            HoursStatus s = h.status(zoneId, start);
            if (s.enforced() && !s.open()) {
                throw new BookingException(Reason.INVALID, "invalid-slot", "slot", "slot: " + day + " " + slot
                        + " 不在办公时间内 (that slot is outside the office hours of zone " + zoneId + ")");
            }
        }
        if (!seat.free()) {
            throw full(zoneId, day, slot);
        }
        return seat;
    }

    private static BookingException full(String zoneId, LocalDate day, LocalTime slot) {
        return new BookingException(Reason.CONFLICT, "slot-full", "slot", "slot: " + day + " " + slot + " 已约满,请选择其他时段"
                + " (the slot is fully booked in zone " + zoneId + "; choose another)");
    }

    private void requireOpen(Row row, Instant now) {
        if (state(row, now) != BookingState.OPEN) {
            throw closed(row, now);
        }
    }

    private QueueException closed(Row row, Instant now) {
        BookingState s = state(row, now);
        return QueueStore.conflict("booking-closed", "预约 " + row.code + " 已" + switch (s) {
            case CANCELLED -> "取消";
            case CHECKED_IN, CHECKED_IN_LATE -> "签到";
            default -> "过期";
        } + ",不能再更改 (booking " + row.code + " is " + s.name().toLowerCase(Locale.ROOT).replace('_', ' ') + "; it cannot be changed)");
    }

    private Row byCode(String code) {
        String c = code == null ? "" : code.trim();
        Optional<Row> row = c.matches("\\d{" + CODE_DIGITS + "}") ? database.withHandle(h -> one(h, "WHERE code = :v", c)) : Optional.empty();
        return row.orElseThrow(() -> unknown(c));
    }

    /** @return the booking of the code when the phone is its own; the same refusal otherwise, so codes cannot be probed */
    private Row mine(String code, String phone) {
        String p = phone == null ? "" : phone.replace(" ", "").replace("-", "");
        Row row;
        try {
            row = byCode(code);
        } catch (QueueException e) {
            throw unknown(code == null ? "" : code.trim());
        }
        if (p.isEmpty() || row.phone.isEmpty() || !row.phone.equals(p)) {
            throw unknown(row.code);
        }
        return row;
    }

    private static QueueException unknown(String code) {
        return new BookingException(Reason.NOT_FOUND, "unknown-booking", "code", "没有预约码为 '" + code + "' 且手机号相符的预约"
                + " (no booking has that code with that phone number; check the " + CODE_DIGITS + " digits and the number)");
    }

    private BookingState state(Row r, Instant now) {
        return rules.state(r.day, r.slot, r.cancelledAt.isPresent(), r.checkedInAt.isPresent(), r.late, now);
    }

    // ---- store --------------------------------------------------------------------------

    private static void lockPerson(Handle h, String phone, Instant now) {
        int n = h.createUpdate("UPDATE booking_person SET last_booked_at = :at WHERE phone = :phone")
                .bind("at", now).bind("phone", phone).execute();
        if (n == 0) {
            // a concurrent first booking of the number collides here on the key; the database helper runs the transaction again
            h.createUpdate("INSERT INTO booking_person (phone, last_booked_at) VALUES (:phone, :at)")
                    .bind("phone", phone).bind("at", now).execute();
        }
    }

    private static void takeSeat(Handle h, String zoneId, LocalDate day, LocalTime slot, int capacity) {
        int up = h.createUpdate("UPDATE appointment_slot SET booked = booked + 1 WHERE zone_id = :zone AND hall_day = :day"
                + " AND slot_start = :slot AND booked < :cap").bind("zone", zoneId).bind("day", day).bind("slot", slot.toString())
                .bind("cap", capacity).execute();
        if (up == 1) {
            return;
        }
        boolean exists = h.createQuery("SELECT COUNT(*) FROM appointment_slot WHERE zone_id = :zone AND hall_day = :day AND slot_start = :slot")
                .bind("zone", zoneId).bind("day", day).bind("slot", slot.toString()).mapTo(Integer.class).one() > 0;
        if (exists) {
            throw full(zoneId, day, slot);
        }
        // a concurrent first booking of the slot collides on the key; the transaction is run again and then updates
        h.createUpdate("INSERT INTO appointment_slot (zone_id, hall_day, slot_start, booked) VALUES (:zone, :day, :slot, 1)")
                .bind("zone", zoneId).bind("day", day).bind("slot", slot.toString()).execute();
    }

    private static void freeSeat(Handle h, String zoneId, LocalDate day, LocalTime slot) {
        h.createUpdate("UPDATE appointment_slot SET booked = booked - 1 WHERE zone_id = :zone AND hall_day = :day"
                + " AND slot_start = :slot AND booked > 0").bind("zone", zoneId).bind("day", day).bind("slot", slot.toString()).execute();
    }

    private String freeCode(Handle h) {
        for (int attempt = 0; attempt < 20; attempt++) {
            StringBuilder code = new StringBuilder(CODE_DIGITS);
            code.append(1 + random.nextInt(9));
            for (int i = 1; i < CODE_DIGITS; i++) {
                code.append(random.nextInt(10));
            }
            if (one(h, "WHERE code = :v", code.toString()).isEmpty()) {
                return code.toString();
            }
        }
        throw new IllegalStateException("no free appointment code found; the book is nearly full");
    }

    /** A stored booking, phone in the clear (it never leaves this class unmasked). */
    private record Row(String code, String zoneId, String matterCode, LocalDate day, LocalTime slot, Instant bookedAt,
            Optional<Instant> checkedInAt, String ticketId, String phone, String idMasked, String lang,
            Optional<Instant> cancelledAt, boolean late) {
    }

    /** A row after a change, with its audit events to deliver after the commit. */
    private record Stored(Row row, AuditOutbox.Held held, boolean fresh) {
    }

    private static Optional<Row> one(Handle h, String where, String value) {
        return h.createQuery("SELECT " + COLUMNS + " FROM appointment " + where).bind("v", value).map(HallBookings::row).findOne();
    }

    private static Row row(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        return new Row(rs.getString("code"), rs.getString("zone_id"), rs.getString("matter_code"), rs.getDate("hall_day").toLocalDate(),
                LocalTime.parse(rs.getString("slot_start")), rs.getTimestamp("booked_at").toInstant(),
                Optional.ofNullable(rs.getTimestamp("checked_in_at")).map(Timestamp::toInstant), rs.getString("ticket_id"),
                rs.getString("phone"), rs.getString("id_masked"), rs.getString("lang"),
                Optional.ofNullable(rs.getTimestamp("cancelled_at")).map(Timestamp::toInstant), rs.getBoolean("late_check_in"));
    }

    private Booking view(Row r, Instant now) {
        return new Booking(r.code, r.zoneId, r.matterCode, r.day, r.slot, r.phone.isEmpty() ? "" : CitizenDataMasking.maskPhone(r.phone),
                r.idMasked, state(r, now), r.bookedAt, r.checkedInAt, r.ticketId, rules.from(r.day, r.slot), rules.to(r.day, r.slot));
    }

    private AuditEvent event(String action, String origin, Row r, String detail) {
        String phone = r.phone.isEmpty() ? "anonymous" : CitizenDataMasking.maskPhone(r.phone);
        return new AuditEvent(action, phone, origin == null ? "" : origin, "booking:" + r.code, AuditEvent.SUCCESS,
                (r.zoneId + " " + r.day + " " + r.slot + " " + detail).strip());
    }

    private void deliver(Stored s) {
        if (s.held != null) {
            audit.deliver(s.held);
        }
    }

    /** Writes a text message about the booking to the outbox; a failure is logged, never thrown. */
    private boolean tell(Row r, String what, String template) {
        HallNotifications outbox = notifications;
        if (outbox == null || r.phone.isEmpty()) {
            return false;
        }
        ZoneId zone = clock.zone();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("code", r.code);
        values.put("day", r.day.toString());
        values.put("slot", r.slot.toString());
        values.put("zone", r.zoneId);
        values.put("from", TIME.format(rules.from(r.day, r.slot).atZone(zone)));
        values.put("to", TIME.format(rules.to(r.day, r.slot).atZone(zone)));
        try {
            outbox.enqueue("booking:" + r.code + ":" + what, r.phone, r.lang.equals("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE,
                    template, values);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Text message {} of booking {} to {} not written: {}", template, r.code, CitizenDataMasking.maskPhone(r.phone),
                    e.getMessage());
            return false;
        }
    }

    /** For tests: the bookings' rows of a phone, newest first, as views. */
    List<Booking> of(String phone) {
        Instant now = now();
        List<Booking> out = new ArrayList<>();
        database.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM appointment WHERE phone = :p ORDER BY booked_at DESC")
                .bind("p", phone).map(HallBookings::row).list()).forEach(r -> out.add(view(r, now)));
        return out;
    }
}
