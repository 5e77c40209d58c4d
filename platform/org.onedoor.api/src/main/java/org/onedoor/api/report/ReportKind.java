package org.onedoor.api.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The three publications of R19, each over its own calendar period. */
public enum ReportKind {
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

    /** @return the publication's Chinese name */
    public String labelZh() {
        return labelZh;
    }

    /** @return the publication's English name */
    public String labelEn() {
        return labelEn;
    }

    /** @return the kind named (case-insensitive), or empty */
    public static Optional<ReportKind> of(String name) {
        String n = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.name().equals(n)).findFirst();
    }
}
