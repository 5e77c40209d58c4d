package org.onedoor.core.internal.cases;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.audit.AuditRecord;
import org.onedoor.api.audit.AuditTrail;
import org.onedoor.api.cases.AcceptRequest;
import org.onedoor.api.cases.Applicant;
import org.onedoor.api.cases.CaseActor;
import org.onedoor.api.cases.CaseChannel;
import org.onedoor.api.cases.CaseEvent;
import org.onedoor.api.citizen.ResidentIdNumber;
import org.onedoor.api.department.DepartmentDirectory;
import org.onedoor.api.hall.Department;
import org.onedoor.api.hall.EntryMode;
import org.onedoor.api.hall.UnitKind;
import org.onedoor.api.matter.Material;
import org.onedoor.api.matter.MaterialKind;
import org.onedoor.api.matter.Matter;
import org.onedoor.api.matter.MatterCatalog;
import org.onedoor.api.matter.MatterQuery;
import org.onedoor.api.matter.MatterType;
import org.onedoor.api.matter.SpecialStep;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.api.hall.HallClock;
import org.onedoor.core.internal.audit.AuditOutbox;
import org.onedoor.core.internal.calendar.CalendarFixtures;
import org.onedoor.core.internal.evaluation.HallRatingFollowUps;
import org.onedoor.core.internal.evaluation.RatingsFixture;
import org.onedoor.core.internal.supervision.ConversionRule;
import org.onedoor.core.internal.zone.TestStore;
import org.onedoor.store.HallDatabase;

/**
 * A small hall for case tests on a real migrated H2 database and the shipped 2026 calendar: the
 * police (A17, staff enter), real estate (A15), tax (A16) and statistics (B01, matters only);
 * window 97 has clerk1 signed in with ticket G001 called. The clock can be moved.
 */
final class CaseFixture {

    /** The hall's time zone of the tests' clocks (the shipped default of the hall clock). */
    static final java.time.ZoneId HALL_ZONE = java.time.ZoneId.of("Asia/Shanghai");

    static final String ID = "411702199003074515";

    /** A clock the tests move. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void set(Instant at) {
            now = at;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override public ZoneId getZone() { return HALL_ZONE; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    static Matter matter(String code, int days, Set<SpecialStep> steps, Material... materials) {
        String zone = switch (code.substring(0, 3)) {
            case "A15" -> "real-estate";
            case "A16" -> "tax";
            case "B01" -> "services-365";
            default -> "police";
        };
        return new Matter(code, "事项" + code, "", code.substring(0, 3), zone, MatterType.ADMINISTRATIVE_LICENSE, List.of(materials), Math.max(days, 20),
                days, days == 0, false, true, BigDecimal.ZERO, steps, "rev-" + code);
    }

    static Material main(String name) {
        return new Material(name, MaterialKind.MAIN, "");
    }

    static Material tolerable(String name) {
        return new Material(name, MaterialKind.TOLERABLE, "");
    }

    static final Matter PASSPORT = matter("A17-001", 7, Set.of(), main("申请人居民身份证"), main("近期免冠彩色照片"), tolerable("审批备案证明"));
    static final Matter SURVEY = matter("A17-018", 10, Set.of(SpecialStep.SITE_SURVEY, SpecialStep.HEARING), main("申请书"));
    static final Matter IMMEDIATE = matter("A17-050", 0, Set.of(), main("申请人居民身份证"));
    static final Matter TRANSFER = matter("A15-001", 5, Set.of(), main("不动产登记申请书"), main("存量房买卖合同"));
    static final Matter DEED_TAX = matter("A16-001", 3, Set.of(), main("契税申报表"));
    static final Matter STATISTICS = matter("B01-001", 5, Set.of(), main("申请表"));
    /** A police matter with a fee of 50 yuan (the others are free). */
    static final Matter PERMIT_FEE = withFee(matter("A17-060", 3, Set.of(), main("申请书")), new BigDecimal("50"));

    static Matter withFee(Matter m, BigDecimal fee) {
        return new Matter(m.code(), m.nameZh(), m.nameEn(), m.departmentId(), m.zoneId(), m.type(), m.materials(), m.statutoryDays(),
                m.committedDays(), m.immediate(), m.online(), m.atMostOneTrip(), fee, m.specialSteps(), m.revision());
    }

