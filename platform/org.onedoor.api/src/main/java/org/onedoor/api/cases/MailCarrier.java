package org.onedoor.api.cases;

import org.onedoor.api.text.Bilingual;

/**
 * The postal carrier of a free mail delivery (免费邮寄, R13/R14): a fixed list the hall has agreements with; since 1.11.
 */
public enum MailCarrier implements Bilingual {
    /** 中国邮政EMS / China Post EMS: the hall's default carrier for free delivery of results. */
    EMS("中国邮政EMS", "China Post EMS"),
    /** 中国邮政挂号信 / China Post registered letter. */
    CHINA_POST_REGISTERED("中国邮政挂号信", "China Post registered letter");

    private final String zh;
    private final String en;

    MailCarrier(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    /** @return the carrier's Chinese name, e.g. {@code 中国邮政EMS} */
    @Override
    public String chinese() {
        return zh;
    }

    /** @return the carrier's English name, e.g. {@code China Post EMS} */
    @Override
    public String english() {
        return en;
    }
}
