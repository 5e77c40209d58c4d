package org.onedoor.api.report;

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
    public enum WarningKind {
        /** 超期办结: cases past their deadline. */
        OVERDUE("超期预警"),
        /** 违规收费: a complaint about fees. */
        FEES("收费异常"),
        /** 标准不一: the same matter handled by different standards. */
        STANDARDS("标准不一"),
        /** 结果纠错: a result complained about as wrong, to be corrected. */
        WRONG_RESULT("结果纠错"),
        /** R5: a matters-only unit must switch to staff entering. */
        CONVERSION("进驻转换");

        private final String labelZh;

        WarningKind(String labelZh) {
            this.labelZh = labelZh;
        }

        /** @return the kind's Chinese name */
        public String labelZh() {
            return labelZh;
        }
    }
}
