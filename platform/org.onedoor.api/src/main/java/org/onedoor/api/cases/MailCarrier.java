package org.onedoor.api.cases;

/**
 * The postal carrier of a free mail delivery (免费邮寄, R13/R14): a fixed list the hall has agreements with; since 1.11.
 */
public enum MailCarrier {
    /** 中国邮政EMS / China Post EMS: the hall's default carrier for free delivery of results. */
    EMS("中国邮政EMS", "China Post EMS"),
    /** 中国邮政挂号信 / China Post registered letter. */
    CHINA_POST_REGISTERED("中国邮政挂号信", "China Post registered letter");

    private final String labelZh;
    private final String labelEn;

    MailCarrier(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    /** @return the carrier's Chinese name, e.g. {@code 中国邮政EMS} */
    public String labelZh() {
        return labelZh;
    }

    /** @return the carrier's English name, e.g. {@code China Post EMS} */
    public String labelEn() {
        return labelEn;
    }
}
