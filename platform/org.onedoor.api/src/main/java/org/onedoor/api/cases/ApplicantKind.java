package org.onedoor.api.cases;

import org.onedoor.api.text.Bilingual;

/** Who an applicant is: a natural person or a legal person (or other organization). */
public enum ApplicantKind implements Bilingual {
    /** 自然人: identified by an identity document. */
    PERSON("自然人", "natural person"),
    /** 法人或其他组织: identified by its unified social credit code, acting through its legal representative. */
    LEGAL_PERSON("法人或其他组织", "legal person or other organization");

    private final String chinese;
    private final String english;

    ApplicantKind(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    @Override
    public String chinese() {
        return chinese;
    }

    @Override
    public String english() {
        return english;
    }

    /**
     * @return the name in Simplified Chinese
     * @deprecated since the label shape {@link Bilingual}: use {@link #chinese()}
     */
    @Deprecated
    public String labelZh() {
        return chinese;
    }
}
