package org.onedoor.api.matter;

import org.onedoor.api.text.Bilingual;

/** The legal kind of a matter, as in the province's catalogue of government powers. */
public enum MatterType implements Bilingual {
    ADMINISTRATIVE_LICENSE("行政许可", "administrative license"),
    ADMINISTRATIVE_CONFIRMATION("行政确认", "administrative confirmation"),
    ADMINISTRATIVE_PAYMENT("行政给付", "administrative payment"),
    ADMINISTRATIVE_RULING("行政裁决", "administrative ruling"),
    ADMINISTRATIVE_REWARD("行政奖励", "administrative reward"),
    OTHER_POWER("其他行政权力", "other administrative power"),
    PUBLIC_SERVICE("公共服务", "public service");

    private final String chinese;
    private final String english;

    MatterType(String chinese, String english) {
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
