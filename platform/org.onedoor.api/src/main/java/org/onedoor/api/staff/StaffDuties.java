package org.onedoor.api.staff;

import java.util.List;
import java.util.Optional;
import org.onedoor.api.session.HallPrincipal;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Approval and post-approval supervision kept apart (R17): the approving section chief of a matter
 * does not hold the supervision duty for it, and no user is both approver and supervisor of the same
 * unit. Duties are assigned by the hall (admin, supervisor) or by the unit's department users for
 * their own unit; a refusal is a {@link StaffException} CONFLICT with code {@code duties-kept-apart}
 * whose message names R17. Blocking; each change and each refusal is in the audit trail.
 */
@ProviderType
public interface StaffDuties {

    /**
     * @param unitId     the unit whose matters the duty covers
     * @param matterCode one matter of the unit, or empty for all its matters
     */
    Duty assign(long staffId, DutyKind kind, String unitId, String matterCode, HallPrincipal actor, String origin);

    /** Ends a duty. */
    Duty end(long dutyId, HallPrincipal actor, String origin);

    /** @return the duties in force of a unit (every unit when empty), by unit, kind and member */
    List<Duty> duties(Optional<String> unitId);
}
