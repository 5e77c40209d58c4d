package org.onedoor.api.report;

import org.onedoor.api.text.Bilingual;

/**
 * An early warning of R12 raised by a report: something the supervisors must look into.
 *
 * @param kind         what kind of irregularity
 * @param departmentId the unit concerned, empty when none is known
 * @param subject      what it is about: a case or complaint number, a matter code
 * @param textZh       the warning in Chinese, with the facts found
 */
public record EarlyWarning(WarningKind kind, String departmentId, String subject, String textZh) {

    /** The irregularities R12 names, and R5's conversion. */
    public enum WarningKind implements Bilingual {
        /** 超期办结: cases past their deadline. */
        OVERDUE("超期预警", "overdue cases"),
        /** 违规收费: a complaint about fees. */
        FEES("收费异常", "irregular fees"),
        /** 标准不一: the same matter handled by different standards. */
        STANDARDS("标准不一", "inconsistent standards"),
        /** 结果纠错: a result complained about as wrong, to be corrected. */
        WRONG_RESULT("结果纠错", "wrong result"),
        /** R5: a matters-only unit must switch to staff entering. */
        CONVERSION("进驻转换", "conversion to staff entering");

        private final String chinese;
        private final String english;

        WarningKind(String chinese, String english) {
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
}
