package org.onedoor.api.cases;

import java.util.List;

/**
 * A citizen's rating of one party of a finished case ("一事一评"), proved by the case's check code.
 *
 * @param caseNumber the case
 * @param checkCode  its check code (from the receipt, the QR code or the notification)
 * @param party      who is rated
 * @param level      the level chosen
 * @param reasons    codes of the reasons chosen from {@link CaseEvaluations#reasons()}, may be empty
 * @param comment    the citizen's own words, at most 500 characters, may be empty; stored masked
 * @param channel    where the rating was given
 */
public record EvaluationRequest(String caseNumber, String checkCode, RatingParty party, RatingLevel level, List<String> reasons,
        String comment, RatingChannel channel) {

    public EvaluationRequest {
        reasons = List.copyOf(reasons);
    }
}
