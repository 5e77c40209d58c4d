package org.onedoor.api.cases;

import java.time.Instant;
import java.util.List;

/**
 * One party's rating of a case as it stands, or one version of it in the case's history (R18).
 *
 * @param caseNumber      the case
 * @param departmentId    its department
 * @param party           who was rated
 * @param subject         the user rated (the clerk who accepted, the approver who decided); staff only, never shown to citizens
 * @param level           the level
 * @param reasons         the reason codes chosen
 * @param comment         the citizen's words, masked, may be empty
 * @param channel         where it was given
 * @param citizen         the applicant's identity, masked (name and id number)
 * @param ratedAt         when this party was first rated
 * @param changedAt       when this version was given (equal to {@code ratedAt} for the first)
 * @param revision        1 for the first rating, 2 after the first change …
 * @param changeableUntil until when the citizen may still change it
 */
public record Evaluation(String caseNumber, String departmentId, RatingParty party, String subject, RatingLevel level,
        List<String> reasons, String comment, RatingChannel channel, String citizen, Instant ratedAt, Instant changedAt, int revision,
        Instant changeableUntil) {

    public Evaluation {
        reasons = List.copyOf(reasons);
    }
}
