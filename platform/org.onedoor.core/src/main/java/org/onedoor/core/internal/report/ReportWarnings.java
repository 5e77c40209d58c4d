package org.onedoor.core.internal.report;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.onedoor.api.cases.ConversionFlag;
import org.onedoor.api.department.DepartmentDirectory;
import org.onedoor.api.report.EarlyWarning.WarningKind;
import org.onedoor.api.report.EarlyWarning;
import org.onedoor.api.report.ReportPeriod;
import org.onedoor.api.report.UnitFigures;
import org.onedoor.core.internal.supervision.ConversionRule;

/**
 * The early warnings of a report (R12) and R5's conversion flags of matters-only units: overdue cases per unit,
 * complaints about fees, standards and wrong results, matters handled under different committed limits, and the
 * monthly counts of cases and slow-handling complaints of each matters-only unit (grouped in SQL by the month's bounds).
 */
final class ReportWarnings {

    private final DepartmentDirectory departments;
    private final ZoneId zone;
    private final ConversionRule conversion;

    ReportWarnings(DepartmentDirectory departments, ZoneId zone, ConversionRule conversion) {
        this.departments = departments;
        this.zone = zone;
        this.conversion = conversion;
    }

    /**
     * R5 for every matters-only unit in each calendar month wholly inside the period, counted up to the report's instant
     * (a month not yet over is flagged as soon as it crossed: its counts only grow); adds the warnings.
     */
    Map<String, String> conversion(Handle h, ReportPeriod period, Instant until, List<EarlyWarning> warnings) {
        Map<String, String> due = new TreeMap<>();
        for (YearMonth month : period.wholeMonths()) {
            for (ConversionFlag f : conversion.flags(h, month, until, zone, departments)) {
                due.merge(f.departmentId(), ConversionRule.reasonsEn(f), (a, b) -> a + "; " + b);
                warnings.add(new EarlyWarning(WarningKind.CONVERSION, f.departmentId(), month.toString(), "“事项进驻、人员不进驻”单位 "
                        + f.departmentId() + " " + month + " " + ConversionRule.reasonsZh(f) + "，应转为人员进驻（R5）"));
            }
        }
        return due;
    }

    /** An {@code OVERDUE} warning for each unit with overdue cases. */
    static void overdue(List<UnitFigures> units, List<EarlyWarning> warnings) {
        for (UnitFigures u : units) {
            if (u.overdue() > 0) {
                warnings.add(new EarlyWarning(WarningKind.OVERDUE, u.key(), u.key(), u.nameZh() + " 本期受理的办件中有 " + u.overdue()
                        + " 件超期（逾期办结或截止日已过仍未办结）"));
            }
        }
    }

    /** A warning for each complaint about fees, standards or a wrong result. */
    static void complaints(List<ReportBuilder.ComplaintRow> complaints, List<EarlyWarning> warnings) {
        for (ReportBuilder.ComplaintRow k : complaints) {
            WarningKind kind = switch (k.kind()) {
                case FEES -> WarningKind.FEES;
                case STANDARDS -> WarningKind.STANDARDS;
                case WRONG_RESULT -> WarningKind.WRONG_RESULT;
                default -> null;
            };
            if (kind != null) {
                warnings.add(new EarlyWarning(kind, k.departmentId(), k.number(), "投诉 " + k.number() + "（" + k.kind().chinese() + "）"
                        + (k.caseNumber().isEmpty() ? "" : "，涉及办件 " + k.caseNumber())));
            }
        }
    }

    /** A {@code STANDARDS} warning for each matter whose cases ran under different committed limits. */
    static void standards(Map<String, TreeSet<Integer>> limitsByMatter, Map<String, String> matterUnit, List<EarlyWarning> warnings) {
        limitsByMatter.forEach((code, limits) -> {
            if (limits.size() > 1) {
                warnings.add(new EarlyWarning(WarningKind.STANDARDS, matterUnit.get(code), code, "同一事项 " + code
                        + " 本期办件按不同承诺时限办理：" + limits + " 个工作日"));
            }
        });
    }

    /** Orders the warnings by kind, unit and subject. */
    static void sort(List<EarlyWarning> warnings) {
        warnings.sort(Comparator.comparing((EarlyWarning w) -> w.kind().ordinal()).thenComparing(EarlyWarning::departmentId)
                .thenComparing(EarlyWarning::subject));
    }
}
