package org.onedoor.api.report;

import java.util.OptionalDouble;

/**
 * One row of a report: the figures of one unit (department) or one window over the period. The
 * cases counted are those accepted on the period's days; a case counts as decided, on time or
 * overdue as it stood at the end of the period (a decision after the period does not change a
 * report of it). See {@code docs/reports.md} for each figure's rule.
 *
 * @param key                the unit's id ({@code A17}) or the window's number ({@code 41}); {@code ALL} for the hall's total
 * @param nameZh             the unit's Chinese name, {@code 41号窗口}, or {@code 全厅合计}
 * @param rank               place in the case-volume points ranking, 1 is best; ties share a place; 0 for the total
 * @param points             case-volume points ({@link #pointsOf(int, int, int, int, int)})
 * @param accepted           cases accepted in the period
 * @param decided            of them, decided by the end of the period
 * @param onTime             of the decided, decided on or before their deadline
 * @param overdue            of them, decided after the deadline, or undecided with the deadline before the period's end
 * @param immediate          of them, immediate cases (committed time limit 0 working days, 即办件)
 * @param noVisit            of them, filed online and accepted without a visit (不见面审批)
 * @param oneTrip            of them, cases of matters the catalogue marks "at most one trip" (最多跑一次)
 * @param compressionCases   of them, cases whose matter states a statutory limit above 0 (the base of the compression)
 * @param averageCompression mean over those cases of 1 − committed / statutory days (0.75 = committed 75% shorter); 0 when no base
 * @param ratings            cases rated in the period (by the day of the rating)
 * @param scores             scores counted: both parties' per rated case for a unit, the clerk's for a window
 * @param averageScore       mean of the scores counted; 0 when none
 * @param goodScores         scores counted as good by the hall's rating scale
 * @param badScores          scores counted as bad by the hall's rating scale
 * @param complaints         complaints against the unit or window received in the period
 * @param slowComplaints     of them, about slow handling (办事拖延, R5)
 * @param conversionDue      for a matters-only unit that crossed R5 in a month wholly inside the period (counted up to the
 *                           report's instant, so a month not yet over shows as soon as it crossed): why
 *                           ({@code 2026-11 cases 12≥10} or {@code 2026-11 slow complaints 3≥2}); empty otherwise
 */
public record UnitFigures(String key, String nameZh, int rank, int points, int accepted, int decided, int onTime, int overdue,
        int immediate, int noVisit, int oneTrip, int compressionCases, double averageCompression, int ratings, int scores,
        double averageScore, int goodScores, int badScores, int complaints, int slowComplaints, String conversionDue) {

    /**
     * The case-volume points rule (chosen by the hall, documented in {@code docs/reports.md}): one point per case accepted,
     * one more per case decided on time, two off per overdue case, two off per complaint received, one off per bad score.
     *
     * @return the points
     */
    public static int pointsOf(int accepted, int onTime, int overdue, int complaints, int badScores) {
        return accepted + onTime - 2 * overdue - 2 * complaints - badScores;
    }

    /** @return the same figures at another place in the ranking */
    public UnitFigures ranked(int place) {
        return new UnitFigures(key, nameZh, place, points, accepted, decided, onTime, overdue, immediate, noVisit, oneTrip,
                compressionCases, averageCompression, ratings, scores, averageScore, goodScores, badScores, complaints,
                slowComplaints, conversionDue);
    }

    /** @return on-time decided / decided (按期办结率), empty when nothing was decided */
    public OptionalDouble onTimeRate() {
        return share(onTime, decided);
    }

    /** @return immediate / accepted (即办件占比), empty when nothing was accepted */
    public OptionalDouble immediateShare() {
        return share(immediate, accepted);
    }

    /** @return no-visit / accepted (不见面审批占比), empty when nothing was accepted */
    public OptionalDouble noVisitShare() {
        return share(noVisit, accepted);
    }

    /** @return at-most-one-trip / accepted (最多跑一次占比), empty when nothing was accepted */
    public OptionalDouble oneTripShare() {
        return share(oneTrip, accepted);
    }

    /** @return part / whole, empty when whole is 0 */
    public static OptionalDouble share(int part, int whole) {
        return whole == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) part / whole);
    }
}
