package org.onedoor.core.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.report.EarlyWarning;
import org.onedoor.api.report.HallReport;
import org.onedoor.api.report.ReportFile;
import org.onedoor.api.report.ReportKind;
import org.onedoor.api.report.ReportPeriod;
import org.onedoor.api.report.ReportSummary;
import org.onedoor.api.report.UnitFigures;

/**
 * The monthly report of November 2026 checked figure by figure against the rows it was built from
 * ({@link ReportFixture#november()}), on a real H2 database with the real calendar: the period's
 * bounds in the hall's zone, decisions after the month not counted, the points ranking, R5 crossed by a
 * matters-only unit through slow complaints, the early warnings, the data basis, keeping and the schedule.
 */
class ReportBuilderTest {

    private final ReportFixture hall = new ReportFixture().november();

    private HallReport november() {
        return hall.reports.build(hall.reports.period(ReportKind.MONTH, "2026-11"), ReportFixture.SUPERVISOR);
    }

    /** Every figure of one row, in the record's order, so a failure names the figure. */
    private static void row(UnitFigures u, String key, String name, int rank, int points, int accepted, int decided, int onTime,
            int overdue, int immediate, int noVisit, int oneTrip, int compressionCases, double compression, int ratings, int scores,
            double averageScore, int good, int bad, int complaints, int slow, String conversionDue) {
        String of = key + ": ";
        assertEquals(key, u.key(), of + "key");
        assertEquals(name, u.nameZh(), of + "name");
        assertEquals(rank, u.rank(), of + "rank");
        assertEquals(points, u.points(), of + "points");
        assertEquals(accepted, u.accepted(), of + "accepted");
        assertEquals(decided, u.decided(), of + "decided");
        assertEquals(onTime, u.onTime(), of + "on time");
        assertEquals(overdue, u.overdue(), of + "overdue");
        assertEquals(immediate, u.immediate(), of + "immediate");
        assertEquals(noVisit, u.noVisit(), of + "no visit");
        assertEquals(oneTrip, u.oneTrip(), of + "one trip");
        assertEquals(compressionCases, u.compressionCases(), of + "compression base");
        assertEquals(compression, u.averageCompression(), 1e-9, of + "average compression");
        assertEquals(ratings, u.ratings(), of + "ratings");
        assertEquals(scores, u.scores(), of + "scores");
        assertEquals(averageScore, u.averageScore(), 1e-9, of + "average score");
        assertEquals(good, u.goodScores(), of + "good");
        assertEquals(bad, u.badScores(), of + "bad");
        assertEquals(complaints, u.complaints(), of + "complaints");
        assertEquals(slow, u.slowComplaints(), of + "slow complaints");
        assertEquals(conversionDue, u.conversionDue(), of + "conversion due");
    }

