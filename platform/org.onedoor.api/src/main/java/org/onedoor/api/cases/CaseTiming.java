package org.onedoor.api.cases;

import java.time.LocalDate;

/**
 * A case against its time limit on a given day.
 *
 * @param number        the case
 * @param departmentId  its department
 * @param committedDays the committed working days (0: immediate, due the day of acceptance)
 * @param deadline      the last day, moved on by the working days the clock was paused
 * @param usedDays      working days used so far (after the acceptance day, up to and including today), paused days not counted
 * @param light         green, yellow or red, on the used days and the moved deadline
 * @param pausedDays    working days the time limit was paused by special procedures (R6), a running one up to today (since 1.7)
 * @param paused        true while a special procedure runs: the clock stands still (since 1.7)
 */
public record CaseTiming(String number, String departmentId, int committedDays, LocalDate deadline, int usedDays,
        TimeLight light, int pausedDays, boolean paused) {

    /** A timing without pauses. */
    public CaseTiming(String number, String departmentId, int committedDays, LocalDate deadline, int usedDays, TimeLight light) {
        this(number, departmentId, committedDays, deadline, usedDays, light, 0, false);
    }
}
