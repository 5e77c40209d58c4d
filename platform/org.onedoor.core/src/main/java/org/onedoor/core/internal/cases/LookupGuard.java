package org.onedoor.core.internal.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/**
 * Slows the guessing of check codes: after {@code attempts} wrong codes in a row for one case or
 * bundle number, look-ups of that number are refused for {@code lockMinutes}, whatever code comes.
 * Counts live in the number's row, so every node of the hall shares them.
 */
final class LookupGuard {

    private final int attempts;
    private final int lockMinutes;

    LookupGuard(int attempts, int lockMinutes) {
        this.attempts = Math.max(1, attempts);
        this.lockMinutes = Math.max(1, lockMinutes);
    }

    /**
     * @param table   {@code hall_case} or {@code case_bundle}
     * @param key     the key column of that table
     * @param matched whether the code given was right
     * @return true when the look-up may answer (the code was right and the number is not locked)
     * @throws org.onedoor.api.cases.CaseException TOO_MANY_ATTEMPTS while the number is locked
     */
    boolean admit(Connection c, String table, String key, String number, Instant now, boolean matched) throws SQLException {
        int failures;
        Timestamp lockedUntil;
        try (PreparedStatement ps = c.prepareStatement("SELECT lookup_failures, lookup_locked_until FROM " + table + " WHERE " + key
                + " = ? FOR UPDATE")) {
            ps.setString(1, number);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                failures = rs.getInt(1);
                lockedUntil = rs.getTimestamp(2);
            }
        }
        if (lockedUntil != null && now.isBefore(lockedUntil.toInstant())) {
            LocalTime until = LocalTime.ofInstant(lockedUntil.toInstant(), HallCaseService.HALL_ZONE).truncatedTo(ChronoUnit.MINUTES);
            throw new org.onedoor.api.cases.CaseException(org.onedoor.api.cases.CaseException.Reason.TOO_MANY_ATTEMPTS, "lookup-locked",
                    "查询码错误次数过多，请于 " + until + " 后再试，或携身份证到窗口查询 (too many wrong check codes; try again later)");
        }
        if (matched) {
            if (failures > 0) {
                update(c, table, key, number, 0, null);
            }
            return true;
        }
        failures++;
        if (failures >= attempts) {
            update(c, table, key, number, 0, Timestamp.from(now.plus(lockMinutes, ChronoUnit.MINUTES)));
        } else {
            update(c, table, key, number, failures, lockedUntil);
        }
        return false;
    }

    private static void update(Connection c, String table, String key, String number, int failures, Timestamp lockedUntil)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET lookup_failures = ?, lookup_locked_until = ? WHERE "
                + key + " = ?")) {
            ps.setInt(1, failures);
            ps.setTimestamp(2, lockedUntil);
            ps.setString(3, number);
            ps.executeUpdate();
        }
    }
}
