package org.onedoor.api.matter;

import org.onedoor.api.text.Bilingual;

/** A legal step that a matter needs before its decision; any of them forbids sign-off at the window (R6). */
public enum SpecialStep implements Bilingual {
    SITE_SURVEY("现场勘验", "site survey"),
    HEARING("听证", "hearing"),
    EXPERT_REVIEW("专家评审", "expert review"),
    TECHNICAL_REVIEW("技术审查", "technical review"),
    MAPPING("测绘", "mapping");

    private final String chinese;
    private final String english;

    SpecialStep(String chinese, String english) {
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
