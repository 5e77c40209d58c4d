package org.onedoor.api.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.onedoor.api.calendar.WorkingDayCalendar;

/**
 * The period a report covers: calendar days from {@code start} to {@code end} inclusive (an ISO week,
 * a month or a quarter), with its working days on the hall's calendar. A report counts what happened on
 * the period's days; it is published on the first working day after {@code end} ({@link #publishedOn}).
 *
 * @param kind            week, month or quarter
 * @param start           the first calendar day
 * @param end             the last calendar day
 * @param firstWorkingDay the first working day in it, empty if none (a week inside a holiday)
 * @param lastWorkingDay  the last working day in it, empty if none
 * @param workingDays     how many working days it has
 */
public record ReportPeriod(ReportKind kind, LocalDate start, LocalDate end, Optional<LocalDate> firstWorkingDay,
        Optional<LocalDate> lastWorkingDay, int workingDays) {

    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    public ReportPeriod {
        if (kind == null || start == null || end == null || end.isBefore(start)) {
            throw new IllegalArgumentException("a report period has a kind and a start on or before its end");
        }
    }

    /**
     * @return the period of the kind that contains the day, its working days counted on the calendar
     * @throws org.onedoor.api.calendar.CalendarYearMissingException if the calendar does not know a day of it
     */
    public static ReportPeriod containing(ReportKind kind, LocalDate day, WorkingDayCalendar calendar) {
        LocalDate start = switch (kind) {
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(day.getYear(), (day.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1, 1);
        };
        LocalDate end = switch (kind) {
            case WEEK -> start.plusDays(6);
            case MONTH -> YearMonth.from(start).atEndOfMonth();
            case QUARTER -> YearMonth.from(start).plusMonths(2).atEndOfMonth();
        };
        List<LocalDate> working = new ArrayList<>();
        for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                working.add(d);
            }
        }
        return new ReportPeriod(kind, start, end, working.isEmpty() ? Optional.empty() : Optional.of(working.get(0)),
                working.isEmpty() ? Optional.empty() : Optional.of(working.get(working.size() - 1)), working.size());
    }

    /**
     * @param key a period's key as {@link #key()} writes it: {@code 2026-W48}, {@code 2026-11} or {@code 2026-Q4}
     * @return the period, or empty when the key does not name one of the kind
     */
    public static Optional<ReportPeriod> parse(ReportKind kind, String key, WorkingDayCalendar calendar) {
        String k = key == null ? "" : key.strip().toUpperCase(java.util.Locale.ROOT);
        try {
            switch (kind) {
                case WEEK -> {
                    Matcher m = WEEK.matcher(k);
                    if (!m.matches()) {
                        return Optional.empty();
                    }
                    int year = Integer.parseInt(m.group(1));
                    int week = Integer.parseInt(m.group(2));
                    LocalDate any = LocalDate.of(year, 6, 1).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week);
                    if (week < 1 || any.get(IsoFields.WEEK_BASED_YEAR) != year
                            || any.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) != week) {
                        return Optional.empty();
                    }
                    return Optional.of(containing(kind, any, calendar));
                }
                case MONTH -> {
                    Matcher m = MONTH.matcher(k);
                    if (!m.matches()) {
                        return Optional.empty();
                    }
                    return Optional.of(containing(kind, LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 1), calendar));
                }
                default -> {
                    Matcher m = QUARTER.matcher(k);
                    if (!m.matches()) {
                        return Optional.empty();
                    }
                    return Optional.of(containing(kind, LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1),
                            calendar));
                }
            }
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** @return the period's key: {@code 2026-W48}, {@code 2026-11} or {@code 2026-Q4} */
    public String key() {
        return switch (kind) {
            case WEEK -> String.format("%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR), start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> YearMonth.from(start).toString();
            case QUARTER -> start.getYear() + "-Q" + start.get(IsoFields.QUARTER_OF_YEAR);
        };
    }

    /** @return the report's name in Chinese: {@code 2026年第48周通报}, {@code 2026年11月月度报告}, {@code 2026年第4季度考核} */
    public String titleZh() {
        return switch (kind) {
            case WEEK -> start.get(IsoFields.WEEK_BASED_YEAR) + "年第" + start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + "周通报";
            case MONTH -> start.getYear() + "年" + start.getMonthValue() + "月" + kind.chinese();
            case QUARTER -> start.getYear() + "年第" + start.get(IsoFields.QUARTER_OF_YEAR) + "季度考核";
        };
    }

    /** @return the period just before this one */
    public ReportPeriod previous(WorkingDayCalendar calendar) {
        return containing(kind, start.minusDays(1), calendar);
    }

    /** @return the first instant of the period in the hall's zone */
    public Instant from(ZoneId zone) {
        return start.atStartOfDay(zone).toInstant();
    }

    /** @return the first instant after the period in the hall's zone */
    public Instant until(ZoneId zone) {
        return end.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /**
     * @return the first working day after the period: the day its report is published on a schedule
     * @throws org.onedoor.api.calendar.CalendarYearMissingException if the calendar does not know the days after it
     */
    public LocalDate publishedOn(WorkingDayCalendar calendar) {
        return calendar.deadline(end, 1).date();
    }

    /** @return the calendar months lying wholly inside the period (none for a week) */
    public List<YearMonth> wholeMonths() {
        List<YearMonth> out = new ArrayList<>();
        for (YearMonth m = YearMonth.from(start); !m.atDay(1).isAfter(end); m = m.plusMonths(1)) {
            if (!m.atDay(1).isBefore(start) && !m.atEndOfMonth().isAfter(end)) {
                out.add(m);
            }
        }
        return out;
    }
}
