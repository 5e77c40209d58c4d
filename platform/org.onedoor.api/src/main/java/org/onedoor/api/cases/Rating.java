package org.onedoor.api.cases;

import java.time.Instant;

/**
 * The applicant's rating of a finished case (R18): the window clerk and the back-office approver,
 * 1 (very dissatisfied) to 5 (very satisfied).
 *
 * @param caseNumber    the case
 * @param departmentId  its department
 * @param clerk         the clerk who accepted it
 * @param approver      who decided it
 * @param clerkScore    1 to 5
 * @param approverScore 1 to 5
 * @param comment       the applicant's words, at most 500 characters, masked, may be empty
 * @param ratedAt       when
 */
public record Rating(String caseNumber, String departmentId, String clerk, String approver, int clerkScore,
        int approverScore, String comment, Instant ratedAt) {
}
