package org.onedoor.api.calendar;

/**
 * Thrown when a question needs a day of a year the calendar does not know, instead of counting
 * that year's days as plain weekdays.
 */
public class CalendarYearMissingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int year;

    /** @param year the year that is missing */
    public CalendarYearMissingException(int year) {
        super("the working-day calendar has no year " + year + ": load the holiday file of " + year
                + " (console: onedoor:calendar-load <file>; HTTP: PUT /api/v1/calendar/years/" + year
                + ") once the State Council notice on its holidays is published");
        this.year = year;
    }

    /** @return the year that is missing */
    public int year() {
        return year;
    }
}