    @Test
    void theMonthlyReportsFiguresAreThoseOfTheCasesComplaintsAndRatingsOfTheMonth() {
        HallReport r = november();

        ReportPeriod p = r.period();
        assertEquals("2026-11", p.key());
        assertEquals(LocalDate.of(2026, 11, 1), p.start());
        assertEquals(LocalDate.of(2026, 11, 30), p.end());
        assertEquals(21, p.workingDays(), "November 2026 has 21 working days (no holiday)");
        assertEquals(Optional.of(LocalDate.of(2026, 11, 2)), p.firstWorkingDay());
        assertEquals(Optional.of(LocalDate.of(2026, 11, 30)), p.lastWorkingDay());

        // A17: 6 cases (Oct 30 and Dec 1 not counted); the one decided on Dec 1 counts as undecided and not overdue;
        // compression (3 × 0.75 + 0.85 + 2 × 1.0) / 6 = 0.85; scores 5,4,2,3,4,5 (an October case rated in November counts);
        // points 6 + 2 − 2·2 − 2·1 − 1 = 1.
        // A26 (matters only): 3 cases, 2 slow complaints in November (Oct 31 23:00 and Dec 1 00:30 hall time are not):
        // R5 crossed by complaints though its cases are below 10; points 3 + 2 − 2·1 − 2·2 − 2 = −3.
        assertEquals(List.of("A17", "A26"), r.units().stream().map(UnitFigures::key).toList());
        row(r.units().get(0), "A17", "市公安局", 1, 1, 6, 3, 2, 2, 2, 2, 4, 6, 0.85, 3, 6, 3.8333, 4, 1, 1, 0, "");
        row(r.units().get(1), "A26", "市自然资源局", 2, -3, 3, 2, 2, 1, 0, 0, 0, 3, 0.8, 1, 2, 1.0, 0, 2, 2, 2,
                "2026-11 slow complaints 2≥2");
        assertEquals(2.0 / 3, r.units().get(0).onTimeRate().getAsDouble(), 1e-9);
        assertEquals(2.0 / 6, r.units().get(0).immediateShare().getAsDouble(), 1e-9);

        // windows: the clerk's score only; window 43 appears by its rating alone; 97 before 42 on equal points by more cases
        assertEquals(List.of("41", "97", "42", "43"), r.windows().stream().map(UnitFigures::key).toList());
        row(r.windows().get(0), "41", "41号窗口", 1, 1, 4, 2, 1, 1, 1, 2, 3, 4, 0.8125, 1, 1, 5.0, 1, 0, 1, 0, "");
        row(r.windows().get(1), "97", "97号窗口", 2, 0, 3, 2, 2, 1, 0, 0, 0, 3, 0.8, 1, 1, 1.0, 0, 1, 1, 1, "");
        row(r.windows().get(2), "42", "42号窗口", 3, 0, 2, 1, 1, 1, 1, 0, 1, 2, 0.925, 1, 1, 2.0, 0, 1, 0, 0, "");
        row(r.windows().get(3), "43", "43号窗口", 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.0, 1, 1, 4.0, 1, 0, 0, 0, "");

        row(r.total(), "ALL", "全厅合计", 0, -2, 9, 5, 4, 3, 2, 2, 4, 9, 0.8333, 4, 8, 3.125, 4, 3, 3, 2, "");

        assertEquals(List.of("OVERDUE/A17/A17", "OVERDUE/A26/A26", "FEES/A17/TS-20261125-0001", "STANDARDS/A17/A17-001",
                "CONVERSION/A26/2026-11"), r.warnings().stream().map(w -> w.kind() + "/" + w.departmentId() + "/" + w.subject()).toList());
        EarlyWarning standards = r.warnings().get(3);
        assertTrue(standards.textZh().contains("[3, 5]"), standards.textZh());

        assertEquals(Instant.parse("2026-11-30T16:00:00Z"), r.basis().asOf(), "the end of November in the hall's zone");
        assertEquals(9, r.basis().cases());
        assertEquals("2026-11-30T08:00:00Z", r.basis().lastCaseAcceptedAt());
        assertEquals(3, r.basis().complaints());
        assertEquals("TS-20261125-0001", r.basis().lastComplaintNumber());
        assertEquals(4, r.basis().ratings());
        assertEquals(3, r.basis().catalogMatters());
        assertEquals(10, r.basis().conversionThreshold());
        assertEquals(2, r.basis().slowComplaintThreshold());
        assertEquals(64, r.basis().digest().length());
        assertEquals("super1", r.builtBy());
    }

