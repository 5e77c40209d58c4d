package org.onedoor.core.internal.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.calendar.CalendarYearMissingException;
import org.onedoor.api.calendar.WorkingDayCalendar;
import org.onedoor.api.cases.CaseActor;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.department.DepartmentDirectory;
import org.onedoor.api.hall.HallClock;
import org.onedoor.api.matter.MatterCatalog;
import org.onedoor.api.report.HallReport;
import org.onedoor.api.report.HallReports;
import org.onedoor.api.report.ReportFile;
import org.onedoor.api.report.ReportKind;
import org.onedoor.api.report.ReportPeriod;
import org.onedoor.api.report.ReportRenderer;
import org.onedoor.api.report.ReportSummary;
import org.onedoor.core.internal.audit.AuditOutbox;
import org.onedoor.core.internal.text.FieldText;
import org.onedoor.core.internal.time.HallScheduler;
import org.onedoor.store.HallDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hall's reports (R19, pid {@code org.onedoor.reports}): builds a period's figures from the database,
 * renders its PDF and XLSX files (which print the report's id, so inside the transaction that gives it),
 * keeps all three in one row and audits the build in the same transaction. On the schedule, each closed week, month and quarter is built once for the whole hall
 * on the first working day after it (whichever node comes first; the others find it kept).
 */
@Component(service = {HallReports.class, HallReportService.class}, configurationPid = "org.onedoor.reports",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ReportsConfig.class)
public final class HallReportService implements HallReports {

    private static final Logger LOG = LoggerFactory.getLogger(HallReportService.class);
    static final String SCHEDULE = "schedule";

    private final HallDatabase database;
    private final AuditOutbox audit;
    private final WorkingDayCalendar calendar;
    /** The documents bundle's renderer: optional, so the core resolves without it; a build without it is refused (503). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ReportRenderer renderer;
    private final HallClock clock;
    private final ReportBuilder builder;
    private final ScheduledFuture<?> task;

    @Activate
    public HallReportService(@Reference HallDatabase database, @Reference AuditOutbox audit, @Reference WorkingDayCalendar calendar,
            @Reference DepartmentDirectory departments, @Reference MatterCatalog catalog, @Reference HallClock clock,
            @Reference HallScheduler scheduler, ReportsConfig config) {
        this(database, audit, calendar, departments, catalog, null, clock, scheduler, config);
    }

    private HallReportService(HallDatabase database, AuditOutbox audit, WorkingDayCalendar calendar, DepartmentDirectory departments,
            MatterCatalog catalog, ReportRenderer renderer, HallClock clock, HallScheduler scheduler, ReportsConfig config) {
        this.database = database;
        this.audit = audit;
        this.calendar = calendar;
        this.renderer = renderer;
        this.clock = clock;
        this.builder = new ReportBuilder(departments, catalog, clock.zone(), Math.max(1, config.conversionThreshold()),
                Math.max(1, config.slowComplaintThreshold()));
        this.task = scheduler == null || config.scheduleMinutes() <= 0 ? null
                : scheduler.every("scheduled reports", java.time.Duration.ofMinutes(config.scheduleMinutes()), this::runSchedule);
    }

    /** Without a schedule: tests call {@link #runSchedule()} after moving the clock. */
    HallReportService(HallDatabase database, AuditOutbox audit, WorkingDayCalendar calendar, DepartmentDirectory departments,
            MatterCatalog catalog, ReportRenderer renderer, HallClock clock, ReportsConfig config) {
        this(database, audit, calendar, departments, catalog, renderer, clock, (HallScheduler) null, config);
    }

    @Deactivate
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    @Override
    public ReportPeriod period(ReportKind kind, String key) {
        try {
            return ReportPeriod.parse(kind, key, calendar).orElseThrow(() -> FieldText.invalid("invalid-period", "period",
                    "period: " + kind.name() + " 报告的期间应写作 " + example(kind) + " (a period like " + example(kind) + ")"));
        } catch (CalendarYearMissingException e) {
            throw FieldText.invalid("calendar-year-missing", "period", "period: 工作日历缺少该期间的年份 (the calendar lacks the year): "
                    + e.getMessage());
        }
    }

    private static String example(ReportKind kind) {
        return switch (kind) {
            case WEEK -> "2026-W48";
            case MONTH -> "2026-11";
            case QUARTER -> "2026-Q4";
        };
    }

    @Override
    public HallReport build(ReportPeriod period, CaseActor actor) {
        if (period.start().isAfter(clock.today())) {
            throw FieldText.invalid("period-not-begun", "period", "period: " + period.key() + " 尚未开始，不能生成报告 (the period has not begun)");
        }
        return keep(period, actor.user(), actor.origin(), false).orElseThrow();
    }

    /**
     * Builds every closed period whose publication day has come and that the schedule has not built yet.
     *
     * @return the reports built now
     */
    List<HallReport> runSchedule() {
        List<HallReport> built = new ArrayList<>();
        LocalDate today = clock.today();
        for (ReportKind kind : ReportKind.values()) {
            try {
                ReportPeriod last = ReportPeriod.containing(kind, today, calendar).previous(calendar);
                if (today.isBefore(last.publishedOn(calendar))) {
                    continue;
                }
                String key = kind.name() + ":" + last.key();
                if (database.withHandle(h -> ReportStore.scheduled(h, key))) {
                    continue;
                }
                keep(last, SCHEDULE, "schedule", true).ifPresent(built::add);
            } catch (CalendarYearMissingException e) {
                LOG.warn("The scheduled {} report waits for the calendar: {}", kind, e.getMessage());
            }
        }
        return built;
    }

    private Optional<HallReport> keep(ReportPeriod period, String user, String origin, boolean scheduled) {
        ReportRenderer files = renderer;
        if (files == null) {
            throw new CaseException(CaseException.Reason.UNAVAILABLE, "documents-missing",
                    "报告文件无法生成：文档模块（onedoor-documents）未运行 (the documents bundle is not running)");
        }
        Instant now = clock.now();
        HallReport report = database.withHandle(h -> builder.build(h, period, now, now, user));
        String target = period.kind().name() + ":" + period.key();
        try {
            record Kept(HallReport report, AuditOutbox.Held held) {
            }
            Kept kept = database.inTransaction(h -> {
                if (scheduled && ReportStore.scheduled(h, target)) {
                    return null;
                }
                long id = ReportStore.insert(h, report, scheduled);
                HallReport keptReport = report.kept(id);
                ReportStore.files(h, id, files.pdf(keptReport), files.xlsx(keptReport));
                return new Kept(keptReport, audit.hold(h, new AuditEvent("report-build", user, origin, target, AuditEvent.SUCCESS,
                        "报告 " + id + "：" + period.titleZh() + "，办件 " + report.basis().cases() + " 件，投诉 " + report.basis().complaints()
                                + " 件，评价 " + report.basis().ratings() + " 件，数据摘要 " + report.basis().digest().substring(0, 12))));
            });
            if (kept == null) {
                return Optional.empty();
            }
            audit.deliver(kept.held());
            return Optional.of(kept.report());
        } catch (RuntimeException e) {
            if (scheduled && HallDatabase.collided(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public List<ReportSummary> list(Optional<ReportKind> kind, int limit) {
        if (limit < 1 || limit > 500) {
            throw FieldText.invalid("invalid-limit", "limit", "limit: 1 到 500 (1 to 500)");
        }
        return database.withHandle(h -> ReportStore.list(h, kind, limit));
    }

    @Override
    public Optional<HallReport> find(long id) {
        return database.withHandle(h -> ReportStore.find(h, id));
    }

    @Override
    public Optional<byte[]> file(long id, ReportFile file) {
        return database.withHandle(h -> ReportStore.file(h, id, file));
    }
}
