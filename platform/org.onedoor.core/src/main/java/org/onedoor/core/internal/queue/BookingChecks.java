package org.onedoor.core.internal.queue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.onedoor.api.hall.HoursStatus;
import org.onedoor.api.hall.OfficeHours;
import org.onedoor.api.matter.Matter;
import org.onedoor.api.matter.MatterCatalog;
import org.onedoor.api.queue.AppointmentBook;
import org.onedoor.api.queue.AppointmentSlot;
import org.onedoor.api.queue.BookingException;
import org.onedoor.api.queue.BookingState;
import org.onedoor.api.queue.QueueException;
import org.onedoor.api.queue.QueueException.Reason;
import org.onedoor.core.internal.queue.BookingRows.Row;
import org.onedoor.store.HallDatabase;

/**
 * The checks of a booking's input and of the booking it names: the phone number, ID number and
 * language; the zone or matter; the slot (configured, in the future, within office hours, not
 * full); a code with its own number; whether a booking may still change. Each refusal is a
 * {@link BookingException} naming the field, in Chinese with English beside it.
 */
final class BookingChecks {

    /** A mainland mobile number: 11 digits, 13x to 19x. */
    static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    /** A resident identity number: 17 digits and a digit or X. */
    private static final Pattern ID_NUMBER = Pattern.compile("[0-9]{17}[0-9Xx]");

    private final HallDatabase database;
    private final AppointmentBook book;
    private final BookingRules rules;
    private final Supplier<Instant> now;
    private final Supplier<MatterCatalog> catalog;
    private final Supplier<OfficeHours> hours;
    private final HolidayBookings holidays;

    BookingChecks(HallDatabase database, AppointmentBook book, BookingRules rules, Supplier<Instant> now,
            Supplier<MatterCatalog> catalog, Supplier<OfficeHours> hours, HolidayBookings holidays) {
        this.holidays = holidays;
        this.database = database;
        this.book = book;
        this.rules = rules;
        this.now = now;
        this.catalog = catalog;
        this.hours = hours;
    }

    static String phone(String text) {
        String p = text.replace(" ", "").replace("-", "");
        if (!MOBILE.matcher(p).matches()) {
            throw new BookingException(Reason.INVALID, "invalid-phone", "phone", "phone: 请填写11位手机号码 (an 11-digit mainland mobile number)");
        }
        return p;
    }

    static String idMasked(String id) {
        if (id.isEmpty()) {
            return "";
        }
        if (!ID_NUMBER.matcher(id).matches()) {
            throw new BookingException(Reason.INVALID, "invalid-id-number", "idNumber",
                    "idNumber: 请填写18位身份证号码,或不填 (an 18-character resident ID number, or none)");
        }
        return id.substring(0, 3) + "*".repeat(11) + id.substring(14).toUpperCase(Locale.ROOT);
    }

    static String language(String lang) {
        return switch (lang.isEmpty() ? "zh" : lang.toLowerCase(Locale.ROOT)) {
            case "zh", "zh-cn" -> "zh";
            case "en" -> "en";
            default -> throw new BookingException(Reason.INVALID, "invalid-language", "language", "language: zh 或 en (zh or en)");
        };
    }

    String zoneOf(String zoneId, String matterCode) {
        if (matterCode.length() > 16) {
            throw new BookingException(Reason.INVALID, "unknown-matter", "matter", "matter: 最多16个字符 (at most 16 characters)");
        }
        MatterCatalog c = catalog.get();
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

    /**
     * @return the slot of the appointment book, checked: a configured slot, in the future, within office
     *         hours; on a public holiday the 365 holiday service's slot, checked by its rule ({@link HolidayBookings})
     */
    AppointmentSlot slot(String zoneId, String matterCode, LocalDate day, LocalTime slot) {
        if (day == null) {
            throw new BookingException(Reason.INVALID, "invalid-day", "day", "day: 请填写日期,如 2026-12-01 (a date like 2026-12-01)");
        }
        if (slot == null) {
            throw new BookingException(Reason.INVALID, "invalid-slot", "slot", "slot: 请填写时段,如 09:30 (a slot like 09:30)");
        }
        Optional<AppointmentSlot> holiday = holidays.slot(zoneId, matterCode, day, slot);
        if (holiday.isPresent()) {
            if (!rules.start(day, slot).isAfter(now.get())) {
                throw new BookingException(Reason.INVALID, "invalid-slot", "slot", "slot: " + day + " " + slot
                        + " 已经过去,请选择以后的时段 (that slot has passed; choose a later one)");
            }
            return holiday.get();
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
        if (!start.isAfter(now.get())) {
            throw new BookingException(Reason.INVALID, "invalid-slot", "slot", "slot: " + day + " " + slot
                    + " 已经过去,请选择以后的时段 (that slot has passed; choose a later one)");
        }
        OfficeHours h = hours.get();
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

    static BookingException full(String zoneId, LocalDate day, LocalTime slot) {
        return new BookingException(Reason.CONFLICT, "slot-full", "slot", "slot: " + day + " " + slot + " 已约满,请选择其他时段"
                + " (the slot is fully booked in zone " + zoneId + "; choose another)");
    }

    void requireOpen(Row row, Instant at) {
        if (state(rules, row, at) != BookingState.OPEN) {
            throw closed(row, at);
        }
    }

    QueueException closed(Row row, Instant at) {
        BookingState s = state(rules, row, at);
        return QueueStore.conflict("booking-closed", "预约 " + row.code() + " 已" + switch (s) {
            case CANCELLED -> "取消";
            case CHECKED_IN, CHECKED_IN_LATE -> "签到";
            default -> "过期";
        } + ",不能再更改 (booking " + row.code() + " is " + s.name().toLowerCase(Locale.ROOT).replace('_', ' ') + "; it cannot be changed)");
    }

    Row byCode(String code) {
        String c = code == null ? "" : code.trim();
        Optional<Row> row = c.matches("\\d{" + BookingRows.CODE_DIGITS + "}")
                ? database.withHandle(h -> BookingRows.one(h, "WHERE code = :v", c)) : Optional.empty();
        return row.orElseThrow(() -> unknown(c));
    }

    /** @return the booking of the code when the phone is its own; the same refusal otherwise, so codes cannot be probed */
    Row mine(String code, String phone) {
        String p = phone == null ? "" : phone.replace(" ", "").replace("-", "");
        Row row;
        try {
            row = byCode(code);
        } catch (QueueException e) {
            throw unknown(code == null ? "" : code.trim());
        }
        if (p.isEmpty() || row.phone().isEmpty() || !row.phone().equals(p)) {
            throw unknown(row.code());
        }
        return row;
    }

    private static QueueException unknown(String code) {
        return new BookingException(Reason.NOT_FOUND, "unknown-booking", "code", "没有预约码为 '" + code + "' 且手机号相符的预约"
                + " (no booking has that code with that phone number; check the " + BookingRows.CODE_DIGITS + " digits and the number)");
    }

    static BookingState state(BookingRules rules, Row r, Instant at) {
        return rules.state(r.day(), r.slot(), r.cancelledAt().isPresent(), r.checkedInAt().isPresent(), r.late(), at);
    }
}
