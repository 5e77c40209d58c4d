package org.onedoor.api.cases;

/**
 * The two halls of a case (same-city handling, R13): where it was accepted, and whose department
 * handles it. For a case of one hall both are that hall; cases of before are the default hall's.
 *
 * @param acceptedHallId the hall of the window (or the node) that accepted the case
 * @param handlingHallId the hall whose department handles it and to which it is routed
 * @since 1.9
 */
public record CaseHalls(String acceptedHallId, String handlingHallId) {

    public CaseHalls {
        if (!org.onedoor.api.hall.Hall.validId(acceptedHallId) || !org.onedoor.api.hall.Hall.validId(handlingHallId)) {
            throw new IllegalArgumentException("a case's halls must be hall ids, were '" + acceptedHallId + "' and '" + handlingHallId + "'");
        }
    }

    /** @return whether the case was accepted in one hall for another (同城通办) */
    public boolean sameCity() {
        return !acceptedHallId.equals(handlingHallId);
    }
}
