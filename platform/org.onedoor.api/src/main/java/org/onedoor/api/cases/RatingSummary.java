package org.onedoor.api.cases;

/**
 * Ratings aggregated for one clerk, approver or department.
 *
 * @param subject  the clerk's or approver's user name, or the department id
 * @param count    how many ratings
 * @param average  their average score, 0 when none
 * @param bad      how many scored 1 or 2 (bad ratings, to be called back and fixed)
 */
public record RatingSummary(String subject, int count, double average, int bad) {
}
