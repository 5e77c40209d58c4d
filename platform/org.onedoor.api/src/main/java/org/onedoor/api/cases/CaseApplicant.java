package org.onedoor.api.cases;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The applicant as a case shows it to staff and on notices, every identifier masked: the person's
 * document or the legal person's credit code, the legal representative's and the agent's documents
 * and the agent's phone.
 *
 * @param kind                       person or legal person
 * @param name                       the person's or organization's name (pages for citizens mask it further)
 * @param documentKind               the kind of identifier: an {@link org.onedoor.api.citizen.IdentityDocument.Kind} name, or
 *                                   {@code USCC} for a legal person's unified social credit code
 * @param identifierMasked           the document number or credit code, masked
 * @param nationality                a passport holder's nationality (ISO 3166-1 alpha-3), else empty
 * @param representativeName         a legal person's legal representative, else empty
 * @param representativeDocumentKind the representative's document kind, else empty
 * @param representativeIdMasked     the representative's document number, masked, else empty
 * @param agentName                  the agent acting for the applicant, else empty
 * @param agentDocumentKind          the agent's document kind, else empty
 * @param agentIdMasked              the agent's document number, masked, else empty
 * @param agentPhoneMasked           the agent's phone, masked, else empty
 * @param powerOfAttorney            the power of attorney's number, else empty
 * @param powerOfAttorneyDate        the day it was signed, if there is one
 */
public record CaseApplicant(ApplicantKind kind, String name, String documentKind, String identifierMasked, String nationality,
        String representativeName, String representativeDocumentKind, String representativeIdMasked, String agentName,
        String agentDocumentKind, String agentIdMasked, String agentPhoneMasked, String powerOfAttorney,
        Optional<LocalDate> powerOfAttorneyDate) {

    /** The document kind of a legal person's identifier. */
    public static final String USCC = "USCC";

    /** @return a natural person with a resident identity card and no agent: what every case was before other applicants */
    public static CaseApplicant residentOnly(String name, String idMasked) {
        return new CaseApplicant(ApplicantKind.PERSON, name, "RESIDENT_ID", idMasked, "", "", "", "", "", "", "", "", "", Optional.empty());
    }

    /** @return whether an agent acted for the applicant */
    public boolean hasAgent() {
        return !agentName.isEmpty();
    }
}
