package org.onedoor.core.internal.matter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ScheduledFuture;
import org.onedoor.api.calendar.WorkingDayCalendar;
import org.onedoor.api.department.DepartmentDirectory;
import org.onedoor.api.hall.Department;
import org.onedoor.api.hall.HallClock;
import org.onedoor.api.matter.Matter;
import org.onedoor.api.matter.MatterCatalog;
import org.onedoor.api.matter.MatterChange;
import org.onedoor.api.matter.MatterChangeKind;
import org.onedoor.api.matter.MatterChangeRequest;
import org.onedoor.api.matter.MatterChangeStatus;
import org.onedoor.api.matter.MatterChanges;
import org.onedoor.core.internal.time.HallScheduler;
import org.onedoor.store.HallDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dynamic adjustment of matters kept in the store (table {@code matter_change}). Confirmed
 * adjustments whose day has come are laid over the catalog; a minute timer notices when an
 * effective date arrives and logs adjustments whose confirmation is overdue.
 */
@Component(service = MatterChanges.class)
public final class JdbcMatterChanges implements MatterChanges {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcMatterChanges.class);
    private static final String AWAITING = """
            SELECT id, kind, code, matter_json, effective_date, reason, filed_at, filed_by,
                   confirm_by, status, decided_at, decided_by, decision_note
              FROM matter_change WHERE status = 'FILED' ORDER BY id""";
    private static final String CONFIRMED = """
            SELECT id, kind, code, matter_json, effective_date, reason, filed_at, filed_by,
                   confirm_by, status, decided_at, decided_by, decision_note
              FROM matter_change WHERE status = 'CONFIRMED' ORDER BY id""";
    private static final String ANNOUNCED = """
            SELECT id, kind, code, matter_json, effective_date, reason, filed_at, filed_by,
                   confirm_by, status, decided_at, decided_by, decision_note
              FROM matter_change WHERE status = 'CONFIRMED' ORDER BY decided_at DESC, id DESC""";
    private static final String OF_CODE = """
            SELECT id, kind, code, matter_json, effective_date, reason, filed_at, filed_by,
                   confirm_by, status, decided_at, decided_by, decision_note
              FROM matter_change WHERE code = :code ORDER BY id""";
    private static final String BY_ID = """
            SELECT id, kind, code, matter_json, effective_date, reason, filed_at, filed_by,
                   confirm_by, status, decided_at, decided_by, decision_note
              FROM matter_change WHERE id = :id""";

    private final HallDatabase database;
    private final MatterCatalog catalog;
    private final CatalogOverlay overlay;
    private final DepartmentDirectory departments;
    private final WorkingDayCalendar calendar;
    private final ScheduledFuture<?> timer;
    private final Clock clock;
    private volatile List<Long> inForce = List.of();
    private volatile LocalDate overdueLoggedOn;

    @Activate
    public JdbcMatterChanges(@Reference HallDatabase database,
            @Reference MatterCatalog catalog, @Reference CatalogOverlay overlay, @Reference DepartmentDirectory departments,
            @Reference WorkingDayCalendar calendar, @Reference HallClock hallClock, @Reference HallScheduler scheduler) {
        this(database, catalog, overlay, departments, calendar, hallClock.clock(), scheduler);
    }

    /** @param clock the hall's clock: dates (filing day, effective day) are the hall's calendar days in its zone */
    JdbcMatterChanges(HallDatabase database, MatterCatalog catalog, CatalogOverlay overlay, DepartmentDirectory departments,
            WorkingDayCalendar calendar, Clock clock, HallScheduler scheduler) {
        this.clock = clock;
        this.database = database;
        this.catalog = catalog;
        this.overlay = overlay;
        this.departments = departments;
        this.calendar = calendar;
        refresh(true);
        this.timer = scheduler.every("matter adjustments in force", Duration.ofMinutes(1), () -> refresh(false));
    }

    /** Lays the adjustments in force over the catalog now (the timer does it every minute). */
    void refreshNow() {
        refresh(false);
    }

    @Deactivate
    void close() {
        timer.cancel(false);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    @Override
    public synchronized MatterChange file(MatterChangeRequest r) {
        if (r.kind() == null) {
            throw new IllegalArgumentException("say what the adjustment does: ADD, CHANGE or CANCEL");
        }
        if (r.effectiveDate() == null || r.effectiveDate().isBefore(today())) {
            throw new IllegalArgumentException("the effective date must be today or later");
        }
        if (r.reasonZh() == null || r.reasonZh().isBlank()) {
            throw new IllegalArgumentException("give the reason of the adjustment (e.g. the law or reform behind it)");
        }
        Optional<Matter> current = catalog.matter(r.code());
        Matter matter;
        if (r.kind() == MatterChangeKind.CANCEL) {
            matter = current.orElseThrow(() -> new IllegalArgumentException("no matter '" + r.code() + "' is offered, so it cannot be cancelled"));
        } else {
            matter = CatalogFileCodec.readEntry(r.matterJson() == null ? "" : r.matterJson(), "adjustment of " + r.code(),
                    unit -> departments.department(unit).map(Department::zoneId).orElse(null));
            if (!matter.code().equals(r.code())) {
                throw new IllegalArgumentException("the matter's code " + matter.code() + " differs from the adjusted code " + r.code());
            }
            if (r.kind() == MatterChangeKind.ADD && current.isPresent()) {
                throw new IllegalArgumentException("matter " + r.code() + " is already offered: file a CHANGE, or give the new matter a new code");
            }
            if (r.kind() == MatterChangeKind.CHANGE) {
                Matter before = current.orElseThrow(() -> new IllegalArgumentException(
                        "no matter '" + r.code() + "' is offered, so it cannot be changed: file an ADD"));
                if (!before.departmentId().equals(matter.departmentId())) {
                    throw new IllegalArgumentException("a change cannot move matter " + r.code() + " to another department");
                }
            }
        }
        LocalDate filedOn = today();
        LocalDate confirmBy;
        try {
            confirmBy = calendar.deadline(filedOn, CONFIRMATION_WORKING_DAYS).date();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the confirmation deadline cannot be counted: " + e.getMessage(), e);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        long id;
        try {
            id = database.withHandle(h -> h.createUpdate("INSERT INTO matter_change (code, kind, matter_json, effective_date,"
                    + " reason, filed_at, filed_by, confirm_by, status)"
                    + " VALUES (:code, :kind, :matter, :effective, :reason, :filedAt, :filedBy, :confirmBy, :status)")
                    .bind("code", r.code())
                    .bind("kind", r.kind().name())
                    .bind("matter", CatalogFileCodec.writeEntry(matter))
                    .bind("effective", r.effectiveDate())
                    .bind("reason", r.reasonZh().strip())
                    .bind("filedAt", now)
                    .bind("filedBy", r.actor())
                    .bind("confirmBy", confirmBy)
                    .bind("status", MatterChangeStatus.FILED.name())
                    .executeAndReturnGeneratedKeys("id")
                    .map((rs, ctx) -> rs.getLong("id"))
                    .one());
        } catch (IllegalStateException e) {
            throw new IllegalStateException("cannot file the adjustment: " + e.getMessage(), e);
        }
        LOG.info("Matter adjustment #{} filed by {}: {} {}, effective {}, hall confirmation due by {}", id, r.actor(),
                r.kind(), r.code(), r.effectiveDate(), confirmBy);
        return find(id).orElseThrow();
    }

    @Override
    public MatterChange confirm(long id, String actor) {
        MatterChange decided = decide(id, MatterChangeStatus.CONFIRMED, "", actor);
        LOG.info("Matter adjustment #{} confirmed by {} and announced: {} {}, effective {}", id, actor, decided.kind(),
                decided.code(), decided.effectiveDate());
        refresh(true);
        return decided;
    }

    @Override
    public MatterChange reject(long id, String reasonZh, String actor) {
        if (reasonZh == null || reasonZh.isBlank()) {
            throw new IllegalArgumentException("give the reason for rejecting adjustment #" + id);
        }
        MatterChange decided = decide(id, MatterChangeStatus.REJECTED, reasonZh.strip(), actor);
        LOG.info("Matter adjustment #{} rejected by {}: {}", id, actor, reasonZh);
        return decided;
    }

    private synchronized MatterChange decide(long id, MatterChangeStatus status, String note, String actor) {
        MatterChange change = find(id).orElseThrow(() -> new IllegalArgumentException("no adjustment #" + id));
        if (change.status() != MatterChangeStatus.FILED) {
            throw new IllegalStateException("adjustment #" + id + " is already " + change.status());
        }
        int updated;
        try {
            updated = database.withHandle(h -> h.createUpdate("UPDATE matter_change SET status = :status, decided_at = :at,"
                    + " decided_by = :actor, decision_note = :note WHERE id = :id AND status = :filed")
                    .bind("status", status.name())
                    .bind("at", clock.instant().truncatedTo(ChronoUnit.MILLIS))
                    .bind("actor", actor)
                    .bind("note", note)
                    .bind("id", id)
                    .bind("filed", MatterChangeStatus.FILED.name())
                    .execute());
        } catch (IllegalStateException e) {
            throw new IllegalStateException("cannot record the decision on adjustment #" + id + ": " + e.getMessage(), e);
        }
        if (updated != 1) {
            throw new IllegalStateException("adjustment #" + id + " was decided meanwhile");
        }
        return find(id).orElseThrow();
    }

    @Override
    public List<MatterChange> awaitingConfirmation() {
        return changes(AWAITING, Map.of());
    }

    @Override
    public List<MatterChange> announcements() {
        return changes(ANNOUNCED, Map.of());
    }

    @Override
    public List<MatterChange> history(String code) {
        return changes(OF_CODE, Map.of("code", code));
    }

    private Optional<MatterChange> find(long id) {
        return changes(BY_ID, Map.of("id", id)).stream().findFirst();
    }

    /** @return the adjustments a query of all the columns finds with these named arguments */
    private List<MatterChange> changes(String sql, Map<String, ?> arguments) {
        try {
            return database.withHandle(h -> h.createQuery(sql).bindMap(arguments).map((rs, ctx) -> row(rs)).list());
        } catch (IllegalStateException e) {
            throw new IllegalStateException("cannot read the matter adjustments: " + e.getMessage(), e);
        }
    }

    private MatterChange row(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        Matter matter = CatalogFileCodec.readEntry(rs.getString("matter_json"), "adjustment #" + id,
                unit -> departments.department(unit).map(Department::zoneId).orElse("")).withRevision("change-" + id);
        Timestamp decided = rs.getTimestamp("decided_at");
        return new MatterChange(id, MatterChangeKind.valueOf(rs.getString("kind")), rs.getString("code"), matter,
                rs.getDate("effective_date").toLocalDate(), rs.getString("reason"), rs.getTimestamp("filed_at").toInstant(),
                rs.getString("filed_by"), rs.getDate("confirm_by").toLocalDate(), MatterChangeStatus.valueOf(rs.getString("status")),
                Optional.ofNullable(decided).map(Timestamp::toInstant), Objects.toString(rs.getString("decided_by"), ""),
                Objects.toString(rs.getString("decision_note"), ""));
    }

    /** Lays the adjustments in force over the catalog when they differ from the last ones laid. */
    private void refresh(boolean force) {
        try {
            LocalDate today = today();
            Map<String, Matter> replacing = new LinkedHashMap<>();
            Set<String> cancelled = new TreeSet<>();
            List<Long> ids = new ArrayList<>();
            for (MatterChange change : changes(CONFIRMED, Map.of())) {
                if (!change.inForceOn(today)) {
                    continue;
                }
                ids.add(change.id());
                if (change.kind() == MatterChangeKind.CANCEL) {
                    replacing.remove(change.code());
                    cancelled.add(change.code());
                } else {
                    cancelled.remove(change.code());
                    replacing.put(change.code(), change.matter());
                }
            }
            if (force || !ids.equals(inForce)) {
                inForce = List.copyOf(ids);
                overlay.overlay(replacing.values(), cancelled);
            }
            if (!today.equals(overdueLoggedOn)) {
                overdueLoggedOn = today;
                for (MatterChange pending : awaitingConfirmation()) {
                    if (pending.overdueOn(today)) {
                        LOG.warn("Matter adjustment #{} ({} {}) awaits the hall's confirmation past its deadline {}",
                                pending.id(), pending.kind(), pending.code(), pending.confirmBy());
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Could not lay the matter adjustments over the catalog: {}", e.getMessage());
        }
    }
}
