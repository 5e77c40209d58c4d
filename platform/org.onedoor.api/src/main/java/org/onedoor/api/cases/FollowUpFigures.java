package org.onedoor.api.cases;

/**
 * The ratings of one unit, window or person over a period, and the follow-up of its bad ratings (R18).
 * A case's rating holds two scores: the front window's clerk and the back-office approver; a unit
 * counts both, a window counts its clerk's score, a person the scores given to them. A score of 1
 * (非常不满意) or 2 (不满意) is a bad rating.
 *
 * @param dimension     {@code unit}, {@code window} or {@code person}
 * @param key           the unit's id, the window's number or the user
 * @param finished      cases finished (delivered or closed) in the period
 * @param rated         of those, the cases the applicant rated
 * @param scores        the scores counted (see above)
 * @param excluded      bad scores the hall found mistaken on the unit's dispute; they are not counted as ratings
 * @param bad           bad scores, the excluded ones not included
 * @param repliedOnTime bad scores called back and replied to by their due day
 * @param late          bad scores replied to after their due day, or still not replied past it
 * @param open          bad scores not replied to yet and not yet due
 */
public record FollowUpFigures(String dimension, String key, int finished, int rated, int scores, int excluded, int bad,
        int repliedOnTime, int late, int open) {

    /** @return the effective ratings: the scores counted less the excluded ones */
    public int effective() {
        return scores - excluded;
    }

    /** @return rated cases over finished cases, 0.0 when none finished */
    public double ratingRate() {
        return ratio(rated, finished, 0.0);
    }

    /** @return bad scores over effective ratings, 0.0 when none */
    public double badShare() {
        return ratio(bad, effective(), 0.0);
    }

    /** @return the on-time callback-and-fix rate: replied on time over the bad scores already due or replied, 1.0 when none */
    public double onTimeRate() {
        return ratio(repliedOnTime, repliedOnTime + late, 1.0);
    }

    private static double ratio(int part, int whole, double none) {
        return whole <= 0 ? none : Math.round(part * 1000.0 / whole) / 1000.0;
    }
}
