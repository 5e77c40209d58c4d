package org.onedoor.core.internal.calendar;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Keeps the calendar year files loaded at run time in the store (table {@code calendar_year}),
 * as the text that was loaded. Calls block on the database.
 */
final class CalendarYearStore {

    /** A stored year file. */
    record StoredYear(int year, String content, String loadedBy, Instant loadedAt) {
    }

    private final DataSource dataSource;

    CalendarYearStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @return every stored year file, in ascending year order
     * @throws IllegalStateException if the store cannot be read
     */
    List<StoredYear> loadAll() {
        List<StoredYear> years = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT year_number, content, loaded_by, loaded_at FROM calendar_year ORDER BY year_number");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                years.add(new StoredYear(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the loaded calendar years from the store: " + e.getMessage(), e);
        }
        return years;
    }

    /**
     * Stores (replaces) a year's file in one transaction.
     *
     * @throws IllegalStateException if the store refuses it; nothing is then stored
     */
    void save(StoredYear year) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM calendar_year WHERE year_number = ?")) {
                    ps.setInt(1, year.year());
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO calendar_year (year_number, content, loaded_by, loaded_at) VALUES (?, ?, ?, ?)")) {
                    ps.setInt(1, year.year());
                    ps.setString(2, year.content());
                    ps.setString(3, year.loadedBy());
                    ps.setTimestamp(4, Timestamp.from(year.loadedAt()));
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store calendar year " + year.year() + ": " + e.getMessage(), e);
        }
    }
}
