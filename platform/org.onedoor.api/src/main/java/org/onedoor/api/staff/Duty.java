package org.onedoor.api.staff;

import java.time.Instant;

/**
 * A duty held by a staff member: approval or post-approval supervision of a unit's matters (R17).
 *
 * @param id         the duty's id
 * @param staffId    the staff member holding it
 * @param userName   the member's hall user
 * @param realName   the member's real name
 * @param kind       approval or supervision
 * @param unitId     the unit whose matters it covers (the approving department)
 * @param matterCode the one matter it covers, or empty for every matter of the unit
 * @param assignedBy who assigned it
 * @param assignedAt when
 */
public record Duty(long id, long staffId, String userName, String realName, DutyKind kind, String unitId, String matterCode,
        String assignedBy, Instant assignedAt) {
}
