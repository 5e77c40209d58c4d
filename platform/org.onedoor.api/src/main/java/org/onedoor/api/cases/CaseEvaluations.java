package org.onedoor.api.cases;

import org.osgi.annotation.versioning.ProviderType;

/** The applicant's good/bad rating after completion (R18); offered by the core. Blocking. */
@ProviderType
public interface CaseEvaluations {

    /**
     * Rates a delivered or closed case, once: NOT_FOUND when number and check code do not match,
     * CONFLICT {@code not-finished} before delivery and {@code already-rated} the second time,
     * INVALID for a score outside 1 to 5.
     */
    Rating rate(String number, String checkCode, int clerkScore, int approverScore, String comment);

    /** @return counts and averages per clerk, approver and department */
    RatingReport report();
}
