package org.onedoor.api.cases;

import java.time.LocalDate;

/**
 * A case against its time limit on a given day.
 *
 * @param number        the case
 * @param departmentId  its department
 * @param committedDays the committed working days (0: immediate, due the day of acceptance)
 * @param deadline      the last day
 * @param usedDays      working days used so far (after the acceptance day, up to and including today)
 * @param light         green, yellow or red
 */
public record CaseTiming(String number, String departmentId, int committedDays, LocalDate deadline, int usedDays,
        TimeLight light) {
}
