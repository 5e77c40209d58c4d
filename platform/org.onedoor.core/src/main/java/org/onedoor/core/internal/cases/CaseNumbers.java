package org.onedoor.core.internal.cases;

import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.jdbi.v3.core.Handle;

/**
 * Readable hall numbers: scope (department id, or {@code YJS} for "one thing" bundles), the
 * acceptance day and a daily sequence, e.g. {@code A17-20261127-0003}.
 */
final class CaseNumbers {

    static final String BUNDLE_SCOPE = "YJS";
    static final String PATTERN = "[A-Z][0-9]{2}-[0-9]{8}-[0-9]{4,}|YJS-[0-9]{8}-[0-9]{4,}";

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private CaseNumbers() {
    }

    /**
     * @return the next number of the scope's day; the first of a day inserts the day's counter (two first ones at once
     *         collide on its key, and the {@link CaseStore}'s transaction runs again)
     */
    static String next(Handle h, String scope, LocalDate day) {
        Date hallDay = Date.valueOf(day);
        int seq;
        if (h.createUpdate("UPDATE case_counter SET last_number = last_number + 1 WHERE scope = :scope AND hall_day = :day")
                .bind("scope", scope).bind("day", hallDay).execute() == 0) {
            h.createUpdate("INSERT INTO case_counter (scope, hall_day, last_number) VALUES (:scope, :day, 1)")
                    .bind("scope", scope).bind("day", hallDay).execute();
            seq = 1;
        } else {
            seq = h.createQuery("SELECT last_number FROM case_counter WHERE scope = :scope AND hall_day = :day")
                    .bind("scope", scope).bind("day", hallDay).map((rs, ctx) -> rs.getInt("last_number")).one();
        }
        return scope + "-" + DAY.format(day) + "-" + String.format("%04d", seq);
    }

    static boolean wellFormed(String number) {
        return number != null && number.matches(PATTERN);
    }
}
