package org.onedoor.api.cases;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * "One service, one rating" at the window (一次一评, GB/T 39734): the clerk holding a window asks for the
 * rating of a case just handled; the window's rating pad reads the prompt and rates through it, one rating
 * per party, channel {@link RatingChannel#WINDOW_PAD}. Prompts are stored in the hall database (every node
 * sees them). Offered by the core; blocking. Since 1.12.
 */
@ProviderType
public interface RatingPrompts {

    /**
     * Asks for the rating of a finished case at a window the actor holds, replacing the window's earlier
     * prompt; audited. NOT_FOUND {@code unknown-case}; CONFLICT {@code not-finished} before delivery or closing,
     * {@code window-not-signed-in} or {@code window-not-yours} when the actor does not hold the window.
     */
    RatingPrompt ask(String hallId, int window, String caseNumber, CaseActor actor);

    /** @return the window's prompt while it has not expired nor been used up */
    Optional<RatingPrompt> current(String hallId, int window);

    /**
     * Rates one party of the window's prompt (the prompt proves the case: no check code), as
     * {@link CaseEvaluations#evaluate}; the party is then done for this prompt, and a prompt with every party
     * done is used up. NOT_FOUND {@code no-rating-prompt} when the window has none (or it expired);
     * CONFLICT {@code party-rated} when the party was already rated through it; the rating's own refusals.
     */
    Evaluation rate(String hallId, int window, RatingParty party, RatingLevel level, List<String> reasons, String comment);
}
