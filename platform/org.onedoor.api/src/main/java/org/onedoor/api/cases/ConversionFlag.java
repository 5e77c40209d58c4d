package org.onedoor.api.cases;

import java.time.YearMonth;

/**
 * A matters-only unit that in a calendar month had at least the threshold of cases, or at least the threshold of
 * slow-handling complaints ("repeatedly complained about for slowness"), and so must switch to "staff enter" (R5).
 *
 * @param departmentId           the unit
 * @param month                  the calendar month
 * @param cases                  how many cases it had then
 * @param threshold              the cases' threshold in force
 * @param slowComplaints         how many {@link ComplaintKind#SLOW} complaints against it were received then
 * @param slowComplaintThreshold the slow complaints' threshold in force (0: not counted, as by a flag of API 1.9)
 */
public record ConversionFlag(String departmentId, YearMonth month, int cases, int threshold, int slowComplaints,
        int slowComplaintThreshold) {

    /** A flag by cases alone (the form of API 1.9). */
    public ConversionFlag(String departmentId, YearMonth month, int cases, int threshold) {
        this(departmentId, month, cases, threshold, 0, 0);
    }

    /** @return whether the unit's cases reached their threshold */
    public boolean byCases() {
        return cases >= threshold;
    }

    /** @return whether the unit's slow-handling complaints reached their threshold */
    public boolean bySlowComplaints() {
        return slowComplaintThreshold > 0 && slowComplaints >= slowComplaintThreshold;
    }
}
