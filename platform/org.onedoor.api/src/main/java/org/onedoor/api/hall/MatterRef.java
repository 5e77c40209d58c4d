package org.onedoor.api.hall;

/**
 * The identity of an approval or service matter: enough to name it on a ticket or a case.
 *
 * @param code         the matter's catalogue code
 * @param nameZh       Chinese name
 * @param departmentId the id of the unit that owns the matter
 */
public record MatterRef(String code, String nameZh, String departmentId) {

    public MatterRef {
        HallWindow.requireText(code, "code");
        HallWindow.requireText(nameZh, "nameZh");
        HallWindow.requireText(departmentId, "departmentId");
    }
}
