package org.onedoor.api.cases;

import java.time.Instant;

/**
 * Something supervision must look at.
 *
 * @param kind         what it is about
 * @param departmentId the department concerned
 * @param subject      the case number, officer call id or month concerned
 * @param detail       a description in Chinese
 * @param since        since when it holds
 */
public record SupervisionAlert(AlertKind kind, String departmentId, String subject, String detail, Instant since) {
}
