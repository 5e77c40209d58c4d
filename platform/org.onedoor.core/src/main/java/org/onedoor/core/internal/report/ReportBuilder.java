package org.onedoor.core.internal.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.onedoor.api.cases.ComplaintKind;
import org.onedoor.api.cases.Rating;
import org.onedoor.api.department.DepartmentDirectory;
import org.onedoor.api.hall.Department;
import org.onedoor.api.matter.Matter;
import org.onedoor.api.matter.MatterCatalog;
import org.onedoor.api.matter.MatterQuery;
import org.onedoor.api.report.EarlyWarning;
import org.onedoor.api.report.HallReport;
import org.onedoor.api.report.ReportBasis;
import org.onedoor.api.report.ReportPeriod;
import org.onedoor.api.report.UnitFigures;
import org.onedoor.core.internal.supervision.ConversionRule;

/**
 * Builds a report's figures from the hall's records of one period, on a handle: the cases accepted on the
 * period's days, the complaints received and the ratings given in it, each selected in SQL by the period's
 * bounds (never "the newest N"), and R5's monthly counts grouped in SQL. Hall days of timestamps are
 * taken in the hall's zone, so the counting of days happens here rather than in SQL.
 */
final class ReportBuilder {

    /** A case of the period as the report needs it. */
    record CaseRow(String number, String departmentId, int window, String matterCode, String channel, int committedDays,
            LocalDate deadline, Instant acceptedAt, Optional<Instant> decidedAt, String state) {
    }

    /** A complaint of the period. */
    record ComplaintRow(String number, ComplaintKind kind, String departmentId, int window, String caseNumber, Instant receivedAt) {
    }

    /** A rating given in the period, with the window its case was accepted at. */
    record RatingRow(Rating rating, int window) {
    }

    private final DepartmentDirectory departments;
    private final MatterCatalog catalog;
    private final ZoneId zone;
    private final int conversionThreshold;
    private final int slowComplaintThreshold;
    private final ReportWarnings warnings;

    ReportBuilder(DepartmentDirectory departments, MatterCatalog catalog, ZoneId zone, int conversionThreshold, int slowComplaintThreshold) {
        this.departments = departments;
        this.catalog = catalog;
        this.zone = zone;
        this.conversionThreshold = conversionThreshold;
        this.slowComplaintThreshold = slowComplaintThreshold;
        this.warnings = new ReportWarnings(departments, zone, new ConversionRule(conversionThreshold, slowComplaintThreshold));
    }

    /**
     * @param asOf the instant the figures stand at: the period's end, or earlier for a period not yet over
     */
    HallReport build(Handle h, ReportPeriod period, Instant asOf, Instant builtAt, String builtBy) {
        Instant from = period.from(zone);
        Instant until = asOf.isBefore(period.until(zone)) ? asOf : period.until(zone);
        LocalDate lastDay = until.equals(period.until(zone)) ? period.end() : LocalDate.ofInstant(until, zone);
        List<CaseRow> cases = cases(h, period.start(), period.end(), until);
        List<ComplaintRow> complaints = complaints(h, from, until);
        List<RatingRow> ratings = ratings(h, from, until);
        Map<String, Matter> matters = new TreeMap<>();
        for (Matter m : catalog.matters(MatterQuery.ALL)) {
            matters.put(m.code(), m);
        }

        Map<String, Tally> units = new TreeMap<>();
        Map<Integer, Tally> windows = new TreeMap<>();
        Tally total = new Tally();
        Map<String, TreeSet<Integer>> limitsByMatter = new TreeMap<>();
        Map<String, String> matterUnit = new TreeMap<>();
        for (CaseRow c : cases) {
            Optional<Matter> matter = Optional.ofNullable(matters.get(c.matterCode()));
            for (Tally t : tallies(units, windows, total, c.departmentId(), c.window())) {
                t.addCase(c, matter, until, lastDay, zone);
            }
            limitsByMatter.computeIfAbsent(c.matterCode(), k -> new TreeSet<>()).add(c.committedDays());
            matterUnit.put(c.matterCode(), c.departmentId());
        }
        for (ComplaintRow k : complaints) {
            for (Tally t : tallies(units, windows, total, k.departmentId(), k.window())) {
                t.complaints++;
                if (k.kind() == ComplaintKind.SLOW) {
                    t.slowComplaints++;
                }
            }
        }
        for (RatingRow r : ratings) {
            tallies(units, windows, total, r.rating().departmentId(), 0).forEach(t -> t.addUnitRating(r.rating()));
            if (r.window() > 0) {
                windows.computeIfAbsent(r.window(), k -> new Tally()).addWindowRating(r.rating());
            }
        }

        List<EarlyWarning> warnings = new ArrayList<>();
        Map<String, String> conversion = this.warnings.conversion(h, period, until, warnings);

        List<UnitFigures> unitRows = ranked(units, id -> id, id -> departments.department(id).map(Department::nameZh).orElse(id),
                conversion);
        List<UnitFigures> windowRows = ranked(windows, String::valueOf, n -> n + "号窗口", Map.of());
        UnitFigures totalRow = total.figures("ALL", "全厅合计", 0, "");
        ReportWarnings.overdue(unitRows, warnings);
        ReportWarnings.complaints(complaints, warnings);
        ReportWarnings.standards(limitsByMatter, matterUnit, warnings);
        ReportWarnings.sort(warnings);

        String lastAccepted = cases.stream().map(CaseRow::acceptedAt).max(Comparator.naturalOrder()).map(Instant::toString).orElse("");
        String lastComplaint = complaints.stream().map(ComplaintRow::number).max(Comparator.naturalOrder()).orElse("");
        ReportBasis basis = new ReportBasis(until, cases.size(), lastAccepted, complaints.size(), lastComplaint, ratings.size(),
                matters.size(), conversionThreshold, slowComplaintThreshold, digest(cases, complaints, ratings));
        return new HallReport(0, period, builtAt, builtBy, basis, unitRows, windowRows, totalRow, warnings);
    }

