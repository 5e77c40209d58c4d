package org.onedoor.api.cases;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The applicant's good/bad rating after completion (R18, 政务服务"好差评"); offered by the core. Blocking.
 * One rating per case and {@link RatingParty}, changeable within the hall's configured days; every
 * version is kept in the case's history and the audit trail.
 */
@ProviderType
public interface CaseEvaluations {

    /**
     * Rates both parties of a delivered or closed case by the scores of {@link RatingLevel} (5 非常满意 … 1
     * 非常不满意) from the citizen's page, in one transaction; as {@link #evaluate} otherwise (a second call
     * within the change period changes both). INVALID {@code invalid-score} for a score outside 1 to 5.
     */
    Rating rate(String number, String checkCode, int clerkScore, int approverScore, String comment);

    /**
     * Rates one party of a delivered or closed case, or changes that party's rating within the change
     * period (an identical repeat changes nothing). NOT_FOUND {@code unknown-case} when number and check
     * code do not match; CONFLICT {@code not-finished} before delivery, {@code no-approver} for a back-office
     * rating of a case nobody decided, {@code change-period-over} after the period; INVALID (naming the
     * field) for an unknown or unoffered reason, a bad level without reason or words, words too long.
     */
    Evaluation evaluate(EvaluationRequest request);

    /** @return the case's ratings as they stand, one per party rated; NOT_FOUND when number and check code do not match */
    List<Evaluation> evaluations(String number, String checkCode);

    /** @return every version of every rating of the case, oldest first (for staff; empty when none) */
    List<Evaluation> history(String number);

    /** @return the reasons offered, per level */
    List<RatingReason> reasons();

    /** @return the days after the first rating within which the citizen may change it (0: not at all) */
    int changeDays();

    /** @return counts and averages per clerk, approver and department */
    RatingReport report();
}
