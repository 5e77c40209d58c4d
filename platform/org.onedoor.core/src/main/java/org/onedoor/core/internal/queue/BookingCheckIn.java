package org.onedoor.core.internal.queue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.onedoor.api.hall.HallClock;
import org.onedoor.api.queue.BookingException;
import org.onedoor.api.queue.Bookings.CheckedIn;
import org.onedoor.api.queue.HallQueue;
import org.onedoor.api.queue.IssuedTicket;
import org.onedoor.api.queue.QueueException;
import org.onedoor.api.queue.QueueException.Reason;
import org.onedoor.api.queue.TicketPriority;
import org.onedoor.api.queue.TicketRequest;
import org.onedoor.core.internal.audit.AuditOutbox;
import org.onedoor.core.internal.queue.BookingRows.Row;
import org.onedoor.core.internal.queue.BookingRows.Stored;
import org.onedoor.store.HallDatabase;

/**
 * Check-in of a booking or an anonymous appointment at the kiosk: refused on another day or before
 * the window opens; within the window an {@code APPOINTMENT} ticket, after it (the same day) a
 * {@code NORMAL} ticket, marked late. The ticket is issued first (idempotent by the code), then the
 * booking is marked with it and audited in one transaction.
 */
final class BookingCheckIn {

    private final HallDatabase database;
    private final AuditOutbox audit;
    private final HallClock clock;
    private final HallQueue queue;
    private final BookingRules rules;
    private final BookingChecks checks;

    BookingCheckIn(HallDatabase database, AuditOutbox audit, HallClock clock, HallQueue queue, BookingRules rules, BookingChecks checks) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
        this.queue = queue;
        this.rules = rules;
        this.checks = checks;
    }

    CheckedIn checkIn(String code, String origin) {
        Row a;
        try {
            a = checks.byCode(code);
        } catch (QueueException e) {
            String c = code == null ? "" : code.trim();
            throw new BookingException(Reason.NOT_FOUND, "unknown-appointment", "code", "没有预约号 '" + c + "',请核对 "
                    + BookingRows.CODE_DIGITS + " 位数字 (no appointment has the code '" + c + "'; check the " + BookingRows.CODE_DIGITS
                    + " digits of the booking)");
        }
        Instant now = clock.now().truncatedTo(ChronoUnit.MILLIS);
        if (a.cancelledAt().isPresent()) {
            throw checks.closed(a, now);
        }
        if (a.checkedInAt().isPresent()) {
            String number = queue.ticket(a.ticketId()).map(t -> t.number()).orElse("");
            throw QueueStore.conflict("appointment-used", "预约 " + a.code() + " 已于 " + a.checkedInAt().get() + " 签到"
                    + (number.isEmpty() ? "" : ",票号 " + number) + ",不能再次使用 (appointment " + a.code() + " was checked in at "
                    + a.checkedInAt().get() + (number.isEmpty() ? "" : " and got ticket " + number) + "; it cannot be used again)");
        }
        BookingRules.Arrival arrival = rules.arrival(a.day(), a.slot(), now);
        switch (arrival) {
            case OTHER_DAY -> throw QueueStore.conflict("appointment-not-today", "预约 " + a.code() + " 是 " + a.day() + " " + a.slot()
                    + " 的,不是今天;请当天来签到 (appointment " + a.code() + " is for " + a.day() + " at " + a.slot()
                    + ", not today; come on that day)");
            case EARLY -> {
                String from = BookingReminders.TIME.format(rules.from(a.day(), a.slot()).atZone(clock.zone()));
                throw QueueStore.conflict("too-early", "预约 " + a.slot() + " 的签到从 " + from + " 开始,请稍后再来 (check-in for the "
                        + a.slot() + " slot opens at " + from + "; come back then)");
            }
            default -> {
            }
        }
        boolean late = arrival == BookingRules.Arrival.LATE;
        IssuedTicket ticket = late
                ? queue.issue(new TicketRequest(a.zoneId(), "", a.matterCode(), TicketPriority.NORMAL, "", "", "booking-late-" + a.code()))
                : queue.issue(new TicketRequest(a.zoneId(), "", a.matterCode(), TicketPriority.APPOINTMENT, "", a.code(),
                        "appointment-" + a.code()));
        Stored stored = database.inTransaction(h -> {
            int n = h.createUpdate("UPDATE appointment SET checked_in_at = :at, ticket_id = :ticket, late_check_in = :late"
                    + " WHERE code = :code AND checked_in_at IS NULL AND cancelled_at IS NULL")
                    .bind("at", now).bind("ticket", ticket.ticket().id()).bind("late", late).bind("code", a.code()).execute();
            Row row = BookingRows.one(h, "WHERE code = :v", a.code()).orElseThrow();
            // 0 rows: a concurrent check-in of the same code marked it with the same ticket
            return new Stored(row, n == 1 ? audit.hold(h, BookingRows.event("booking.check-in", origin, row,
                    (late ? "late, normal ticket " : "on time, appointment ticket ") + ticket.ticket().number())) : null, n == 1);
        });
        if (stored.held() != null) {
            audit.deliver(stored.held());
        }
        return new CheckedIn(BookingRows.view(stored.row(), now, rules), ticket, stored.row().late());
    }
}