    private static List<Tally> tallies(Map<String, Tally> units, Map<Integer, Tally> windows, Tally total, String dept, int window) {
        List<Tally> out = new ArrayList<>(3);
        out.add(total);
        if (!dept.isEmpty()) {
            out.add(units.computeIfAbsent(dept, k -> new Tally()));
        }
        if (window > 0) {
            out.add(windows.computeIfAbsent(window, k -> new Tally()));
        }
        return out;
    }

    private static <K> List<UnitFigures> ranked(Map<K, Tally> tallies, Function<K, String> key, Function<K, String> name,
            Map<String, String> conversion) {
        List<UnitFigures> rows = new ArrayList<>();
        tallies.forEach((k, t) -> rows.add(t.figures(key.apply(k), name.apply(k), 0, conversion.getOrDefault(key.apply(k), ""))));
        conversion.forEach((dept, why) -> {
            if (rows.stream().noneMatch(r -> r.key().equals(dept))) {
                rows.add(new Tally().figures(dept, dept, 0, why));
            }
        });
        rows.sort(Comparator.comparingInt(UnitFigures::points).reversed().thenComparing(Comparator.comparingInt(UnitFigures::accepted).reversed())
                .thenComparing(UnitFigures::key));
        List<UnitFigures> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            UnitFigures r = rows.get(i);
            UnitFigures before = i == 0 ? null : out.get(i - 1);
            int place = before != null && before.points() == r.points() && before.accepted() == r.accepted() ? before.rank() : i + 1;
            out.add(r.ranked(place));
        }
        return out;
    }

    private static List<CaseRow> cases(Handle h, LocalDate first, LocalDate last, Instant until) {
        return h.createQuery("SELECT case_no, department_id, window_no, matter_code, channel, committed_days, deadline, accepted_at,"
                + " decided_at, state FROM hall_case WHERE accepted_day >= :first AND accepted_day <= :last AND accepted_at < :until"
                + " ORDER BY case_no")
                .bind("first", first).bind("last", last).bind("until", Timestamp.from(until))
                .map((rs, ctx) -> new CaseRow(rs.getString("case_no"), rs.getString("department_id"), rs.getInt("window_no"),
                        rs.getString("matter_code"), rs.getString("channel"), rs.getInt("committed_days"), rs.getDate("deadline").toLocalDate(),
                        rs.getTimestamp("accepted_at").toInstant(),
                        Optional.ofNullable(rs.getTimestamp("decided_at")).map(Timestamp::toInstant), rs.getString("state")))
                .list();
    }

    private static List<ComplaintRow> complaints(Handle h, Instant from, Instant until) {
        return h.createQuery("SELECT complaint_no, kind, department_id, window_no, case_no, received_at FROM complaint"
                + " WHERE received_at >= :from AND received_at < :until ORDER BY complaint_no")
                .bind("from", Timestamp.from(from)).bind("until", Timestamp.from(until))
                .map((rs, ctx) -> new ComplaintRow(rs.getString("complaint_no"), ComplaintKind.valueOf(rs.getString("kind")),
                        rs.getString("department_id"), rs.getInt("window_no"), rs.getString("case_no"), rs.getTimestamp("received_at").toInstant()))
                .list();
    }

    /**
     * The ratings first given in the period, each party's as it stood at the period's end (the last version
     * of {@code case_evaluation_history} before it), so that a rebuild from the same records gives the same
     * figures even when a citizen changes a rating later.
     */
    private static List<RatingRow> ratings(Handle h, Instant from, Instant until) {
        Map<String, RatingRow> byCase = new TreeMap<>();
        h.createQuery("SELECT v.case_no, v.party, v.subject, v.score, f.first_at, c.department_id, c.window_no"
                + " FROM case_evaluation_history v"
                + " JOIN (SELECT case_no, party, MAX(revision) AS last_revision, MIN(given_at) AS first_at"
                + "       FROM case_evaluation_history WHERE given_at < :until GROUP BY case_no, party) f"
                + " ON f.case_no = v.case_no AND f.party = v.party AND f.last_revision = v.revision"
                + " JOIN hall_case c ON c.case_no = v.case_no"
                + " WHERE f.first_at >= :from ORDER BY v.case_no, v.party")
                .bind("from", Timestamp.from(from)).bind("until", Timestamp.from(until))
                .map((rs, ctx) -> {
                    String no = rs.getString("case_no");
                    boolean front = "FRONT".equals(rs.getString("party"));
                    Instant at = rs.getTimestamp("first_at").toInstant();
                    RatingRow before = byCase.get(no);
                    Rating r = before == null
                            ? new Rating(no, rs.getString("department_id"), "", "", 0, 0, "", at) : before.rating();
                    Rating merged = new Rating(no, r.departmentId(), front ? rs.getString("subject") : r.clerk(),
                            front ? r.approver() : rs.getString("subject"), front ? rs.getInt("score") : r.clerkScore(),
                            front ? r.approverScore() : rs.getInt("score"), "", at.isBefore(r.ratedAt()) ? at : r.ratedAt());
                    byCase.put(no, new RatingRow(merged, rs.getInt("window_no")));
                    return no;
                }).list();
        return new ArrayList<>(byCase.values());
    }

    private static String digest(List<CaseRow> cases, List<ComplaintRow> complaints, List<RatingRow> ratings) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (CaseRow c : cases) {
                line(sha, "case", c.number(), c.state(), c.committedDays(), c.deadline(), c.decidedAt().map(Instant::toString).orElse(""));
            }
            for (ComplaintRow k : complaints) {
                line(sha, "complaint", k.number(), k.kind(), k.departmentId(), k.window());
            }
            for (RatingRow r : ratings) {
                line(sha, "rating", r.rating().caseNumber(), r.rating().clerkScore(), r.rating().approverScore());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static void line(MessageDigest sha, Object... parts) {
        StringBuilder b = new StringBuilder();
        for (Object p : parts) {
            b.append(p).append('|');
        }
        sha.update(b.append('\n').toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The running counts of one unit, window or the hall. */
    private static final class Tally {
        int accepted;
        int decided;
        int onTime;
        int overdue;
        int immediate;
        int noVisit;
        int oneTrip;
        int compressionCases;
        double compressionSum;
        int ratings;
        int scores;
        long scoreSum;
        int good;
        int bad;
        int complaints;
        int slowComplaints;

        void addCase(CaseRow c, Optional<Matter> matter, Instant until, LocalDate lastDay, ZoneId zone) {
            accepted++;
            Optional<Instant> decidedAt = c.decidedAt().filter(d -> d.isBefore(until));
            if (decidedAt.isPresent()) {
                decided++;
                if (LocalDate.ofInstant(decidedAt.get(), zone).isAfter(c.deadline())) {
                    overdue++;
                } else {
                    onTime++;
                }
            } else if (c.deadline().isBefore(lastDay)) {
                overdue++;
            }
            if (c.committedDays() == 0) {
                immediate++;
            }
            if ("ONLINE".equals(c.channel())) {
                noVisit++;
            }
            if (matter.map(Matter::atMostOneTrip).orElse(false)) {
                oneTrip++;
            }
            if (matter.isPresent() && matter.get().statutoryDays() > 0) {
                compressionCases++;
                compressionSum += 1.0 - Math.min(c.committedDays(), matter.get().statutoryDays()) / (double) matter.get().statutoryDays();
            }
        }

        void addUnitRating(Rating r) {
            ratings++;
            for (int s : RatingScale.forUnit(r)) {
                score(s);
            }
        }

        void addWindowRating(Rating r) {
            ratings++;
            score(RatingScale.forWindow(r));
        }

        private void score(int s) {
            if (!RatingScale.counted(s)) {
                return;
            }
            scores++;
            scoreSum += s;
            if (RatingScale.good(s)) {
                good++;
            }
            if (RatingScale.bad(s)) {
                bad++;
            }
        }

        UnitFigures figures(String key, String name, int rank, String conversionDue) {
            return new UnitFigures(key, name, rank, UnitFigures.pointsOf(accepted, onTime, overdue, complaints, bad), accepted, decided,
                    onTime, overdue, immediate, noVisit, oneTrip, compressionCases,
                    compressionCases == 0 ? 0.0 : round(compressionSum / compressionCases), ratings, scores,
                    scores == 0 ? 0.0 : round((double) scoreSum / scores), good, bad, complaints, slowComplaints, conversionDue);
        }

        private static double round(double v) {
            return Math.round(v * 10000.0) / 10000.0;
        }
    }
}
