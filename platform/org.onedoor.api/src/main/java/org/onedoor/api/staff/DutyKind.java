package org.onedoor.api.staff;

import org.onedoor.api.text.Bilingual;

/** A duty a staff member holds for a unit's matters; approval and supervision are kept apart (R17). */
public enum DutyKind implements Bilingual {
    /** Approves the unit's matters (审批). */
    APPROVAL("审批", "approval"),
    /** Supervises the enforcement after approval (批后监管). */
    SUPERVISION("批后监管", "post-approval supervision");

    private final String chinese;
    private final String english;

    DutyKind(String chinese, String english) {
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
