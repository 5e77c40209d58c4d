package org.onedoor.core.internal.cases;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.audit.AuditTrail;
import org.onedoor.api.calendar.CalendarYearMissingException;
import org.onedoor.api.calendar.WorkingDayCalendar;
import org.onedoor.api.cases.AlertKind;
import org.onedoor.api.cases.CaseActor;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.cases.CaseSupervision;
import org.onedoor.api.cases.CaseTiming;
import org.onedoor.api.cases.ConversionFlag;
import org.onedoor.api.cases.HallCase;
import org.onedoor.api.cases.OfficerCall;
import org.onedoor.api.cases.SupervisionAlert;
import org.onedoor.api.cases.TimeLight;
import org.onedoor.api.department.DepartmentDirectory;
import org.onedoor.api.hall.HallClock;
import org.onedoor.api.staff.Post;
import org.onedoor.api.staff.StaffState;
import org.onedoor.core.internal.audit.AuditOutbox;
import org.onedoor.core.internal.report.ReportsConfig;
import org.onedoor.core.internal.supervision.AlertSource;
import org.onedoor.core.internal.supervision.ConversionRule;
import org.onedoor.store.HallDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.FieldOption;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Supervision of cases (R4, R5, R10, R12): time lights and alerts computed for the clock's
 * current day, officers of matters-only units, and a periodic check that announces (once per
 * call) an officer who did not arrive in time.
 */
