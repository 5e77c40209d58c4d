package org.onedoor.api.matter;

/** The legal kind of a matter, as in the province's catalogue of government powers. */
public enum MatterType {
    ADMINISTRATIVE_LICENSE("行政许可"),
    ADMINISTRATIVE_CONFIRMATION("行政确认"),
    ADMINISTRATIVE_PAYMENT("行政给付"),
    ADMINISTRATIVE_RULING("行政裁决"),
    ADMINISTRATIVE_REWARD("行政奖励"),
    OTHER_POWER("其他行政权力"),
    PUBLIC_SERVICE("公共服务");

    private final String labelZh;

    MatterType(String labelZh) {
        this.labelZh = labelZh;
    }

    /** @return the Chinese name of the kind */
    public String labelZh() {
        return labelZh;
    }
}
