package org.onedoor.api.cases;

/** Who an applicant is: a natural person or a legal person (or other organization). */
public enum ApplicantKind {
    /** 自然人: identified by an identity document. */
    PERSON("自然人"),
    /** 法人或其他组织: identified by its unified social credit code, acting through its legal representative. */
    LEGAL_PERSON("法人或其他组织");

    private final String labelZh;

    ApplicantKind(String labelZh) {
        this.labelZh = labelZh;
    }

    /** @return the Chinese name of the kind */
    public String labelZh() {
        return labelZh;
    }
}
