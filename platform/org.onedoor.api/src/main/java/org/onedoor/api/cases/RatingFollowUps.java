package org.onedoor.api.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The closed loop of bad ratings (R18, 差评闭环 as the national 好差评 system asks): every score of
 * 1 or 2 for a case's clerk or approver opens a follow-up owned by the case's department, which
 * verifies it and calls the citizen back, then rectifies and replies (or explains where the
 * rating has no legal basis) by a due day in working days; an unjustified rating may be disputed
 * with evidence and is decided by the hall; the hall records the citizen's answer. Late replies
 * are escalated to the hall. Every step is audited in its own transaction. Offered by the core; blocking.
 */
@ProviderType
public interface RatingFollowUps {

    /** The unit records its verification and the call back to the citizen. */
    RatingFollowUp callBack(long id, boolean justified, String callback, CaseActor actor);

    /** The unit replies with its rectification (justified) or explanation (not justified). */
    RatingFollowUp reply(long id, String reply, CaseActor actor);

    /** The unit disputes a rating it found unjustified, with its evidence. */
    RatingFollowUp dispute(long id, String evidence, CaseActor actor);

    /** The hall decides a dispute: upheld closes the follow-up and excludes the rating; refused sends it back to the unit. */
    RatingFollowUp decide(long id, boolean upheld, String note, CaseActor actor);

    /** The hall records the citizen's answer to the reply; the follow-up is closed. */
    RatingFollowUp close(long id, boolean satisfied, String note, CaseActor actor);

    /** @return the follow-up, if there is one with that id */
    Optional<RatingFollowUp> find(long id);

    /**
     * @param state        only follow-ups in this state, or empty for all
     * @param departmentId only this unit's, or empty for all
     * @param limit        at most this many, 1 to 500
     * @return the newest first
     */
    List<RatingFollowUp> list(Optional<FollowUpState> state, String departmentId, int limit);

    /**
     * @return per unit, then per window, then per person: the ratings of the cases finished from
     *         {@code from} to {@code to} (hall days, inclusive) and the follow-up of their bad ratings
     */
    List<FollowUpFigures> figures(LocalDate from, LocalDate to);
}
