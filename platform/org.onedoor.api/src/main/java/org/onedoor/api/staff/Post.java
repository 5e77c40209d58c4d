package org.onedoor.api.staff;

import org.onedoor.api.text.Bilingual;

/** The post a staff member holds in the hall, with its Chinese and English labels. */
public enum Post implements Bilingual {
    /** The approval section chief of a unit that sits in the hall (审批科长). */
    SECTION_CHIEF("审批科长", "section chief", true),
    /** The chief representative of a unit in the hall (首席代表). */
    CHIEF_REPRESENTATIVE("首席代表", "chief representative", true),
    /** Serves citizens at a window (窗口工作人员). */
    WINDOW_STAFF("窗口工作人员", "window staff", false),
    /** The named officer of a unit whose matters enter the hall and whose staff do not (R4): comes when called (事进人不进单位经办人员). */
    MATTERS_ONLY_OFFICER("事进人不进单位经办人员", "officer of a matters-only unit", false);

    private final String chinese;
    private final String english;
    private final boolean locked;

    Post(String chinese, String english, boolean locked) {
        this.chinese = chinese;
        this.english = english;
        this.locked = locked;
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

    /** @return true when the holder is not withdrawn or replaced within two years of dispatch without the hall's agreement (R15) */
    public boolean twoYearLock() {
        return locked;
    }
}
