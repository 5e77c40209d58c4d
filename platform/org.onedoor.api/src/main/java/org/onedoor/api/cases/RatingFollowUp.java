package org.onedoor.api.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The follow-up of one bad rating (score 1 非常不满意 or 2 不满意) of a case's front clerk or
 * back-office approver, owned by the case's department (R18).
 *
 * @param id           the follow-up's id
 * @param caseNumber   the case rated
 * @param party        {@code CLERK} (the front window) or {@code APPROVER} (the back office)
 * @param subject      the user rated
 * @param departmentId the case's department, which owns the follow-up
 * @param score        the score, 1 or 2
 * @param comment      the citizen's comment (masked)
 * @param state        where it stands
 * @param openedAt     when the follow-up was opened
 * @param due          the last working day for the unit's reply
 * @param justified    the unit's verdict on the rating, once verified
 * @param callback     what the citizen said when called back
 * @param reply        the unit's rectification or explanation
 * @param repliedAt    when the unit replied
 * @param dispute      the unit's evidence that the rating is unjustified, or empty
 * @param decision     the hall's decision on a dispute, or its note on closing
 * @param satisfied    whether the citizen accepted the reply, once asked
 * @param excluded     true when the hall upheld a dispute: the rating is a mistaken one and not counted as bad
 * @param closedAt     when it was closed
 * @param escalatedAt  when the hall was told the reply is late
 * @param light        how the reply stands against its due day, as a case's time limit: yellow once the yellow
 *                     share of the working days is used or on the due day, red past it or when replied late
 */
public record RatingFollowUp(long id, String caseNumber, String party, String subject, String departmentId, int score,
        String comment, FollowUpState state, Instant openedAt, LocalDate due, Optional<Boolean> justified, String callback,
        String reply, Optional<Instant> repliedAt, String dispute, String decision, Optional<Boolean> satisfied,
        boolean excluded, Optional<Instant> closedAt, Optional<Instant> escalatedAt, TimeLight light) {

    /** @return the same follow-up with the light given */
    public RatingFollowUp withLight(TimeLight l) {
        return new RatingFollowUp(id, caseNumber, party, subject, departmentId, score, comment, state, openedAt, due, justified,
                callback, reply, repliedAt, dispute, decision, satisfied, excluded, closedAt, escalatedAt, l);
    }

    /** @return whether the unit replied (or the dispute was upheld) by the due day, in the hall's zone */
    public boolean onTime(java.time.ZoneId zone) {
        if (excluded) {
            return true;
        }
        return repliedAt.map(t -> !LocalDate.ofInstant(t, zone).isAfter(due)).orElse(false);
    }
}
