package org.onedoor.api.cases;

import java.util.List;

/**
 * Ratings for the supervisor's dashboard (R18).
 *
 * @param clerks      per window clerk (their clerk scores)
 * @param approvers   per back-office approver (their approver scores)
 * @param departments per department (both scores)
 */
public record RatingReport(List<RatingSummary> clerks, List<RatingSummary> approvers, List<RatingSummary> departments) {

    public RatingReport {
        clerks = List.copyOf(clerks);
        approvers = List.copyOf(approvers);
        departments = List.copyOf(departments);
    }
}
