package org.onedoor.core.internal.report;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.audit.AuditRecord;
import org.onedoor.api.audit.AuditTrail;
import org.onedoor.api.audit.AuditVerification;
import org.onedoor.api.cases.CaseActor;
import org.onedoor.api.department.DepartmentDirectory;
import org.onedoor.api.hall.Department;
import org.onedoor.api.hall.EntryMode;
import org.onedoor.api.hall.UnitKind;
import org.onedoor.api.matter.Matter;
import org.onedoor.api.matter.MatterCatalog;
import org.onedoor.api.matter.MatterQuery;
import org.onedoor.api.matter.MatterType;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.core.internal.audit.AuditOutbox;
import org.onedoor.core.internal.audit.JdbcAuditTrail;
import org.onedoor.core.internal.calendar.CalendarFixtures;
import org.onedoor.core.internal.calendar.HallCalendar;
import org.onedoor.core.internal.time.MovableClock;
import org.onedoor.core.internal.zone.TestStore;
import org.onedoor.documents.internal.ReportFiles;
import org.onedoor.store.HallDatabase;

/**
 * A hall with known November 2026 records on a real migrated H2 database: two units (A17 with staff in the
 * hall, A26 matters only), their cases, complaints and ratings written as rows, the real calendar, the
 * real audit chain and the real report files. The figures each test expects are worked out by hand in
 * {@code ReportBuilderTest}.
 */
final class ReportFixture {

    static final ZoneId HALL = ZoneId.of("Asia/Shanghai");
    static final CaseActor SUPERVISOR = new CaseActor(new HallPrincipal("super1", Set.of("supervisor"), Optional.empty()), "10.0.0.5");

    /** Tuesday 2026-12-01, 10:00 in the hall: the first working day after November. */
    final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T02:00:00Z"), HALL);
    final DataSource ds;
    final HallDatabase database;
    final JdbcAuditTrail chain;
    final HallCalendar calendar;
    final AuditOutbox outbox;
    final HallReportService reports;

    /** On a fresh migrated H2 database. */
    ReportFixture() {
        this(TestStore.migrated());
    }

    /** On a migrated database of the caller's (PostgreSQL). */
    ReportFixture(DataSource ds) {
        this.ds = ds;
        this.database = new HallDatabase(ds);
        this.chain = new JdbcAuditTrail(new org.onedoor.store.HallDatabase(ds), org.onedoor.api.hall.HallClock.of(java.time.Clock.systemUTC()));
        this.calendar = CalendarFixtures.calendarOn(ds);
        this.outbox = new AuditOutbox(database, trail(chain), clock.hall());
        this.reports = node();
    }

    /** @return another node's report service on the same database */
    HallReportService node() {
        return new HallReportService(database, outbox, calendar, departments(), catalog(), ReportFiles.of("驻马店市民之家", HALL), clock.hall(),
                config(10, 2));
    }

    private static AuditTrail trail(JdbcAuditTrail chain) {
        return new AuditTrail() {
            @Override
            public AuditRecord record(AuditEvent event) {
                return chain.record(event);
            }

            @Override
            public List<AuditRecord> recent(String action, String actor, int limit) {
                return chain.recent(action, actor, limit);
            }

            @Override
            public AuditVerification verify() {
                return chain.verify();
            }
        };
    }

    static ReportsConfig config(int conversion, int slow) {
        return new ReportsConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ReportsConfig.class;
            }

            @Override
            public int conversionThreshold() {
                return conversion;
            }

            @Override
            public int slowComplaintThreshold() {
                return slow;
            }

