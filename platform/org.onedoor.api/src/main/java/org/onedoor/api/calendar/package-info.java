/**
 * The hall's working-day calendar: Chinese official public holidays and make-up working days
 * (调休上班日), year by year, and the rule by which every time limit of the hall counts working
 * days ({@link org.onedoor.api.calendar.WorkingDayCalendar}); years are loaded at run time through
 * {@link org.onedoor.api.calendar.CalendarAdmin}.
 *
 * <p>The calendar never guesses: a date in a year it does not know raises
 * {@link org.onedoor.api.calendar.CalendarYearMissingException} instead of being counted as a
 * plain weekday.
 *
 * <p>Nullness: every parameter, return value and record component in this package is non-null
 * unless its documentation says otherwise; absent values are empty strings, empty lists or
 * {@link java.util.Optional}.
 */
@Export
@Version("1.0.0")
package org.onedoor.api.calendar;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