    /** While true, every commit is done but its answer is "lost": the commit throws afterwards. */
    volatile boolean commitAnswersLost;
    /** The statements prepared on the store's connections so far (to see how many queries a read runs). */
    final java.util.concurrent.atomic.AtomicInteger statements = new java.util.concurrent.atomic.AtomicInteger();
    final DataSource ds = losingCommitAnswers(store());
    final MovableClock clock = new MovableClock(Instant.parse("2026-11-27T02:00:00Z"));
    final List<AuditEvent> audit = new CopyOnWriteArrayList<>();
    /** While true, the audit trail refuses every record (its database is away). */
    volatile boolean auditDown;
    final List<CaseEvent> events = new CopyOnWriteArrayList<>();
    final CaseEventHub hub = new CaseEventHub();
    /** R5 as shipped: 10 cases or 2 slow-handling complaints in a month. */
    static final ConversionRule R5 = new ConversionRule(10, 2);
    final CasesConfig config = config(0.75);
    final JdbcCaseAuthorizations authorizations;
    final CaseLockers lockers;
    final HallCaseService cases;
    final CaseSupervisor supervisor;
    final JdbcCaseEvaluations evaluations;
    /** The follow-up of bad ratings (R18): five working days, yellow from 60 %. */
    final HallRatingFollowUps followUps;
    final HallDatabase database = new HallDatabase(ds);
    /** The hall's audit outbox on the fixture's clock (its sweep records what the trail did not take). */
    final AuditOutbox outbox;
    final AuditTrail trail;
    final org.onedoor.api.calendar.WorkingDayCalendar calendar;

    CaseFixture() {
        hub.subscribe(events::add);
        trail = new AuditTrail() {
            @Override
            public AuditRecord record(AuditEvent event) {
                if (auditDown) {
                    throw new IllegalStateException("audit trail unavailable");
                }
                audit.add(event);
                return null;
            }

            @Override
            public List<AuditRecord> recent(String action, String actor, int limit) {
                return List.of();
            }

            @Override
            public org.onedoor.api.audit.AuditVerification verify() {
                throw new UnsupportedOperationException("the case tests collect audit events; the chain is tested in AuditChainTest");
            }
        };
        outbox = new AuditOutbox(database, trail, HallClock.of(clock));
        MatterCatalog catalog = catalog(rules, PASSPORT, SURVEY, IMMEDIATE, TRANSFER, DEED_TAX, STATISTICS, PERMIT_FEE);
        org.onedoor.api.matter.OneThings oneThings = new org.onedoor.core.internal.matter.OneThingCatalog(catalog, List.of(
                new org.onedoor.core.internal.matter.OneThingCatalog.Entry("OT01", "二手房转移登记及契税“一件事”", "Resale home", List.of("A15-001", "A16-001"),
                        true, "test entry"),
                new org.onedoor.core.internal.matter.OneThingCatalog.Entry("OT02", "未部署事项的“一件事”", "", List.of("A15-001", "A99-001"), true, "")));
        calendar = CalendarFixtures.calendarOn(ds);
        authorizations = new JdbcCaseAuthorizations(database, outbox, catalog, trail, clock);
        lockers = new CaseLockers(config);
        cases = new HallCaseService(database, outbox, catalog, calendar, directory(), zones(), authorizations, trail, hub, lockers, oneThings, config, clock);
        supervisor = new CaseSupervisor(database, outbox, calendar, directory(), trail, hub, config, R5, clock);
        followUps = new HallRatingFollowUps(database, outbox, calendar, HallClock.of(clock), RatingsFixture.config(5, 0.6));
        evaluations = new JdbcCaseEvaluations(database, outbox, cases, trail, hub, followUps, clock);
        signIn(97, "clerk1", "G001");
        signIn(89, "clerk1", "F001");
    }

    /** A second hall of the city, with a police and a universal zone of its own. */
    static final String XIPING = "xiping";

