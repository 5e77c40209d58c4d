package org.onedoor.api.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Counts working days on the hall's calendar of official holidays and make-up working days;
 * offered by the core.
 *
 * <p><b>Working day.</b> A date is a working day if it is a make-up working day, or if it is a
 * Monday to Friday that is not a holiday. So a Saturday that is a make-up working day counts, and a
 * weekday inside a holiday does not.
 *
 * <p><b>Deadline rule.</b> Counting starts the day after {@code from}: the deadline of N working
 * days is the N-th working day after {@code from}. For N = 0 it is {@code from} itself if that is a
 * working day, else the next working day. Only the days the rule looks at must lie in known years.
 *
 * <p>Every call answers from one consistent in-memory snapshot of the calendar (a concurrent load
 * is seen entirely or not at all), never blocks and may be called from any thread, an event loop
 * included.
 */
@ProviderType
public interface WorkingDayCalendar {

    /**
     * @param date a date
     * @return whether the hall works on that date
     * @throws CalendarYearMissingException if the calendar does not know the date's year
     */
    boolean isWorkingDay(LocalDate date);

    /**
     * Computes a time limit by the deadline rule above.
     *
     * @param from        the day the time limit starts from (e.g. the day a case was accepted)
     * @param workingDays the number of working days, 0 or more
     * @return the deadline and the days skipped and counted on the way
     * @throws IllegalArgumentException     if {@code workingDays} is negative
     * @throws CalendarYearMissingException if a day the count passes lies in a year the calendar does not know
     */
    Deadline deadline(LocalDate from, int workingDays);

    /**
     * Counts the working days after {@code from} up to and including {@code to}; negative when
     * {@code to} is before {@code from} (minus the working days after {@code to} up to and including
     * {@code from}), 0 when they are equal. For N of 1 or more,
     * {@code workingDaysBetween(from, deadline(from, N).date()) == N}.
     *
     * @param from the first end, exclusive
     * @param to   the other end, inclusive
     * @return the number of working days between them
     * @throws CalendarYearMissingException if a counted day lies in a year the calendar does not know
     */
    int workingDaysBetween(LocalDate from, LocalDate to);

    /** @return every year the calendar knows, bundled or loaded, in ascending order */
    List<KnownYear> years();

    /**
     * @param year a year number
     * @return that year, if the calendar knows it
     */
    Optional<KnownYear> year(int year);
}
