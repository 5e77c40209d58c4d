package org.onedoor.api.cases;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Scanned files of a case's materials. Refusals are {@link CaseException}s naming the field: an
 * unknown case or material (404), a file whose content is not PDF, JPEG or PNG or does not match
 * the type it was sent as (415 {@code unsupported-file-type}), too large or too many (413), a
 * decided case (409), a caller who may not (403).
 *
 * @since 1.4
 */
@ProviderType
public interface CaseFiles {

    /**
     * Attaches a file to a material of an undecided case; the front counter (clerks, operators,
     * admins) and the case's own department may. The file and its SHA-256 are stored and audited in
     * one transaction.
     *
     * @param declaredType the type the file was sent as ({@code application/octet-stream} or empty: none)
     */
    CaseFile attach(String caseNumber, int material, String fileName, String declaredType, byte[] content, CaseActor actor);

    /** @return the case's files, oldest first, without their content: for the hall's staff and the case's department */
    List<CaseFile> files(String caseNumber, CaseActor actor);

    /** @return a file with its content, for users of the case's deciding department only; the read is audited */
    Content open(String caseNumber, long fileId, CaseActor actor);

    /** A file and its bytes. */
    record Content(CaseFile file, byte[] bytes) {
    }
}
