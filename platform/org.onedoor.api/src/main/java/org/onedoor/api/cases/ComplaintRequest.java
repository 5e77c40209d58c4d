package org.onedoor.api.cases;

/**
 * A complaint as it is taken in.
 *
 * @param channel      where it came in
 * @param kind         what it is about
 * @param complainant  the complainant's name (1 to 64 characters)
 * @param phone        a mainland mobile or landline number to call back
 * @param departmentId the unit complained about, or empty when the complainant does not know it
 * @param caseNumber   the case it concerns, or empty
 * @param window       the window it concerns, or 0
 * @param text         what happened (1 to 1000 characters)
 */
public record ComplaintRequest(ComplaintChannel channel, ComplaintKind kind, String complainant, String phone,
        String departmentId, String caseNumber, int window, String text) {
}
