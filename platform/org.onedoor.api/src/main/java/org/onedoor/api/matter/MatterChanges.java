package org.onedoor.api.matter;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Dynamic adjustment of matters (rule R7): departments file additions, changes and
 * cancellations with an effective date; the hall confirms within 10 working days (the deadline
 * is tracked), confirmed adjustments are announced and take effect on their date, and every
 * adjustment stays in the matter's history. Offered by the core.
 *
 * <p>Calls block on the database.
 */
@ProviderType
public interface MatterChanges {

    /** How many working days the hall has to confirm an adjustment. */
    int CONFIRMATION_WORKING_DAYS = 10;

    /**
     * @return the filed adjustment
     * @throws IllegalArgumentException naming what is wrong (unknown code for CHANGE/CANCEL, a code
     *                                  already offered for ADD, a bad matter entry, an effective date in the past)
     */
    MatterChange file(MatterChangeRequest request);

    /**
     * Confirms a filed adjustment: it is announced, and takes effect on its effective date.
     *
     * @throws IllegalArgumentException if there is no such adjustment
     * @throws IllegalStateException    if it is not awaiting confirmation
     */
    MatterChange confirm(long id, String actor);

    /**
     * @throws IllegalArgumentException if there is no such adjustment or no reason is given
     * @throws IllegalStateException    if it is not awaiting confirmation
     */
    MatterChange reject(long id, String reasonZh, String actor);

    /** @return adjustments filed and not decided yet, oldest first */
    List<MatterChange> awaitingConfirmation();

    /** @return confirmed adjustments, newest announcement first: the public announcement feed */
    List<MatterChange> announcements();

    /** @return every adjustment of one matter, oldest first */
    List<MatterChange> history(String code);
}
