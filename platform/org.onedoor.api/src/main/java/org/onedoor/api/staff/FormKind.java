package org.onedoor.api.staff;

import org.onedoor.api.text.Bilingual;

/** What a form asks the hall to sign. */
public enum FormKind implements Bilingual {
    /** Dispatch of a person into the hall (派驻). */
    DISPATCH("派驻", "dispatch"),
    /** Withdrawal of a dispatched person (撤回). */
    WITHDRAWAL("撤回", "withdrawal");

    private final String chinese;
    private final String english;

    FormKind(String chinese, String english) {
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
