package org.onedoor.api.staff;

import org.onedoor.api.text.Bilingual;

/** The outcome of a pre-job training. */
public enum TrainingResult implements Bilingual {
    /** Passed: the person may work independently (R16). */
    PASSED("合格", "passed"),
    /** Not passed: the person trains again. */
    FAILED("不合格", "failed");

    private final String chinese;
    private final String english;

    TrainingResult(String chinese, String english) {
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