@Component(service = CaseSupervision.class, configurationPid = {"org.onedoor.cases", "org.onedoor.reports"},
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class CaseSupervisor implements CaseSupervision {

    private static final Logger LOG = LoggerFactory.getLogger(CaseSupervisor.class);

    /** How long alerts raised by a change (corrected results, fee mismatches) stay in the alert list. */
    static final int RECORDED_ALERT_DAYS = 31;

    private final CaseStore store;
    private final HallDatabase database;
    private final ConversionRule conversion;
    private final WorkingDayCalendar calendar;
    private final DepartmentDirectory departments;
    private final AuditTrail audit;
    private final CaseEventHub hub;
    private final CasesConfig config;
    private final ScheduledExecutorService sweeper;
    private final CaseClock clock;
    /** The other alerts: follow-ups, complaints, standards (the components of {@code internal.supervision}). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, fieldOption = FieldOption.UPDATE)
    final List<AlertSource> sources = new CopyOnWriteArrayList<>();

    @Activate
    public CaseSupervisor(@Reference HallDatabase database, @Reference AuditOutbox outbox, @Reference WorkingDayCalendar calendar,
            @Reference DepartmentDirectory departments, @Reference AuditTrail audit, @Reference CaseEventHub hub,
            @Reference HallClock hallClock, CasesConfig config, ReportsConfig r5) {
        this(database, outbox, calendar, departments, audit, hub, config, ConversionRule.of(r5), hallClock.clock());
        sweeper.scheduleWithFixedDelay(this::sweepQuietly, config.sweepSeconds(), Math.max(5, config.sweepSeconds()), TimeUnit.SECONDS);
    }

    CaseSupervisor(HallDatabase database, AuditOutbox outbox, WorkingDayCalendar calendar, DepartmentDirectory departments, AuditTrail audit,
            CaseEventHub hub, CasesConfig config, ConversionRule conversion, Clock clock) {
        this.store = new CaseStore(database, outbox, clock);
        this.database = database;
        this.conversion = conversion;
        this.calendar = calendar;
        this.departments = departments;
        this.audit = audit;
        this.hub = hub;
        this.config = config;
        this.clock = new CaseClock(calendar, clock.getZone());
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "onedoor-case-supervision");
            t.setDaemon(true);
            return t;
        });
    }

    @Deactivate
    void deactivate() {
        sweeper.shutdownNow();
    }

    private LocalDate today() {
        return LocalDate.now(store.clock());
    }

    @Override
    public Optional<CaseTiming> timing(String number) {
        return store.read((h, tx) -> CaseRows.load(h, number, false)).map(this::timing);
    }

    @Override
    public CaseTiming timing(HallCase h) {
        return clock.timing(h, today(), config.yellowShare());
    }

    private static String paused(CaseTiming t) {
        return t.pausedDays() == 0 && !t.paused() ? "" : "（特别程序暂停 " + t.pausedDays() + " 个工作日" + (t.paused() ? "，暂停中" : "") + "）";
    }

    @Override
    public List<SupervisionAlert> alerts(String departmentId) {
        String dept = departmentId == null ? "" : departmentId.toUpperCase(Locale.ROOT);
        Instant now = store.now();
        List<SupervisionAlert> out = new ArrayList<>();
        List<HallCase> open = store.read((h, tx) -> dept.isEmpty()
                ? CaseRows.open(h)
                : CaseRows.openOf(h, dept));
        for (HallCase h : open) {
            try {
                CaseTiming t = timing(h);
                if (t.light() == TimeLight.RED) {
                    out.add(new SupervisionAlert(AlertKind.CASE_RED, h.departmentId(), h.number(), "办件已超期：时限 " + h.committedDays()
                            + " 个工作日，截止 " + t.deadline() + paused(t) + "，仍未作出决定", h.acceptedAt()));
                } else if (t.light() == TimeLight.YELLOW) {
                    out.add(new SupervisionAlert(AlertKind.CASE_YELLOW, h.departmentId(), h.number(), "办件即将超期：已用 " + t.usedDays()
                            + "/" + h.committedDays() + " 个工作日，截止 " + t.deadline() + paused(t), h.acceptedAt()));
                }
            } catch (CalendarYearMissingException e) {
                LOG.warn("Time light of case {} unknown: {}", h.number(), e.getMessage());
            }
        }
        for (OfficerCall call : officerCalls(dept)) {
            if (call.lateAt(now) && LocalDate.ofInstant(call.notifiedAt(), store.clock().getZone()).equals(today())) {
                out.add(new SupervisionAlert(AlertKind.OFFICER_LATE, call.departmentId(), call.caseNumber(),
                        (call.officer().isEmpty() ? "部门专员" : "专员 " + call.officer()) + " 应于 " + call.expectedBy() + " 前到厅，"
                                + call.arrivedAt().map(a -> "实际 " + a + " 到达").orElse("至今未到"), call.expectedBy()));
            }
        }
        out.addAll(store.read((h, tx) -> CaseAlerts.since(h, now.minus(java.time.Duration.ofDays(RECORDED_ALERT_DAYS)), dept)));
        YearMonth month = YearMonth.from(today());
        for (ConversionFlag f : conversionFlags(month)) {
            if (dept.isEmpty() || dept.equals(f.departmentId())) {
                out.add(new SupervisionAlert(AlertKind.CONVERSION_DUE, f.departmentId(), month.toString(), "“事项进驻、人员不进驻”单位本月"
                        + ConversionRule.reasonsZh(f) + "，应转为人员进驻（R5）", now));
            }
        }
        for (AlertSource source : sources) {
            try {
                out.addAll(source.alerts(dept));
            } catch (RuntimeException e) {
                LOG.warn("Supervision alerts of {} unavailable", source.getClass().getSimpleName(), e);
            }
        }
        out.sort(Comparator.comparing(SupervisionAlert::departmentId).thenComparing(a -> a.kind().ordinal()));
        return out;
    }

    @Override
    public void nameOfficer(String departmentId, String officer, CaseActor actor) {
        String dept = departmentId == null ? "" : departmentId.strip().toUpperCase(Locale.ROOT);
        JdbcCaseAuthorizations.requireOwnDepartment(dept, actor);
        if (departments.department(dept).isEmpty()) {
            throw CaseStore.notFound("unknown-department", "大厅没有单位 " + dept);
        }
        if (officer == null || !officer.strip().matches("[A-Za-z0-9._@-]{1,128}")) {
            throw CaseStore.invalid("invalid-officer", "请给出专员的用户名（1-128位字母、数字或 . _ @ -）");
        }
        String named = officer.strip();
        CaseStore.Done<Integer> done = store.write((h, tx) -> {
            // R4, R15: the officer is a member of the unit the registry keeps as its matters-only officer, dispatched and approved
            boolean registered = h.createQuery("SELECT COUNT(*) FROM staff_member WHERE user_name = :user AND unit_id = :unit"
                    + " AND post = :post AND state = :state").bind("user", named).bind("unit", dept)
                    .bind("post", Post.MATTERS_ONLY_OFFICER.name()).bind("state", StaffState.ACTIVE.name()).mapTo(Integer.class).one() > 0;
            if (!registered) {
                throw new CaseException(CaseException.Reason.CONFLICT, "officer-not-registered",
                        "officer: " + named + " 不是单位 " + dept + " 在册的" + Post.MATTERS_ONLY_OFFICER.chinese()
                                + "，请先由单位派驻、大厅批准后再指定（R4、R15） (" + named + " is not an active " + Post.MATTERS_ONLY_OFFICER.english()
                                + " of " + dept + " in the staff registry: dispatch them and have the hall approve first)", "officer");
            }
            tx.audit(new AuditEvent("officer-name", actor.user(), actor.origin(), dept, AuditEvent.SUCCESS, "指定专员 " + named));
            h.createUpdate("DELETE FROM department_officer WHERE department_id = :department").bind("department", dept).execute();
            h.createUpdate("INSERT INTO department_officer (department_id, officer, named_by, named_at) VALUES (:department, :officer, :by, :at)")
                    .bind("department", dept).bind("officer", named).bind("by", actor.user()).bind("at", Timestamp.from(tx.at())).execute();
            // the calls still open name the officer who now comes: only that officer checks in to them (R4)
            return h.createUpdate("UPDATE officer_call SET officer = :officer WHERE department_id = :department AND arrived_at IS NULL")
                    .bind("officer", named).bind("department", dept).execute();
        });
        store.recordAudit(done);
    }

    @Override
    public Optional<String> officer(String departmentId) {
        return store.read((h, tx) -> OfficerCalls.officer(h, departmentId.toUpperCase(Locale.ROOT)));
    }

    @Override
    public List<OfficerCall> officerCalls(String departmentId) {
        return store.read((h, tx) -> departmentId == null || departmentId.isEmpty()
                ? OfficerCalls.latest(h)
                : OfficerCalls.latestOf(h, departmentId.toUpperCase(Locale.ROOT)));
    }

    @Override
    public List<OfficerCall> checkIn(String departmentId, CaseActor actor) {
        String dept = departmentId == null ? "" : departmentId.strip().toUpperCase(Locale.ROOT);
        JdbcCaseAuthorizations.requireOwnDepartment(dept, actor);
        CaseStore.Done<List<OfficerCall>> done;
        try {
            done = store.write((h, tx) -> {
                List<OfficerCall> waiting = OfficerCalls.waitingOf(h, dept);
                List<OfficerCall> open = waiting.stream().filter(call -> call.officer().equals(actor.user())).toList();
                if (open.isEmpty() && !waiting.isEmpty()) {
                    String named = waiting.stream().map(OfficerCall::officer).filter(o -> !o.isEmpty()).distinct().sorted()
                            .reduce((a, b) -> a + "、" + b).orElse("");
                    throw new CaseException(CaseException.Reason.FORBIDDEN, "not-named-officer", named.isEmpty()
                            ? "单位 " + dept + " 尚未指定专员，呼叫未点名任何人；请先指定专员（PUT /api/v1/cases/officers/" + dept + "）再由其本人签到 (R4)"
                                    + " (the unit named no officer, so no call names anyone: name the officer first, who then checks in in person)"
                            : "呼叫点名的专员是 " + named + "，须由其本人到厅签到，" + actor.user() + " 不能代签 (R4) (the call names " + named
                                    + ": that officer checks in in person, not another user of the unit)");
                }
                PreparedBatch arrived = h.prepareBatch("UPDATE officer_call SET arrived_at = :at WHERE id = :id");
                for (OfficerCall call : open) {
                    arrived.bind("at", Timestamp.from(tx.at())).bind("id", call.id()).add();
                    boolean late = tx.at().isAfter(call.expectedBy());
                    String detail = "专员 " + actor.user() + " 到厅签到" + (late ? "，迟到（应于 " + call.expectedBy() + " 前）" : "，按时");
                    CaseRows.history(h, call.caseNumber(), tx.at(), actor.user(), actor.origin(), "officer-arrive",
                            CaseRows.load(h, call.caseNumber(), false).orElseThrow().state(), detail);
                    tx.audit(new AuditEvent("officer-arrive", actor.user(), actor.origin(), call.caseNumber(),
                            late ? AuditEvent.FAILURE : AuditEvent.SUCCESS, detail));
                    tx.event("OFFICER_ARRIVED", call.caseNumber(), "", dept, "", 0);
                }
                if (arrived.size() > 0) {
                    arrived.execute();
                }
                return open.stream().map(call -> new OfficerCall(call.id(), call.caseNumber(), call.departmentId(), call.officer(),
                        call.notifiedAt(), call.expectedBy(), Optional.of(tx.at()))).toList();
            });
        } catch (CaseException e) {
            store.recordAudit(store.write((h, tx) -> {
                tx.audit(new AuditEvent("officer-arrive", actor.user(), actor.origin(), dept, AuditEvent.REFUSED, e.code() + ": " + e.getMessage()));
                return null;
            }));
            throw e;
        }
        publish(done);
        return done.result();
    }

    private void publish(CaseStore.Done<?> done) {
        store.recordAudit(done);
        hub.publish(done.events());
    }

    /**
     * Announces officers past their arrival time, once per call: an OFFICER_LATE event and an
     * audit record. Run periodically; tests call it after moving the clock.
     *
     * @return the calls found late now
     */
    List<OfficerCall> sweep() {
        CaseStore.Done<List<OfficerCall>> done = store.write((h, tx) -> {
            List<OfficerCall> late = OfficerCalls.lateUnalerted(h, tx.at());
            PreparedBatch alerted = h.prepareBatch("UPDATE officer_call SET late_alerted = TRUE WHERE id = :id");
            for (OfficerCall call : late) {
                alerted.bind("id", call.id()).add();
                String detail = (call.officer().isEmpty() ? call.departmentId() + " 专员" : "专员 " + call.officer())
                        + " 未在 " + config.officerArrivalMinutes() + " 分钟内到厅（应于 " + call.expectedBy() + " 前）";
                tx.audit(new AuditEvent("officer-late", "system", "supervision", call.caseNumber(), AuditEvent.FAILURE, detail));
                tx.event("OFFICER_LATE", call.caseNumber(), "", call.departmentId(), "", 0);
            }
            if (alerted.size() > 0) {
                alerted.execute();
            }
            return late;
        });
        publish(done);
        return done.result();
    }

    /**
     * Raises a SUPPLY_OVERDUE alert, once per case, for every undecided case whose supply-by day has passed with a
     * tolerable material still missing (R9): the department may now reject or terminate it. Run periodically with
     * {@link #sweep()}; tests call it after moving the clock.
     *
     * @return the numbers of the cases alerted now
     */
    List<String> sweepSupply() {
        CaseStore.Done<List<String>> done = store.write((h, tx) -> CaseAlerts.supplyOverdue(tx, today()));
        publish(done);
        return done.result();
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warn("The check for late officers failed: {}", e.getMessage());
        }
        try {
            sweepSupply();
        } catch (RuntimeException e) {
            LOG.warn("The check for materials not supplied in time failed: {}", e.getMessage());
        }
    }

    /** R5 for one calendar month: each matters-only unit whose cases or slow-handling complaints reached their threshold. */
    @Override
    public List<ConversionFlag> conversionFlags(YearMonth month) {
        return database.withHandle(h -> conversion.flags(h, month, null, store.clock().getZone(), departments));
    }
}
