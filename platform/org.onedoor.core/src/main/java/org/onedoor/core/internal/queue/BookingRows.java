package org.onedoor.core.internal.queue;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.citizen.CitizenDataMasking;
import org.onedoor.api.queue.Booking;
import org.onedoor.core.internal.audit.AuditOutbox;

/**
 * The bookings' rows of the appointment book (V30, V81) read and written on a transaction's handle:
 * the booking itself, the seat it takes in its slot and the phone number's {@code booking_person}
 * row; and how a row is shown (phone and ID masked) and audited.
 */
final class BookingRows {

    static final String COLUMNS = "code, zone_id, matter_code, hall_day, slot_start, booked_at, checked_in_at, ticket_id,"
            + " phone, id_masked, lang, cancelled_at, late_check_in";
    static final int CODE_DIGITS = 8;

    private final SecureRandom random = new SecureRandom();

    /** A stored booking, phone in the clear (it never leaves the bookings' classes unmasked). */
    record Row(String code, String zoneId, String matterCode, LocalDate day, LocalTime slot, Instant bookedAt,
            Optional<Instant> checkedInAt, String ticketId, String phone, String idMasked, String lang,
            Optional<Instant> cancelledAt, boolean late) {
    }

    /** A row after a change, with its audit events to deliver after the commit. */
    record Stored(Row row, AuditOutbox.Held held, boolean fresh) {
    }

    static Optional<Row> one(Handle h, String where, String value) {
        return h.createQuery("SELECT " + COLUMNS + " FROM appointment " + where).bind("v", value).map(BookingRows::row).findOne();
    }

    static List<Row> ofPhone(Handle h, String phone, LocalDate since) {
        return h.createQuery("SELECT " + COLUMNS + " FROM appointment WHERE phone = :phone AND hall_day >= :since")
                .bind("phone", phone).bind("since", since).map(BookingRows::row).list();
    }

    static List<Row> ofDay(Handle h, LocalDate day) {
        return h.createQuery("SELECT " + COLUMNS + " FROM appointment WHERE hall_day = :day ORDER BY slot_start, zone_id, booked_at")
                .bind("day", day).map(BookingRows::row).list();
    }

    /** @return the open bookings with a phone number of today and tomorrow (the ones a reminder may be due for) */
    static List<Row> remindable(Handle h, LocalDate today) {
        return h.createQuery("SELECT " + COLUMNS + " FROM appointment WHERE phone <> ''"
                + " AND cancelled_at IS NULL AND checked_in_at IS NULL AND hall_day >= :today AND hall_day <= :tomorrow")
                .bind("today", today).bind("tomorrow", today.plusDays(1)).map(BookingRows::row).list();
    }

    static List<Row> newestFirst(Handle h, String phone) {
        return h.createQuery("SELECT " + COLUMNS + " FROM appointment WHERE phone = :p ORDER BY booked_at DESC")
                .bind("p", phone).map(BookingRows::row).list();
    }

    /** @return the seats taken per slot start (HH:mm) of a zone's day */
    static java.util.Map<String, Integer> booked(Handle h, String zoneId, LocalDate day) {
        java.util.Map<String, Integer> out = new java.util.HashMap<>();
        h.createQuery("SELECT slot_start, booked FROM appointment_slot WHERE zone_id = :zone AND hall_day = :day")
                .bind("zone", zoneId).bind("day", day).map((rs, ctx) -> java.util.Map.entry(rs.getString(1), rs.getInt(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    static void lockPerson(Handle h, String phone, Instant now) {
        int n = h.createUpdate("UPDATE booking_person SET last_booked_at = :at WHERE phone = :phone")
                .bind("at", now).bind("phone", phone).execute();
        if (n == 0) {
            // a concurrent first booking of the number collides here on the key; the database helper runs the transaction again
            h.createUpdate("INSERT INTO booking_person (phone, last_booked_at) VALUES (:phone, :at)")
                    .bind("phone", phone).bind("at", now).execute();
        }
    }

    static void takeSeat(Handle h, String zoneId, LocalDate day, LocalTime slot, int capacity) {
        int up = h.createUpdate("UPDATE appointment_slot SET booked = booked + 1 WHERE zone_id = :zone AND hall_day = :day"
                + " AND slot_start = :slot AND booked < :cap").bind("zone", zoneId).bind("day", day).bind("slot", slot.toString())
                .bind("cap", capacity).execute();
        if (up == 1) {
            return;
        }
        boolean exists = h.createQuery("SELECT COUNT(*) FROM appointment_slot WHERE zone_id = :zone AND hall_day = :day AND slot_start = :slot")
                .bind("zone", zoneId).bind("day", day).bind("slot", slot.toString()).mapTo(Integer.class).one() > 0;
        if (exists) {
            throw BookingChecks.full(zoneId, day, slot);
        }
        // a concurrent first booking of the slot collides on the key; the transaction is run again and then updates
        h.createUpdate("INSERT INTO appointment_slot (zone_id, hall_day, slot_start, booked) VALUES (:zone, :day, :slot, 1)")
                .bind("zone", zoneId).bind("day", day).bind("slot", slot.toString()).execute();
    }

    static void freeSeat(Handle h, String zoneId, LocalDate day, LocalTime slot) {
        h.createUpdate("UPDATE appointment_slot SET booked = booked - 1 WHERE zone_id = :zone AND hall_day = :day"
                + " AND slot_start = :slot AND booked > 0").bind("zone", zoneId).bind("day", day).bind("slot", slot.toString()).execute();
    }

    String freeCode(Handle h) {
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

    private static Row row(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Row(rs.getString("code"), rs.getString("zone_id"), rs.getString("matter_code"), rs.getDate("hall_day").toLocalDate(),
                LocalTime.parse(rs.getString("slot_start")), rs.getTimestamp("booked_at").toInstant(),
                Optional.ofNullable(rs.getTimestamp("checked_in_at")).map(Timestamp::toInstant), rs.getString("ticket_id"),
                rs.getString("phone"), rs.getString("id_masked"), rs.getString("lang"),
                Optional.ofNullable(rs.getTimestamp("cancelled_at")).map(Timestamp::toInstant), rs.getBoolean("late_check_in"));
    }

    static Booking view(Row r, Instant now, BookingRules rules) {
        return new Booking(r.code, r.zoneId, r.matterCode, r.day, r.slot, r.phone.isEmpty() ? "" : CitizenDataMasking.maskPhone(r.phone),
                r.idMasked, BookingChecks.state(rules, r, now), r.bookedAt, r.checkedInAt, r.ticketId, rules.from(r.day, r.slot),
                rules.to(r.day, r.slot));
    }

    static AuditEvent event(String action, String origin, Row r, String detail) {
        String phone = r.phone.isEmpty() ? "anonymous" : CitizenDataMasking.maskPhone(r.phone);
        return new AuditEvent(action, phone, origin == null ? "" : origin, "booking:" + r.code, AuditEvent.SUCCESS,
                (r.zoneId + " " + r.day + " " + r.slot + " " + detail).strip());
    }
}
