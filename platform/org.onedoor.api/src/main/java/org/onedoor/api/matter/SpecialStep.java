package org.onedoor.api.matter;

/** A legal step that a matter needs before its decision; any of them forbids sign-off at the window (R6). */
public enum SpecialStep {
    SITE_SURVEY("现场勘验"),
    HEARING("听证"),
    EXPERT_REVIEW("专家评审"),
    TECHNICAL_REVIEW("技术审查"),
    MAPPING("测绘");

    private final String labelZh;

    SpecialStep(String labelZh) {
        this.labelZh = labelZh;
    }

    /** @return the Chinese name of the step */
    public String labelZh() {
        return labelZh;
    }
}
