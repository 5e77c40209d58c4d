package org.onedoor.api.cases;

import java.time.Instant;

/**
 * A scanned file of one material of a case (PDF, JPEG or PNG), as stored: its content is read
 * through {@link CaseFiles#open} by the deciding department only.
 *
 * @param id           the file's number in the hall
 * @param caseNumber   the case it belongs to
 * @param material     the material's position in the case's list (1 = first)
 * @param materialName the material's name as the matter lists it
 * @param fileName     the name it was uploaded under
 * @param contentType  the type found in its content: {@code application/pdf}, {@code image/jpeg} or {@code image/png}
 * @param size         its length in bytes
 * @param sha256       its SHA-256, hex, as recorded in the audit trail
 * @param uploadedBy   the user who attached it
 * @param uploadedAt   when
 * @since 1.4
 */
public record CaseFile(long id, String caseNumber, int material, String materialName, String fileName, String contentType,
        long size, String sha256, String uploadedBy, Instant uploadedAt) {
}
