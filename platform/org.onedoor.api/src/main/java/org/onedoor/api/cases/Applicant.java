package org.onedoor.api.cases;

import java.util.Optional;
import org.onedoor.api.citizen.IdentityDocument;
import org.onedoor.api.citizen.ResidentIdNumber;
import org.onedoor.api.citizen.UnifiedSocialCreditCode;

/**
 * Who applies: a natural person with an identity document (resident identity card, passport and
 * nationality, travel or residence permit of Hong Kong, Macao and Taiwan residents, foreigner's
 * permanent residence card), or a legal person (or other organization) with its unified social credit
 * code and its legal representative; either may be represented at the window by an agent under a
 * power of attorney.
 *
 * @param kind                person or legal person
 * @param name                the person's or the organization's name (at most 64, an organization's at most 128 characters)
 * @param document            a person's identity document; empty for a legal person
 * @param creditCode          a legal person's unified social credit code; empty for a person
 * @param legalRepresentative a legal person's legal representative; empty for a person
 * @param agent               who acts for the applicant, if someone does
 */
public record Applicant(ApplicantKind kind, String name, Optional<IdentityDocument> document,
        Optional<UnifiedSocialCreditCode> creditCode, Optional<Person> legalRepresentative, Optional<Agent> agent) {

    public Applicant {
        if (kind == null) {
            throw new IllegalArgumentException("缺少申请人类型（PERSON 或 LEGAL_PERSON） / the applicant's kind is missing");
        }
        int max = kind == ApplicantKind.PERSON ? 64 : 128;
        if (name == null || name.isBlank() || name.strip().length() > max) {
            throw new IllegalArgumentException("申请人名称不能为空（最多" + max + "个字符） / the applicant's name is required, at most " + max
                    + " characters");
        }
        name = name.strip();
        document = document == null ? Optional.empty() : document;
        creditCode = creditCode == null ? Optional.empty() : creditCode;
        legalRepresentative = legalRepresentative == null ? Optional.empty() : legalRepresentative;
        agent = agent == null ? Optional.empty() : agent;
        if (kind == ApplicantKind.PERSON) {
            if (document.isEmpty()) {
                throw new IllegalArgumentException("自然人申请人须出示身份证件 / a natural person shows an identity document");
            }
            if (creditCode.isPresent() || legalRepresentative.isPresent()) {
                throw new IllegalArgumentException("自然人申请人没有统一社会信用代码和法定代表人 / a natural person has no credit code or legal representative");
            }
        } else {
            if (creditCode.isEmpty()) {
                throw new IllegalArgumentException("法人申请人须有统一社会信用代码 / a legal person has a unified social credit code");
            }
            if (legalRepresentative.isEmpty()) {
                throw new IllegalArgumentException("法人申请人须登记法定代表人 / a legal person's legal representative is required");
            }
            if (document.isPresent()) {
                throw new IllegalArgumentException("法人申请人以统一社会信用代码标识，不填写个人证件 / a legal person has no personal document");
            }
        }
    }

    /**
     * A natural person with a resident identity card, as applicants were before other documents were taken.
     *
     * @param name     the applicant's name
     * @param idNumber the resident identity number, validated
     */
    public Applicant(String name, ResidentIdNumber idNumber) {
        this(ApplicantKind.PERSON, name, Optional.of(IdentityDocument.residentId(checked(idNumber).value())), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    private static ResidentIdNumber checked(ResidentIdNumber id) {
        if (id == null) {
            throw new IllegalArgumentException("申请人身份证号码不能为空");
        }
        return id;
    }

    /** @return a natural person applying in person */
    public static Applicant person(String name, IdentityDocument document) {
        return new Applicant(ApplicantKind.PERSON, name, Optional.ofNullable(document), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** @return a legal person applying through its legal representative */
    public static Applicant legalPerson(String name, UnifiedSocialCreditCode code, Person legalRepresentative) {
        return new Applicant(ApplicantKind.LEGAL_PERSON, name, Optional.empty(), Optional.ofNullable(code),
                Optional.ofNullable(legalRepresentative), Optional.empty());
    }

    /** @return this applicant, represented at the window by the agent */
    public Applicant withAgent(Agent by) {
        return new Applicant(kind, name, document, creditCode, legalRepresentative, Optional.ofNullable(by));
    }

    /** @return what identifies the applicant: the document's number, or the unified social credit code */
    public String identifier() {
        return document.map(IdentityDocument::number).orElseGet(() -> creditCode.orElseThrow().value());
    }

    /** @return the identifier masked the way its kind is masked */
    public String identifierMasked() {
        return document.map(IdentityDocument::masked).orElseGet(() -> creditCode.orElseThrow().masked());
    }

    /**
     * @return the resident identity number of a natural person who showed a resident identity card
     * @throws IllegalStateException for any other applicant; use {@link #identifier()} and {@link #document()}
     * @deprecated applicants show other documents too, and legal persons have none
     */
    @Deprecated
    public ResidentIdNumber idNumber() {
        return document.filter(d -> d.kind() == IdentityDocument.Kind.RESIDENT_ID).map(d -> new ResidentIdNumber(d.number()))
                .orElseThrow(() -> new IllegalStateException("the applicant showed no resident identity card"));
    }
}
