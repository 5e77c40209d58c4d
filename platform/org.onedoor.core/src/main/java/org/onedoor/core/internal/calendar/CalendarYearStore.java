package org.onedoor.core.internal.calendar;

import java.time.Instant;
import java.util.List;
import org.onedoor.store.HallDatabase;

/**
 * Keeps the calendar year files loaded at run time in the store (table {@code calendar_year}),
 * as the text that was loaded. Calls block on the database.
 */
final class CalendarYearStore {

    /** A stored year file. */
    record StoredYear(int year, String content, String loadedBy, Instant loadedAt) {
    }

    private final HallDatabase database;

    CalendarYearStore(HallDatabase database) {
        this.database = database;
    }

    /**
     * @return every stored year file, in ascending year order
     * @throws IllegalStateException if the store cannot be read
     */
    List<StoredYear> loadAll() {
        try {
            return database.withHandle(h -> h.createQuery(
                    "SELECT year_number, content, loaded_by, loaded_at FROM calendar_year ORDER BY year_number")
                    .map((rs, ctx) -> new StoredYear(rs.getInt("year_number"), rs.getString("content"),
                            rs.getString("loaded_by"), rs.getTimestamp("loaded_at").toInstant()))
                    .list());
        } catch (IllegalStateException e) {
            throw new IllegalStateException("cannot read the loaded calendar years from the store: " + e.getMessage(), e);
        }
    }

    /**
     * Stores (replaces) a year's file in one transaction.
     *
     * @throws IllegalStateException if the store refuses it; nothing is then stored
     */
    void save(StoredYear year) {
        try {
            database.useTransaction(h -> {
                h.createUpdate("DELETE FROM calendar_year WHERE year_number = :year").bind("year", year.year()).execute();
                h.createUpdate("INSERT INTO calendar_year (year_number, content, loaded_by, loaded_at)"
                        + " VALUES (:year, :content, :loadedBy, :loadedAt)")
                        .bind("year", year.year()).bind("content", year.content())
                        .bind("loadedBy", year.loadedBy()).bind("loadedAt", year.loadedAt())
                        .execute();
            });
        } catch (IllegalStateException e) {
            throw new IllegalStateException("cannot store calendar year " + year.year() + ": " + e.getMessage(), e);
        }
    }
}