    @Test
    void aKeptReportReadsBackAsBuiltWithItsFilesAndIsAudited() {
        HallReport built = november();
        assertTrue(built.id() > 0);
        assertEquals(Optional.of(built), hall.reports.find(built.id()));
        List<ReportSummary> listed = hall.reports.list(Optional.empty(), 10);
        assertEquals(1, listed.size());
        ReportSummary s = listed.get(0);
        assertEquals(built.id(), s.id());
        assertEquals(ReportKind.MONTH, s.kind());
        assertEquals("2026-11", s.periodKey());
        assertEquals(false, s.scheduled());
        byte[] pdf = hall.reports.file(built.id(), ReportFile.PDF).orElseThrow();
        byte[] xlsx = hall.reports.file(built.id(), ReportFile.XLSX).orElseThrow();
        assertEquals("%PDF", new String(pdf, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
        assertEquals("PK", new String(xlsx, 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1), "an XLSX file is a zip");
        assertEquals(pdf.length, s.pdfBytes());
        assertEquals(xlsx.length, s.xlsxBytes());
        assertEquals(Optional.empty(), hall.reports.find(built.id() + 1));
        assertTrue(hall.chain.recent("report-build", null, 10).stream().anyMatch(a -> a.event().target().equals("MONTH:2026-11")
                && a.event().actor().equals("super1")));
    }

    @Test
    void theSameDataGivesTheSameFiguresAndDigestAndAChangedCaseChangesTheDigest() {
        HallReport first = november();
        hall.clock.advance(java.time.Duration.ofHours(3));
        hall.caseRow("A17-20261201-0002", "A17", 41, "A17-001", "WINDOW", 5, "2026-12-01T11:00", "2026-12-08", null);
        HallReport again = november();
        assertEquals(first.basis().digest(), again.basis().digest(), "a case of December does not touch November");
        assertEquals(first.units(), again.units());
        hall.database.useTransaction(h -> h.execute("UPDATE hall_case SET decided_at = NULL, state = 'ACCEPTED' WHERE case_no = 'A26-20261116-0001'"));
        HallReport changed = november();
        assertNotEquals(first.basis().digest(), changed.basis().digest());
        assertEquals(1, changed.units().get(1).decided(), "A26 now has one decided case");
        assertEquals(2, changed.units().get(1).overdue(), "and the undecided one is past its deadline of Nov 18");
    }

    @Test
    void r5ByCasesAndByComplaintsFollowTheThresholdsAndNeverFlagAUnitWithStaffInTheHall() {
        ReportBuilder both = new ReportBuilder(ReportFixture.departments(), ReportFixture.catalog(), ReportFixture.HALL, 3, 2);
        ReportBuilder neither = new ReportBuilder(ReportFixture.departments(), ReportFixture.catalog(), ReportFixture.HALL, 4, 3);
        ReportPeriod nov = hall.reports.period(ReportKind.MONTH, "2026-11");
        Instant now = hall.clock.instant();
        HallReport a = hall.database.withHandle(h -> both.build(h, nov, now, now, "t"));
        assertEquals("2026-11 cases 3≥3; 2026-11 slow complaints 2≥2", a.units().get(1).conversionDue());
        assertEquals("", a.units().get(0).conversionDue(), "A17 has 6 cases but its staff are in the hall");
        HallReport b = hall.database.withHandle(h -> neither.build(h, nov, now, now, "t"));
        assertEquals("", b.units().get(1).conversionDue());
        assertTrue(b.warnings().stream().noneMatch(w -> w.kind() == EarlyWarning.WarningKind.CONVERSION));

        ReportBuilder strict = new ReportBuilder(ReportFixture.departments(), ReportFixture.catalog(), ReportFixture.HALL, 10, 1);
        ReportPeriod dec = hall.reports.period(ReportKind.MONTH, "2026-12");
        HallReport running = hall.database.withHandle(h -> strict.build(h, dec, now, now, "t"));
        assertEquals(List.of("A26:2026-12 slow complaints 1≥1"), running.units().stream().filter(u -> !u.conversionDue().isEmpty())
                .map(u -> u.key() + ":" + u.conversionDue()).toList(), "a month not yet over shows as soon as it crossed");
    }

    @Test
    void aWeekCountsItsOwnDaysAndAQuarterNotYetOverCountsUpToNow() {
        HallReport w48 = hall.reports.build(hall.reports.period(ReportKind.WEEK, "2026-W48"), ReportFixture.SUPERVISOR);
        assertEquals(LocalDate.of(2026, 11, 23), w48.period().start());
        assertEquals(LocalDate.of(2026, 11, 29), w48.period().end());
        assertEquals(5, w48.period().workingDays());
        assertEquals(2, w48.total().accepted(), "Nov 27 (A17) and Nov 23 (A26)");
        assertEquals("2026年第48周通报", w48.period().titleZh());
        assertTrue(w48.warnings().stream().noneMatch(w -> w.kind() == EarlyWarning.WarningKind.CONVERSION), "R5 is monthly");

        HallReport q4 = hall.reports.build(hall.reports.period(ReportKind.QUARTER, "2026-Q4"), ReportFixture.SUPERVISOR);
        assertEquals(hall.clock.instant(), q4.basis().asOf());
        assertEquals(11, q4.total().accepted(), "October, November and December 1 up to now");
        assertEquals(List.of("2026-11 slow complaints 2≥2"), q4.units().stream().map(UnitFigures::conversionDue).filter(s -> !s.isEmpty())
                .toList(), "October had one slow complaint against A26, December so far one (Dec 1 00:30)");
    }

    @Test
    void badPeriodsAreRefusedNamingTheField() {
        CaseException wrong = assertThrows(CaseException.class, () -> hall.reports.period(ReportKind.MONTH, "2026-13"));
        assertEquals("period", wrong.field());
        assertEquals("invalid-period", wrong.code());
        assertEquals("period", assertThrows(CaseException.class, () -> hall.reports.period(ReportKind.WEEK, "2026-W54")).field());
        assertEquals("period", assertThrows(CaseException.class, () -> hall.reports.period(ReportKind.QUARTER, "2026-11")).field());
        CaseException future = assertThrows(CaseException.class,
                () -> hall.reports.build(hall.reports.period(ReportKind.WEEK, "2026-W50"), ReportFixture.SUPERVISOR));
        assertEquals("period-not-begun", future.code());
        assertEquals("limit", assertThrows(CaseException.class, () -> hall.reports.list(Optional.empty(), 0)).field());
        CaseException unknownYear = assertThrows(CaseException.class, () -> hall.reports.period(ReportKind.MONTH, "2099-01"));
        assertEquals("calendar-year-missing", unknownYear.code());
        assertEquals("period", unknownYear.field());
    }

    @Test
    void withoutTheDocumentsBundleABuildIsRefusedAsUnavailableAndNothingIsKept() {
        HallReportService bare = new HallReportService(hall.database, hall.outbox, hall.calendar, ReportFixture.departments(),
                ReportFixture.catalog(), null, hall.clock.hall(), ReportFixture.config(10, 2));
        CaseException e = assertThrows(CaseException.class, () -> bare.build(bare.period(ReportKind.MONTH, "2026-11"), ReportFixture.SUPERVISOR));
        assertEquals(CaseException.Reason.UNAVAILABLE, e.reason());
        assertEquals("documents-missing", e.code());
        assertEquals(List.of(), bare.list(Optional.empty(), 10));
    }

    @Test
    void theScheduleBuildsEachClosedPeriodOnceOnTheFirstWorkingDayAfterIt() {
        List<HallReport> built = hall.reports.runSchedule();
        assertEquals(List.of("WEEK:2026-W48", "MONTH:2026-11", "QUARTER:2026-Q3"),
                built.stream().map(r -> r.period().kind() + ":" + r.period().key()).collect(Collectors.toList()));
        assertTrue(built.stream().allMatch(r -> r.builtBy().equals("schedule")));
        assertEquals(List.of(), hall.reports.runSchedule(), "nothing twice");
        assertTrue(hall.reports.list(Optional.of(ReportKind.MONTH), 10).get(0).scheduled());
        HallReport onDemand = november();
        assertEquals(4, hall.reports.list(Optional.empty(), 10).size(), "a build on demand is kept beside the scheduled one");
        assertEquals(built.get(1).units(), onDemand.units());
    }
}
