package org.onedoor.api.matter;

import org.onedoor.api.text.Bilingual;

/** What a dynamic adjustment does to a matter (rule R7). */
public enum MatterChangeKind implements Bilingual {
    /** A new matter enters the hall. */
    ADD("新增", "added"),
    /** A matter's conditions, materials, flow or time limit change. */
    CHANGE("变更", "changed"),
    /** A matter is cancelled or leaves the hall. */
    CANCEL("取消", "cancelled");

    private final String chinese;
    private final String english;

    MatterChangeKind(String chinese, String english) {
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
