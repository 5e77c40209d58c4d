package org.onedoor.core.internal.report;

import org.onedoor.api.cases.Rating;

/**
 * How the reports read a rating score (R18): which scores are good, which bad. The one place that
 * knows the scale, so a change of the rating levels changes the reports here only.
 * The scale now is {@link Rating}'s 1 (very dissatisfied) to 5 (very satisfied): 4 and 5 are good,
 * 1 and 2 bad (the same bad as the follow-up of bad ratings), 3 neither.
 */
final class RatingScale {

    static final int LOWEST = 1;
    static final int HIGHEST = 5;

    private RatingScale() {
    }

    /** @return whether the score is a rating at all (0: the party was not rated) */
    static boolean counted(int score) {
        return score >= LOWEST && score <= HIGHEST;
    }

    static boolean good(int score) {
        return counted(score) && score >= 4;
    }

    static boolean bad(int score) {
        return counted(score) && score <= 2;
    }

    /** @return the scores of a rating that count for a unit: both parties' */
    static int[] forUnit(Rating r) {
        return new int[] {r.clerkScore(), r.approverScore()};
    }

    /** @return the score that counts for the window the case was accepted at: the clerk's */
    static int forWindow(Rating r) {
        return r.clerkScore();
    }
}