    /**
     * Signs the clerk in at a window of another hall (the queue's window_session row of that hall) with a
     * ticket of that hall called there.
     */
    void signInAt(String hallId, int window, String zone, String clerk, String ticketNumber) {
        try (java.sql.Connection c = ds.getConnection()) {
            try (var ins = c.prepareStatement("INSERT INTO window_session (hall_id, window_no, zone_id, clerk, signed_in_at, paused) "
                    + "VALUES (?, ?, ?, ?, ?, FALSE)")) {
                ins.setString(1, hallId);
                ins.setInt(2, window);
                ins.setString(3, zone);
                ins.setString(4, clerk);
                ins.setTimestamp(5, java.sql.Timestamp.from(clock.instant()));
                ins.executeUpdate();
            }
            try (var ins = c.prepareStatement("INSERT INTO ticket (id, hall_id, ticket_no, zone_id, issued_zone_id, hall_day, seq, priority, "
                    + "priority_class, green_reason, appointment_id, category, matter_code, queue_pos, status, window_no, for_window, "
                    + "no_shows, issued_at, called_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'NORMAL', 1, '', '', '', '', 0, 'CALLED', ?, 0, 0, ?, ?)")) {
                ins.setString(1, java.util.UUID.randomUUID().toString());
                ins.setString(2, hallId);
                ins.setString(3, ticketNumber);
                ins.setString(4, zone);
                ins.setString(5, zone);
                ins.setDate(6, java.sql.Date.valueOf(java.time.LocalDate.of(2026, 11, 27)));
                ins.setInt(7, Integer.parseInt(ticketNumber.substring(1)));
                ins.setInt(8, window);
                ins.setTimestamp(9, java.sql.Timestamp.from(clock.instant()));
                ins.setTimestamp(10, java.sql.Timestamp.from(clock.instant()));
                ins.executeUpdate();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Window 97 stands in the police zone, window 89 in the universal zone. */
    private static org.onedoor.api.zone.ZoneDirectory zones() {
        java.util.function.Function<String, org.onedoor.api.zone.ZoneStatus> status = id -> new org.onedoor.api.zone.ZoneStatus(
                new org.onedoor.api.hall.ZoneDescriptor(id, "universal".equals(id) ? "F" : "G", "区" + id, "Zone " + id, 1, "universal".equals(id),
                        List.of(), List.of()), org.onedoor.api.zone.ZoneState.OPEN, Instant.EPOCH);
        return new org.onedoor.api.zone.ZoneDirectory() {
            @Override public List<org.onedoor.api.zone.ZoneStatus> openZones() { return List.of(status.apply("police"), status.apply("universal")); }
            @Override public List<org.onedoor.api.zone.ZoneStatus> knownZones() { return openZones(); }
            @Override public Optional<org.onedoor.api.zone.ZoneStatus> zone(String zoneId) {
                return "police".equals(zoneId) || "universal".equals(zoneId) ? Optional.of(status.apply(zoneId)) : Optional.empty();
            }
            // the hall XIPING has the same two zones, with windows of its own numbering
            @Override public Optional<org.onedoor.api.zone.ZoneStatus> zone(String hallId, String zoneId) {
                return org.onedoor.api.hall.Hall.DEFAULT_ID.equals(hallId) || XIPING.equals(hallId) ? zone(zoneId) : Optional.empty();
            }
        };
    }

    /**
     * A fresh migrated H2 database; with {@code -Dcases.postgres=jdbc:postgresql://127.0.0.1:5432/} a
     * fresh PostgreSQL database on that server instead (user postgres, trust authentication).
     */
    static DataSource store() {
        String server = System.getProperty("cases.postgres", "");
        if (server.isEmpty()) {
            org.h2.jdbcx.JdbcDataSource h2 = TestStore.migrated();
            h2.setURL(h2.getURL() + ";LOCK_TIMEOUT=10000");
            return h2;
        }
        String name = "cases_" + java.util.UUID.randomUUID().toString().replace("-", "");
        try {
            org.postgresql.ds.PGSimpleDataSource admin = new org.postgresql.ds.PGSimpleDataSource();
            admin.setURL(server + "postgres");
            admin.setUser("postgres");
            try (var c = admin.getConnection(); var st = c.createStatement()) {
                st.execute("CREATE DATABASE " + name);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (var c = admin.getConnection(); var st = c.createStatement()) {
                    st.execute("DROP DATABASE IF EXISTS " + name);
                } catch (java.sql.SQLException e) {
                    System.err.println("test database " + name + " was not dropped: " + e.getMessage());
                }
            }));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + server + ": " + e.getMessage(), e);
        }
        org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
        ds.setURL(server + name);
        ds.setUser("postgres");
        org.flywaydb.core.Flyway.configure().dataSource(ds).locations("classpath:db/migration")
                .table("onedoor_schema_history").load().migrate();
        return ds;
    }

