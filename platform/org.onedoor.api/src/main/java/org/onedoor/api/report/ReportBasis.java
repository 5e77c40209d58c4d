package org.onedoor.api.report;

import java.time.Instant;

/**
 * What a report was built from, so that it can be checked against the hall's records.
 *
 * @param asOf                   the instant the figures stand at: the end of the period, or the build time for a
 *                               period not yet over
 * @param cases                  cases counted (accepted in the period)
 * @param lastCaseAcceptedAt     the latest acceptance among them, empty string when none
 * @param complaints             complaints counted (received in the period)
 * @param lastComplaintNumber    the highest complaint number among them, empty when none
 * @param ratings                ratings counted (given in the period)
 * @param catalogMatters         matters in the catalogue at build time, where statutory limits and one-trip marks come from
 * @param conversionThreshold    R5's cases-per-month threshold in force
 * @param slowComplaintThreshold R5's slow-complaints-per-month threshold in force ("repeatedly complained about")
 * @param digest                 SHA-256 (hex) over the counted rows' keys and states: the same data gives the same digest
 */
public record ReportBasis(Instant asOf, int cases, String lastCaseAcceptedAt, int complaints, String lastComplaintNumber, int ratings,
        int catalogMatters, int conversionThreshold, int slowComplaintThreshold, String digest) {
}
