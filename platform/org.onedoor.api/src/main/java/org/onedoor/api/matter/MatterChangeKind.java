package org.onedoor.api.matter;

/** What a dynamic adjustment does to a matter (rule R7). */
public enum MatterChangeKind {
    /** A new matter enters the hall. */
    ADD("新增"),
    /** A matter's conditions, materials, flow or time limit change. */
    CHANGE("变更"),
    /** A matter is cancelled or leaves the hall. */
    CANCEL("取消");

    private final String labelZh;

    MatterChangeKind(String labelZh) {
        this.labelZh = labelZh;
    }

    /** @return the Chinese name of the kind */
    public String labelZh() {
        return labelZh;
    }
}
