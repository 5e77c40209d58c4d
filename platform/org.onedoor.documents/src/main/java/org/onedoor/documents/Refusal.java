package org.onedoor.documents;

import java.time.Instant;

/**
 * An application refused at the window (不予受理), as its notice prints it.
 *
 * @param matterCode        the matter applied for
 * @param matterNameZh      its Chinese name
 * @param departmentNameZh  the department that would have decided
 * @param applicantName     the applicant's name
 * @param applicantIdMasked the applicant's identity number, masked
 * @param reason            why it is refused (required)
 * @param refusedAt         when
 * @param window            the window it was refused at, 0 if online
 */
public record Refusal(String matterCode, String matterNameZh, String departmentNameZh, String applicantName,
        String applicantIdMasked, String reason, Instant refusedAt, int window) {

    public Refusal {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a refusal notice states its reason");
        }
        reason = reason.strip();
    }
}