            @Override
            public int scheduleMinutes() {
                return 0;
            }
        };
    }

    static DepartmentDirectory departments() {
        List<Department> all = List.of(
                new Department("A17", "市公安局", "Public Security", UnitKind.DEPARTMENT, EntryMode.STAFF_AND_MATTERS, "police", 10, 10, ""),
                new Department("A26", "市自然资源局", "Natural Resources", UnitKind.DEPARTMENT, EntryMode.MATTERS_ONLY, "real-estate", 5, 5, ""));
        return new DepartmentDirectory() {
            @Override
            public List<Department> departments() {
                return all;
            }

            @Override
            public Optional<Department> department(String id) {
                return all.stream().filter(d -> d.id().equals(id)).findFirst();
            }
        };
    }

    /** A17-001: statutory 20, committed 5, at most one trip; A17-002: immediate, statutory 5; A26-001: statutory 10, committed 2. */
    static MatterCatalog catalog() {
        List<Matter> all = List.of(
                matter("A17-001", "A17", 20, 5, false, true),
                matter("A17-002", "A17", 5, 0, true, false),
                matter("A26-001", "A26", 10, 2, false, false));
        return new MatterCatalog() {
            @Override
            public List<Matter> matters(MatterQuery query) {
                return all;
            }

            @Override
            public Optional<Matter> matter(String code) {
                return all.stream().filter(m -> m.code().equals(code)).findFirst();
            }

            @Override
            public Map<String, Integer> countsByDepartment() {
                return Map.of("A17", 2, "A26", 1);
            }

            @Override
            public List<String> validate(String code, Map<String, String> fields) {
                return List.of();
            }
        };
    }

    private static Matter matter(String code, String dept, int statutory, int committed, boolean immediate, boolean oneTrip) {
        return new Matter(code, "事项" + code, "", dept, "zone", MatterType.ADMINISTRATIVE_LICENSE, List.of(), statutory, committed,
                immediate, false, oneTrip, BigDecimal.ZERO, Set.of(), "test:" + code);
    }

    static Instant at(String hallDateTime) {
        return LocalDateTime.parse(hallDateTime).atZone(HALL).toInstant();
    }

    /**
     * Writes a case row as the case service would have left it.
     *
     * @param decided the decision's hall time, or null when undecided
     */
    void caseRow(String no, String dept, int window, String matter, String channel, int committed, String accepted, String deadline,
            String decided) {
        Instant acceptedAt = at(accepted);
        database.useTransaction(h -> h.createUpdate("INSERT INTO hall_case (case_no, check_hash, matter_code, matter_revision, matter_name,"
                + " department_id, channel, window_no, ticket_id, ticket_no, applicant_name, applicant_id, state, special_steps, steps_done,"
                + " accepted_by, accepted_at, accepted_day, committed_days, deadline, decision, decided_by, decided_at, decision_reason,"
                + " signed_off_window, delivery_detail, tracking_no, pickup_code, version) VALUES (:no, 'x', :matter, 'test', :matter, :dept,"
                + " :channel, :window, '', '', '张三', '410102199001011234', :state, '', '', 'clerk1', :acceptedAt, :acceptedDay, :committed,"
                + " :deadline, :decision, 'approver1', :decidedAt, '', FALSE, '', '', '', 1)")
                .bind("no", no).bind("matter", matter).bind("dept", dept).bind("channel", channel).bind("window", window)
                .bind("state", decided == null ? "ACCEPTED" : "APPROVED").bind("acceptedAt", Timestamp.from(acceptedAt))
                .bind("acceptedDay", LocalDate.ofInstant(acceptedAt, HALL)).bind("committed", committed)
                .bind("deadline", LocalDate.parse(deadline)).bindByType("decision", decided == null ? null : "APPROVED", String.class)
                .bindByType("decidedAt", decided == null ? null : Timestamp.from(at(decided)), Timestamp.class)
                .execute());
    }

    void complaint(String no, String kind, String dept, int window, String received) {
        database.useTransaction(h -> h.createUpdate("INSERT INTO complaint (complaint_no, channel, kind, state, complainant, phone,"
                + " department_id, case_no, window_no, text, received_at, received_by, reply_due, reply, rounds, closing) VALUES (:no,"
                + " 'DESK', :kind, 'ASSIGNED', '王小红', '13812345678', :dept, '', :window, '投诉', :at, 'clerk1', :due, '', 0, '')")
                .bind("no", no).bind("kind", kind).bind("dept", dept).bind("window", window).bind("at", Timestamp.from(at(received)))
                .bind("due", LocalDate.ofInstant(at(received), HALL).plusDays(7)).execute());
    }

    /** A citizen's rating of both parties (0: that party not rated), as the good/bad evaluation stores it. */
    void rating(String caseNo, String dept, int clerkScore, int approverScore, String rated) {
        String[] levels = {"", "VERY_DISSATISFIED", "DISSATISFIED", "BASICALLY_SATISFIED", "SATISFIED", "VERY_SATISFIED"};
        database.useTransaction(h -> {
            for (String party : new String[] {"FRONT", "BACK"}) {
                int score = party.equals("FRONT") ? clerkScore : approverScore;
                if (score == 0) {
                    continue;
                }
                String subject = party.equals("FRONT") ? "clerk1" : "approver1";
                for (String table : new String[] {"case_evaluation", "case_evaluation_history"}) {
                    boolean current = table.equals("case_evaluation");
                    h.createUpdate("INSERT INTO " + table + " (case_no, party, " + (current ? "department_id, " : "")
                            + "subject, rating_level, score, reasons, comment, channel, citizen, "
                            + (current ? "rated_at, changed_at, revision" : "revision, given_at") + ") VALUES (:no, :party, "
                            + (current ? ":dept, " : "") + ":subject, :level, :score, '', '', 'CITIZEN_PAGE', '张*', "
                            + (current ? ":at, :at, 1" : "1, :at") + ")")
                            .bind("no", caseNo).bind("party", party).bind("dept", dept).bind("subject", subject)
                            .bind("level", levels[score]).bind("score", score).bind("at", Timestamp.from(at(rated))).execute();
                }
            }
        });
    }

    /** The November of the tests (see the class description); returns itself. */
    ReportFixture november() {
        // A17, staff in the hall
        caseRow("A17-20261102-0001", "A17", 41, "A17-001", "WINDOW", 5, "2026-11-02T10:00", "2026-11-09", "2026-11-06T15:00"); // on time
        caseRow("A17-20261110-0001", "A17", 41, "A17-001", "ONLINE", 5, "2026-11-10T09:30", "2026-11-17", "2026-11-18T11:00"); // late
        caseRow("A17-20261111-0001", "A17", 42, "A17-002", "WINDOW", 0, "2026-11-11T14:00", "2026-11-11", "2026-11-11T14:20"); // immediate
        caseRow("A17-20261120-0001", "A17", 42, "A17-001", "WINDOW", 3, "2026-11-20T10:00", "2026-11-25", null); // undecided past deadline
        caseRow("A17-20261127-0001", "A17", 41, "A17-001", "ONLINE", 5, "2026-11-27T16:00", "2026-12-04", null); // still in time
        caseRow("A17-20261130-0001", "A17", 41, "A17-002", "WINDOW", 0, "2026-11-30T16:00", "2026-11-30", "2026-12-01T09:00"); // decided after the month
        caseRow("A17-20261030-0001", "A17", 43, "A17-001", "WINDOW", 5, "2026-10-30T10:00", "2026-11-06", "2026-11-03T10:00"); // October
        caseRow("A17-20261201-0001", "A17", 41, "A17-001", "WINDOW", 5, "2026-12-01T08:30", "2026-12-08", null); // December
        // A26, matters only: 3 cases (below 10) but 2 slow complaints in November
        caseRow("A26-20261104-0001", "A26", 97, "A26-001", "WINDOW", 2, "2026-11-04T09:00", "2026-11-06", "2026-11-05T10:00");
        caseRow("A26-20261116-0001", "A26", 97, "A26-001", "WINDOW", 2, "2026-11-16T09:00", "2026-11-18", "2026-11-18T17:00");
        caseRow("A26-20261123-0001", "A26", 97, "A26-001", "WINDOW", 2, "2026-11-23T09:00", "2026-11-25", null);
        complaint("TS-20261105-0001", "SLOW", "A26", 97, "2026-11-05T11:00");
        complaint("TS-20261120-0001", "SLOW", "A26", 0, "2026-11-20T15:00");
        complaint("TS-20261125-0001", "FEES", "A17", 41, "2026-11-25T10:00");
        complaint("TS-20261031-0001", "SLOW", "A26", 97, "2026-10-31T23:00"); // October, hall time
        complaint("TS-20261201-0001", "SLOW", "A26", 97, "2026-12-01T00:30"); // December, hall time
        rating("A17-20261102-0001", "A17", 5, 4, "2026-11-07T09:00");
        rating("A17-20261111-0001", "A17", 2, 3, "2026-11-12T09:00");
        rating("A26-20261104-0001", "A26", 1, 1, "2026-11-06T09:00");
        rating("A17-20261030-0001", "A17", 4, 5, "2026-11-04T09:00"); // an October case rated in November
        return this;
    }
}
