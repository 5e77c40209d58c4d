package org.onedoor.documents;

import org.onedoor.api.cases.HallCase;
import org.osgi.annotation.versioning.ProviderType;

/** Renders the notices of a case as PDF documents (A4, embedded CJK font subset, QR code). */
@ProviderType
public interface CaseNotices {

    /**
     * Renders a notice of an accepted case.
     *
     * @param kind      ACCEPTANCE, CORRECTION or RESULT; REFUSAL for a case recorded as refused to accept (REFUSED_TO_ACCEPT)
     * @param hallCase  the case as the core has it
     * @param facts     what the case record does not hold: the department's name, the check code if the caller has it
     * @return the PDF document's bytes
     * @throws NoticeNotApplicableException when the case is not where the notice fits (REFUSAL for a case that was
     *                                      accepted, ACCEPTANCE for a refused one)
     */
    byte[] render(NoticeKind kind, HallCase hallCase, NoticeFacts facts);

    /**
     * Renders a refusal notice (不予受理通知书) for an application refused at the window without a case record; it has
     * no case number. A refusal the core recorded as a case is printed with {@link #render}.
     *
     * @return the PDF document's bytes
     */
    byte[] refusal(Refusal refusal);
}
