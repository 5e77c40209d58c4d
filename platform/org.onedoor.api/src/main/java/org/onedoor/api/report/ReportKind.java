package org.onedoor.api.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.onedoor.api.text.Bilingual;

/** The three publications of R19, each over its own calendar period. */
public enum ReportKind implements Bilingual {
    /** 每周通报: an ISO week, Monday to Sunday. */
    WEEK("周通报", "weekly publication"),
    /** 月度报告: a calendar month. */
    MONTH("月度报告", "monthly report"),
    /** 季度考核: a calendar quarter. */
    QUARTER("季度考核", "quarterly appraisal");

    private final String labelZh;
    private final String labelEn;

    ReportKind(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    @Override
    public String chinese() {
        return labelZh;
    }

    @Override
    public String english() {
        return labelEn;
    }

    /** @deprecated since the label shape {@link Bilingual}: use {@link #chinese()} */
    @Deprecated
    public String labelZh() {
        return labelZh;
    }

    /** @deprecated since the label shape {@link Bilingual}: use {@link #english()} */
    @Deprecated
    public String labelEn() {
        return labelEn;
    }

    /** @return the kind named (case-insensitive), or empty */
    public static Optional<ReportKind> of(String name) {
        String n = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.name().equals(n)).findFirst();
    }
}
