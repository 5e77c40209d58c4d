package org.onedoor.core.internal.supervision;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.onedoor.api.cases.ConversionFlag;
import org.onedoor.api.department.DepartmentDirectory;
import org.onedoor.api.hall.EntryMode;
import org.onedoor.core.internal.report.ReportsConfig;

/**
 * R5, counted in one place: a matters-only unit ("事项进驻、人员不进驻") must switch to staff entering when in a calendar
 * month it had {@code caseThreshold} or more cases (refusals to accept not counted), or {@code slowComplaintThreshold} or
 * more slow-handling complaints received ("repeatedly complained about for slowness"; the plan gives no number, 2 is
 * the default). The cases' conversion flags and alert and the reports' R5 rows and warnings all come from here;
 * both thresholds are set in {@code etc/org.onedoor.reports.cfg}.
 *
 * @param caseThreshold          cases per calendar month, at least 1
 * @param slowComplaintThreshold slow-handling complaints per calendar month, at least 1
 */
public record ConversionRule(int caseThreshold, int slowComplaintThreshold) {

    public ConversionRule {
        caseThreshold = Math.max(1, caseThreshold);
        slowComplaintThreshold = Math.max(1, slowComplaintThreshold);
    }

    /** @return the rule as the reports' configuration sets it */
    public static ConversionRule of(ReportsConfig config) {
        return new ConversionRule(config.conversionThreshold(), config.slowComplaintThreshold());
    }

    /**
     * @param month the calendar month (in the hall's time zone)
     * @param until count what happened before this instant only (a month not yet over is flagged as soon as it
     *              crossed: its counts only grow); {@code null}: the whole month
     * @return the matters-only units due to convert by that month, by unit id
     */
    public List<ConversionFlag> flags(Handle h, YearMonth month, Instant until, ZoneId zone, DepartmentDirectory departments) {
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant monthEnd = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        Instant end = until == null || until.isAfter(monthEnd) ? monthEnd : until;
        List<ConversionFlag> out = new ArrayList<>();
        if (!end.isAfter(from)) {
            return out;
        }
        Map<String, int[]> counts = new TreeMap<>(); // unit -> {cases, slow complaints}
        h.createQuery("SELECT department_id, COUNT(*) AS n FROM hall_case WHERE accepted_day >= :first AND accepted_day <= :last"
                + " AND accepted_at < :until AND state <> 'REFUSED_TO_ACCEPT' GROUP BY department_id")
                .bind("first", month.atDay(1)).bind("last", month.atEndOfMonth()).bind("until", Timestamp.from(end))
                .map((rs, ctx) -> Map.entry(rs.getString("department_id"), rs.getInt("n")))
                .forEach(e -> counts.computeIfAbsent(e.getKey(), k -> new int[2])[0] = e.getValue());
        h.createQuery("SELECT department_id, COUNT(*) AS n FROM complaint WHERE kind = 'SLOW' AND received_at >= :from"
                + " AND received_at < :until AND department_id <> '' GROUP BY department_id")
                .bind("from", Timestamp.from(from)).bind("until", Timestamp.from(end))
                .map((rs, ctx) -> Map.entry(rs.getString("department_id"), rs.getInt("n")))
                .forEach(e -> counts.computeIfAbsent(e.getKey(), k -> new int[2])[1] = e.getValue());
        counts.forEach((dept, n) -> {
            boolean mattersOnly = departments.department(dept).map(d -> d.entryMode() == EntryMode.MATTERS_ONLY).orElse(false);
            if (mattersOnly && (n[0] >= caseThreshold || n[1] >= slowComplaintThreshold)) {
                out.add(new ConversionFlag(dept, month, n[0], caseThreshold, n[1], slowComplaintThreshold));
            }
        });
        return out;
    }

    /** @return the flag's reasons in Chinese, e.g. {@code 本月办件 10 件（≥10），办事拖延投诉 2 件（≥2）} */
    public static String reasonsZh(ConversionFlag f) {
        List<String> why = new ArrayList<>();
        if (f.byCases()) {
            why.add("办件 " + f.cases() + " 件（≥" + f.threshold() + "）");
        }
        if (f.bySlowComplaints()) {
            why.add("办事拖延投诉 " + f.slowComplaints() + " 件（≥" + f.slowComplaintThreshold() + "）");
        }
        return String.join("，", why);
    }

    /** @return the flag's reasons as the reports' {@code conversionDue} says them, e.g. {@code 2026-11 slow complaints 2≥2} */
    public static String reasonsEn(ConversionFlag f) {
        List<String> why = new ArrayList<>();
        if (f.byCases()) {
            why.add(f.month() + " cases " + f.cases() + "≥" + f.threshold());
        }
        if (f.bySlowComplaints()) {
            why.add(f.month() + " slow complaints " + f.slowComplaints() + "≥" + f.slowComplaintThreshold());
        }
        return String.join("; ", why);
    }
}
