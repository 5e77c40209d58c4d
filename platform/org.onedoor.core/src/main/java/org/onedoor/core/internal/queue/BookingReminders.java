package org.onedoor.core.internal.queue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.onedoor.api.citizen.CitizenDataMasking;
import org.onedoor.api.hall.HallClock;
import org.onedoor.core.internal.notify.HallNotifications;
import org.onedoor.core.internal.queue.BookingRows.Row;
import org.onedoor.store.HallDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The text messages of bookings: the confirmation, the cancellation and the reminders the day before
 * and the hour before, written to the notification outbox with one key per message, so that every
 * node may write them. A failure of the outbox is logged, never thrown: the booking stands.
 */
final class BookingReminders {

    private static final Logger LOG = LoggerFactory.getLogger(BookingReminders.class);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final HallDatabase database;
    private final HallClock clock;
    private final BookingRules rules;
    private final boolean reminders;
    private final Supplier<HallNotifications> notifications;

    BookingReminders(HallDatabase database, HallClock clock, BookingRules rules, boolean reminders,
            Supplier<HallNotifications> notifications) {
        this.database = database;
        this.clock = clock;
        this.rules = rules;
        this.reminders = reminders;
        this.notifications = notifications;
    }

    /**
     * Writes the reminders that are due: the day before (24 hours before the slot, when it was booked
     * earlier than that) and the hour before. Each has its own key in the outbox, so running this on
     * every node, every minute, writes each once.
     *
     * @return how many reminders were written (or found written)
     */
    int remind() {
        if (!reminders || notifications.get() == null) {
            return 0;
        }
        Instant now = clock.now().truncatedTo(ChronoUnit.MILLIS);
        LocalDate today = now.atZone(clock.zone()).toLocalDate();
        List<Row> soon = database.withHandle(h -> BookingRows.remindable(h, today));
        int written = 0;
        for (Row r : soon) {
            String which = due(r, now);
            if (which != null && tell(r, r.day() + "T" + r.slot() + ":" + which, "booking-reminder")) {
                written++;
            }
        }
        return written;
    }

    /** @return {@code day-before}, {@code hour-before} or null: the reminder due now for the booking */
    private String due(Row r, Instant now) {
        Instant start = rules.start(r.day(), r.slot());
        if (!start.isAfter(now)) {
            return null;
        }
        Instant hourBefore = start.minus(Duration.ofHours(1));
        Instant dayBefore = start.minus(Duration.ofDays(1));
        if (!now.isBefore(hourBefore)) {
            return r.bookedAt().isBefore(hourBefore) ? "hour-before" : null;
        }
        if (!now.isBefore(dayBefore)) {
            return r.bookedAt().isBefore(dayBefore) ? "day-before" : null;
        }
        return null;
    }

    /** Writes a text message about the booking to the outbox; a failure is logged, never thrown. */
    boolean tell(Row r, String what, String template) {
        HallNotifications outbox = notifications.get();
        if (outbox == null || r.phone().isEmpty()) {
            return false;
        }
        ZoneId zone = clock.zone();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("code", r.code());
        values.put("day", r.day().toString());
        values.put("slot", r.slot().toString());
        values.put("zone", r.zoneId());
        values.put("from", TIME.format(rules.from(r.day(), r.slot()).atZone(zone)));
        values.put("to", TIME.format(rules.to(r.day(), r.slot()).atZone(zone)));
        try {
            outbox.enqueue("booking:" + r.code() + ":" + what, r.phone(), r.lang().equals("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE,
                    template, values);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Text message {} of booking {} to {} not written: {}", template, r.code(), CitizenDataMasking.maskPhone(r.phone()),
                    e.getMessage());
            return false;
        }
    }
}
