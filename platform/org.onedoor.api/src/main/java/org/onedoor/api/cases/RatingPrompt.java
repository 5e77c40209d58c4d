package org.onedoor.api.cases;

import java.time.Instant;
import java.util.List;

/**
 * A window's request for the citizen's rating of a case just handled there ("一次一评"), read and answered
 * by the window's rating pad (评价器) until it expires, is used up or is replaced by the window's next one.
 *
 * @param hallId           the hall of the window
 * @param window           the window
 * @param caseNumber       the case to rate
 * @param matterCode       its matter
 * @param matterNameZh     the matter's Chinese name at acceptance
 * @param applicantMasked  the applicant as ratings store it (the name's first character, the id number masked)
 * @param clerk            the user who asked (the window's clerk); for name plates, never shown to the citizen
 * @param approver         the user who decided the case, empty when nobody did; for name plates, never shown
 * @param parties          the parties still to rate through this prompt, FRONT before BACK
 * @param askedAt          when the clerk asked
 * @param expiresAt        when the prompt lapses
 */
public record RatingPrompt(String hallId, int window, String caseNumber, String matterCode, String matterNameZh, String applicantMasked,
        String clerk, String approver, List<RatingParty> parties, Instant askedAt, Instant expiresAt) {

    public RatingPrompt {
        parties = List.copyOf(parties);
    }
}