    /** The store, whose commits throw after committing while {@link #commitAnswersLost} is set, counting {@link #statements}. */
    private DataSource losingCommitAnswers(DataSource real) {
        java.lang.reflect.InvocationHandler connections = (proxy, method, args) -> {
            if (method.getName().equals("getConnection")) {
                java.sql.Connection c = (java.sql.Connection) call(real, method, args);
                return java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {java.sql.Connection.class},
                        (p, m, a) -> {
                            if (m.getName().startsWith("prepare")) {
                                statements.incrementAndGet();
                            }
                            Object result = call(c, m, a);
                            if (m.getName().equals("commit") && commitAnswersLost) {
                                throw new java.sql.SQLException("connection reset after commit", "08006");
                            }
                            return result;
                        });
            }
            return call(real, method, args);
        };
        return (DataSource) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class}, connections);
    }

    private static Object call(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** @return a supervisor over the same hall with other rules */
    CaseSupervisor supervisor(CasesConfig other) {
        return new CaseSupervisor(database, outbox, calendar, directory(), trail, hub, other, R5, clock);
    }

    static CasesConfig config(double yellowShare) {
        return new CasesConfig() {
            @Override public Class<? extends Annotation> annotationType() { return CasesConfig.class; }
            @Override public double yellowShare() { return yellowShare; }
            @Override public int supplyDays() { return 5; }
            @Override public int officerArrivalMinutes() { return 20; }
            @Override public int sweepSeconds() { return 60; }
            @Override public String lockerCabinet() { return ""; }
        };
    }

    /**
     * Signs the clerk in to the window as the queue does (its {@code window_session} row replaced) and
     * calls the ticket there ({@code null}: none called); the window's earlier tickets are completed.
     */
    void signIn(int window, String clerk, String ticketNumber) {
        try (java.sql.Connection c = ds.getConnection()) {
            signIn(c, window, clerk);
            try (var done = c.prepareStatement("UPDATE ticket SET status = 'COMPLETED' WHERE hall_id = 'zhumadian' AND window_no = ? "
                    + "AND status IN ('CALLED', 'SERVING')")) {
                done.setInt(1, window);
                done.executeUpdate();
            }
            if (ticketNumber != null) {
                try (var ins = c.prepareStatement("INSERT INTO ticket (id, ticket_no, zone_id, issued_zone_id, hall_day, seq, priority, "
                        + "priority_class, green_reason, appointment_id, category, matter_code, queue_pos, status, window_no, for_window, "
                        + "no_shows, issued_at, called_at) VALUES (?, ?, ?, ?, ?, ?, 'NORMAL', 1, '', '', '', '', 0, 'CALLED', ?, 0, 0, ?, ?)")) {
                    String zone = window == 89 ? "universal" : "police";
                    ins.setString(1, java.util.UUID.randomUUID().toString());
                    ins.setString(2, ticketNumber);
                    ins.setString(3, zone);
                    ins.setString(4, zone);
                    ins.setDate(5, java.sql.Date.valueOf(java.time.LocalDate.of(2026, 11, 27)));
                    ins.setInt(6, Integer.parseInt(ticketNumber.substring(1)));
                    ins.setInt(7, window);
                    ins.setTimestamp(8, java.sql.Timestamp.from(clock.instant()));
                    ins.setTimestamp(9, java.sql.Timestamp.from(clock.instant()));
                    ins.executeUpdate();
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** On the given connection (in its transaction, if one is open): the window's session row replaced by the clerk's. */
    void signIn(java.sql.Connection c, int window, String clerk) throws java.sql.SQLException {
        try (var del = c.prepareStatement("DELETE FROM window_session WHERE hall_id = 'zhumadian' AND window_no = ?")) {
            del.setInt(1, window);
            del.executeUpdate();
        }
        try (var ins = c.prepareStatement("INSERT INTO window_session (window_no, zone_id, clerk, signed_in_at, paused) VALUES (?, ?, ?, ?, FALSE)")) {
            ins.setInt(1, window);
            ins.setString(2, window == 89 ? "universal" : "police");
            ins.setString(3, clerk);
            ins.setTimestamp(4, java.sql.Timestamp.from(clock.instant()));
            ins.executeUpdate();
        }
    }

    static CaseActor actor(String user, String role, String department) {
        return new CaseActor(new HallPrincipal(user, Set.of(role), Optional.ofNullable(department)), "window:97");
    }

    static final CaseActor CLERK = actor("clerk1", "clerk", null);
    static final CaseActor APPROVER_A17 = actor("approver.a17", "approver", "A17");
    static final CaseActor APPROVER_A15 = actor("approver.a15", "approver", "A15");
    static final CaseActor APPROVER_A16 = actor("approver.a16", "approver", "A16");
    static final CaseActor DEPT_A17 = actor("dept.a17", "department", "A17");

    /** A mail address in Zhumadian (R13); the phone and the street are what staff views mask. */
    static final org.onedoor.api.cases.MailAddress MAIL_TO = new org.onedoor.api.cases.MailAddress("张三", "13812345678", "河南省", "驻马店市",
            "驿城区", "文明大道18号3单元502室");

    static Applicant applicant() {
        return new Applicant("张三", new ResidentIdNumber(ID));
    }

    static AcceptRequest atWindow(Matter m, String... materials) {
        return new AcceptRequest(m.code(), applicant(), List.of(materials), CaseChannel.WINDOW, 97, "");
    }

    /** At window 89, in the universal zone: any matter of the hall. */
    static AcceptRequest atUniversal(Matter m, String... materials) {
        return new AcceptRequest(m.code(), applicant(), List.of(materials), CaseChannel.WINDOW, 89, "");
    }

    static AcceptRequest online(Matter m, String... materials) {
        return new AcceptRequest(m.code(), applicant(), List.of(materials), CaseChannel.ONLINE, 0, "");
    }

    List<String> auditActions() {
        List<String> out = new ArrayList<>();
        audit.forEach(a -> out.add(a.action() + "/" + a.outcome()));
        return out;
    }

    static DepartmentDirectory directory() {
        List<Department> units = List.of(
                new Department("A15", "不动产登记中心", "", UnitKind.DEPARTMENT, EntryMode.STAFF_AND_MATTERS, "real-estate", 10, 10, ""),
                new Department("A16", "税务局", "", UnitKind.DEPARTMENT, EntryMode.STAFF_AND_MATTERS, "tax", 10, 10, ""),
                new Department("A17", "公安局", "", UnitKind.DEPARTMENT, EntryMode.STAFF_AND_MATTERS, "police", 10, 10, ""),
                new Department("B01", "统计局", "", UnitKind.DEPARTMENT, EntryMode.MATTERS_ONLY, "services-365", 10, 10, ""));
        return new DepartmentDirectory() {
            @Override public List<Department> departments() { return units; }
            @Override public Optional<Department> department(String id) { return units.stream().filter(d -> d.id().equals(id)).findFirst(); }
        };
    }

    /** The departments' rules of the fixture's catalog, by matter code: what each finds wrong with the fields. */
    final Map<String, java.util.function.Function<Map<String, String>, List<org.onedoor.api.matter.ApplicationProblem>>> rules =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static MatterCatalog catalog(Map<String, java.util.function.Function<Map<String, String>, List<org.onedoor.api.matter.ApplicationProblem>>> rules,
            Matter... matters) {
        return new MatterCatalog() {
            @Override public List<org.onedoor.api.matter.ApplicationProblem> check(String code, Map<String, String> fields) {
                return rules.getOrDefault(code, f -> List.of()).apply(fields);
            }
            @Override public List<Matter> matters(MatterQuery query) { return List.of(matters); }
            @Override public Optional<Matter> matter(String code) { return java.util.Arrays.stream(matters).filter(m -> m.code().equals(code)).findFirst(); }
            @Override public Map<String, Integer> countsByDepartment() { return Map.of(); }
            @Override public List<String> validate(String code, Map<String, String> fields) { return List.of(); }
        };
    }
}
