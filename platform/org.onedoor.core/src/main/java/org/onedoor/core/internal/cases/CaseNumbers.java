package org.onedoor.core.internal.cases;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

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

    static String next(Connection c, String scope, LocalDate day) throws SQLException {
        int seq;
        try (PreparedStatement up = c.prepareStatement(
                "UPDATE case_counter SET last_number = last_number + 1 WHERE scope = ? AND hall_day = ?")) {
            up.setString(1, scope);
            up.setDate(2, Date.valueOf(day));
            if (up.executeUpdate() == 0) {
                try (PreparedStatement ins = c.prepareStatement("INSERT INTO case_counter (scope, hall_day, last_number) VALUES (?, ?, 1)")) {
                    ins.setString(1, scope);
                    ins.setDate(2, Date.valueOf(day));
                    ins.executeUpdate();
                }
                seq = 1;
            } else {
                try (PreparedStatement q = c.prepareStatement("SELECT last_number FROM case_counter WHERE scope = ? AND hall_day = ?")) {
                    q.setString(1, scope);
                    q.setDate(2, Date.valueOf(day));
                    try (ResultSet rs = q.executeQuery()) {
                        rs.next();
                        seq = rs.getInt(1);
                    }
                }
            }
        }
        return scope + "-" + DAY.format(day) + "-" + String.format("%04d", seq);
    }

    static boolean wellFormed(String number) {
        return number != null && number.matches(PATTERN);
    }
}
