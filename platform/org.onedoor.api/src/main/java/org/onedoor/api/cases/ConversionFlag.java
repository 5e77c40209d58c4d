package org.onedoor.api.cases;

import java.time.YearMonth;

/**
 * A matters-only unit that had at least the threshold of cases in a calendar month and so must
 * switch to "staff enter" (R5).
 *
 * @param departmentId the unit
 * @param month        the calendar month
 * @param cases        how many cases it had then
 * @param threshold    the threshold in force
 */
public record ConversionFlag(String departmentId, YearMonth month, int cases, int threshold) {
}
