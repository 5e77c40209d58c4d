package org.onedoor.documents;

/**
 * What a notice prints that the case record does not hold.
 *
 * @param departmentNameZh the deciding department's Chinese name (its id if unknown)
 * @param checkCode        the citizen's six-digit check code when the caller has it (right after acceptance),
 *                         else empty: the hall keeps only a hash, so a reprint says "见受理回执"
 */
public record NoticeFacts(String departmentNameZh, String checkCode) {

    public NoticeFacts {
        departmentNameZh = departmentNameZh == null ? "" : departmentNameZh.strip();
        checkCode = checkCode == null ? "" : checkCode.strip();
        if (!checkCode.isEmpty() && !checkCode.matches("\\d{6}")) {
            throw new IllegalArgumentException("check code must be six digits");
        }
    }
}
