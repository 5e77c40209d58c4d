package org.onedoor.api.calendar;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Loads (adds or replaces) years of the working-day calendar at run time from calendar year
 * files; offered by the core to the console and the HTTP API.
 *
 * <p>A file is validated completely before anything changes: an invalid file changes nothing and
 * is refused with every problem found. A loaded year is kept in the node's store, so it survives
 * restarts, and it overrides a bundled year of the same number. Calls block on the store (do not
 * call them from an event loop); loads run one at a time. The file format is described in the
 * project's {@code docs/calendar.md}.
 */
@ProviderType
public interface CalendarAdmin {

    /** Largest calendar file accepted, in bytes of UTF-8. */
    int MAX_FILE_BYTES = 64 * 1024;

    /**
     * Loads the year the file declares.
     *
     * @param content the file's text (JSON)
     * @param source  the file's name or where it came from, used in messages
     * @param actor   who loads it, kept with the year
     * @return the year as now known
     * @throws InvalidCalendarFileException if the file is not a valid calendar year file
     * @throws IllegalStateException        if the store cannot keep the year (nothing was loaded)
     */
    KnownYear load(String content, String source, String actor);

    /**
     * Loads a file that must declare the given year.
     *
     * @param year    the year the caller means to load
     * @param content the file's text (JSON)
     * @param source  the file's name or where it came from, used in messages
     * @param actor   who loads it, kept with the year
     * @return the year as now known
     * @throws InvalidCalendarFileException if the file is not valid or declares another year
     * @throws IllegalStateException        if the store cannot keep the year (nothing was loaded)
     */
    KnownYear load(int year, String content, String source, String actor);
}
