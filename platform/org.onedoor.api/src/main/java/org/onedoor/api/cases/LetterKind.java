package org.onedoor.api.cases;

import org.onedoor.api.text.Bilingual;

/** Whom a department's authorization letter (R6) is written to: the post of the registered staff member. */
public enum LetterKind implements Bilingual {
    /** The approval section chief (审批科长). */
    SECTION_CHIEF("审批科长授权书", "section chief's letter"),
    /** The chief representative (首席代表). */
    CHIEF_REPRESENTATIVE("首席代表授权书", "chief representative's letter"),
    /** Window staff (窗口工作人员). */
    WINDOW_STAFF("窗口工作人员授权书", "window staff letter");

    private final String chinese;
    private final String english;

    LetterKind(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    /** @return the label in Simplified Chinese */
    @Override
    public String chinese() {
        return chinese;
    }

    /** @return the label in English */
    @Override
    public String english() {
        return english;
    }
}
